namespace Cake.Release.Manifests;

/// <summary>What runs of one service in one environment: one entry of an environment manifest.</summary>
/// <param name="Version">The release version, e.g. <c>1.6.1</c>.</param>
/// <param name="Image">The image repository, e.g. <c>registry.example.com/acme/blue</c>; null for a chart-only service, whose version is its chart's.</param>
/// <param name="Digest">The image digest that runs (<c>sha256:…</c>): promotion moves this digest, never rebuilds.</param>
/// <param name="Commit">The source commit the image was built from.</param>
/// <param name="Deployed">When it was written; kept in UTC to the second, as rendered: <c>2025-01-20T10:04:00Z</c>.</param>
/// <param name="By">Who promoted it: <c>--by</c>, the CI actor or the git user.</param>
/// <param name="From">The environment it was promoted from, or null when it was built for this one.</param>
/// <param name="Config">
/// The commit its configuration was rendered from, when that is not <paramref name="Commit"/>: a change of the
/// service's configuration alone is deployed with the image it already runs.
/// </param>
public sealed record ManifestEntry(
    string Version,
    string? Image,
    string? Digest,
    string? Commit,
    DateTimeOffset Deployed,
    string? By = null,
    string? From = null,
    string? Config = null)
{
    /// <summary>The commit the release stands for, image and configuration: <see cref="Config"/> when set, else <see cref="Commit"/>.</summary>
    public string? Source => Config ?? Commit;

    /// <summary>When it was written, in UTC and to the second, so an entry equals itself read back from the file.</summary>
    public DateTimeOffset Deployed { get; init => field = ToSecond(value); } = ToSecond(Deployed);

    private static DateTimeOffset ToSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
