using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class BearerTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Is_reused_until_its_lifetime_less_a_margin_has_passed()
    {
        var token = BearerToken.Parse("""{"token":"t0k3n","expires_in":300}""", Now)!;

        Assert.Equal("t0k3n", token.Value);
        Assert.True(token.IsFreshAt(Now.AddSeconds(290)));
        Assert.False(token.IsFreshAt(Now.AddSeconds(296)));
    }

    [Fact]
    public void Lives_60_seconds_from_issued_at_when_the_server_gives_no_lifetime()
    {
        var token = BearerToken.Parse("""{"access_token":"abc","issued_at":"2026-01-20T09:59:30Z"}""", Now)!;

        Assert.Equal("abc", token.Value);
        Assert.Equal(Now.AddSeconds(30), token.Expires);
    }

    [Fact]
    public void An_answer_without_a_token_gives_none() => Assert.Null(BearerToken.Parse("""{"details":"denied"}""", Now));

    [Fact]
    public void Never_prints_the_token() => Assert.DoesNotContain("t0k3n", BearerToken.Parse("""{"token":"t0k3n"}""", Now)!.ToString());
}
