namespace Cake.Release.GitOps;

/// <summary>
/// How often and how patiently a GitOps write retries after losing a push race. Each wait is drawn at random
/// between zero and an exponentially growing cap ("full jitter"), so writers that collided once do not collide
/// again in lock step.
/// </summary>
/// <param name="MaxAttempts">Pushes tried before giving up, unless <see cref="Patience"/> has time left; each attempt re-reads the branch and re-applies the edit.</param>
/// <param name="BaseDelay">The cap of the first wait; it doubles per attempt.</param>
/// <param name="MaxDelay">The largest cap.</param>
public sealed record PushRetry(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>
    /// 30 attempts or 5 minutes, whichever lasts longer, waits capped at 250 ms doubling to 4 s: fifty pipelines
    /// pushing one branch at the same moment all land (benchmarks/gitops-writers.sh).
    /// </summary>
    public static PushRetry Default { get; } = new(30, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4)) { Patience = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// How long a write keeps trying once <see cref="MaxAttempts"/> are spent. Every lost race is another pipeline's
    /// write landing, so a crowd of N writers costs the last of them up to N - 1 attempts however they are spaced; on
    /// a busy runner those take longer, not more, and a budget in time fits the crowd where a count does not.
    /// </summary>
    public TimeSpan Patience { get; init; } = TimeSpan.Zero;

    /// <summary>Whether the given attempt (1 = the first push) is made, <paramref name="elapsed"/> after the first began.</summary>
    public bool Allows(int attempt, TimeSpan elapsed) => attempt <= MaxAttempts || elapsed < Patience;

    /// <summary>What a write that gave up tried, for its error: "31 pushes in 5 min 2 s".</summary>
    public static string Tried(int pushes, TimeSpan elapsed) =>
        $"{pushes} pushes in {(elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s" : $"{elapsed.TotalSeconds:0.0} s")}";

    /// <summary>The wait before the given retry (1 = the first retry).</summary>
    public TimeSpan Delay(int retry, Random random)
    {
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * cap);
    }
}
