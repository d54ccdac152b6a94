namespace Cake.Release.Registry;

/// <summary>How patient the registry client is: retries of 429, 5xx, dropped connections and timeouts.</summary>
public sealed class RegistrySettings
{
    /// <summary>Attempts per request in all, the first included (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure, doubled after each further one (default 0.5 s).</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, also when the registry's <c>Retry-After</c> asks for more (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take before it counts as timed out and is retried (default 5 min, for large blobs).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    internal RetryPolicy Retry
    {
        get
        {
            if (MaxAttempts < 1 || InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay || RequestTimeout <= TimeSpan.Zero)
            {
                throw new ReleaseException($"RegistrySettings: MaxAttempts {MaxAttempts}, InitialDelay {InitialDelay}, MaxDelay {MaxDelay}, RequestTimeout {RequestTimeout} do not fit; use MaxAttempts ≥ 1, 0 ≤ InitialDelay ≤ MaxDelay and a positive RequestTimeout.");
            }

            return new RetryPolicy(MaxAttempts, InitialDelay, MaxDelay);
        }
    }
}
