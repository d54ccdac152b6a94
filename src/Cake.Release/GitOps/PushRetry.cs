namespace Cake.Release.GitOps;

/// <summary>
/// How often and how patiently a GitOps write retries after losing a push race. Each wait is drawn at random
/// between zero and an exponentially growing cap ("full jitter"), so writers that collided once do not collide
/// again in lock step.
/// </summary>
/// <param name="MaxAttempts">Pushes tried before giving up; each attempt re-reads the branch and re-applies the edit.</param>
/// <param name="BaseDelay">The cap of the first wait; it doubles per attempt.</param>
/// <param name="MaxDelay">The largest cap.</param>
public sealed record PushRetry(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>30 attempts, waits capped at 50 ms doubling to 2 s: enough for dozens of pipelines on one branch.</summary>
    public static PushRetry Default { get; } = new(30, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));

    /// <summary>The wait before the given retry (1 = the first retry).</summary>
    public TimeSpan Delay(int retry, Random random)
    {
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * cap);
    }
}
