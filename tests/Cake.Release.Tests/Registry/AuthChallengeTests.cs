using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Reads_a_bearer_challenge_whose_scope_holds_commas()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:acme/blue:pull,push\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Realm);
        Assert.Equal("registry.example.com", challenge.Service);
        Assert.Equal("repository:acme/blue:pull,push", challenge.Scope);
    }

    [Fact]
    public void Reads_a_basic_challenge_with_unquoted_values_and_escapes()
    {
        var challenge = AuthChallenge.Parse("basic realm=\"say \\\"hi\\\"\", charset=UTF-8");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBasic);
        Assert.Equal("say \"hi\"", challenge.Realm);
        Assert.Equal("UTF-8", challenge.Parameters["charset"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void No_header_is_no_challenge(string? header) => Assert.Null(AuthChallenge.Parse(header));
}
