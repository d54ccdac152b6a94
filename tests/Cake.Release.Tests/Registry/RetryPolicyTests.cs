using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    [Fact]
    public void Doubles_the_wait_after_each_failure_up_to_the_bound()
    {
        var waits = Enumerable.Range(1, 5).Select(attempt => Policy.DelayAfter(attempt, null).TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1000], waits);
    }

    [Fact]
    public void Waits_at_least_what_Retry_After_asks_but_never_past_the_bound()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(700), Policy.DelayAfter(1, TimeSpan.FromMilliseconds(700)));
        Assert.Equal(TimeSpan.FromMilliseconds(400), Policy.DelayAfter(3, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.DelayAfter(1, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Counts_the_first_attempt()
    {
        Assert.True(Policy.AllowsAnotherAfter(4));
        Assert.False(Policy.AllowsAnotherAfter(5));
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_in_one_line()
    {
        var error = Assert.Throws<ReleaseException>(() => new RegistrySettings { MaxAttempts = 0 }.Retry);

        Assert.Contains("MaxAttempts ≥ 1", error.Message);
    }
}
