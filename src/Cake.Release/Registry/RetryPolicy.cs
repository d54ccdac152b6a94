namespace Cake.Release.Registry;

/// <summary>
/// How long to wait before trying a request again: exponential from <see cref="InitialDelay"/>, at least what the
/// registry asked for in <c>Retry-After</c>, never longer than <see cref="MaxDelay"/>.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="InitialDelay">The wait after the first failure; it doubles after each further one.</param>
/// <param name="MaxDelay">The longest single wait, also for a larger Retry-After.</param>
internal sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        var exponential = InitialDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var wanted = retryAfter is { } asked && asked > exponential ? asked : exponential;
        return wanted > MaxDelay ? MaxDelay : wanted;
    }

    /// <summary>True when another attempt is allowed after attempt number <paramref name="attempt"/>.</summary>
    public bool AllowsAnotherAfter(int attempt) => attempt < MaxAttempts;
}
