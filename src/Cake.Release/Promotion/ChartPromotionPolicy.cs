using System.Globalization;
using Cake.Release.Config;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// The gates of a chart-only service's promotion (<c>image: false</c>): the image's path, soak, approvals and version
/// checks as they are, and in place of the registry's, the chart's own: the source environment runs a chart version,
/// and that version's chart release tag (<c>tags.chartRelease</c>) is on the remote and marks the commit the source
/// recorded. A chart version is promoted as it is, never renumbered for the target's <c>preRelease</c> channel, since
/// what the target pins must be a chart that exists.
/// </summary>
internal static class ChartPromotionPolicy
{
    public static PromotionPlan Evaluate(PromotionRequest request, PromotionFacts facts, EnvironmentConfig target, PromotionNames? names, bool alreadyDone, IReadOnlyList<PromotionCheck> shared)
    {
        var source = facts.Source;
        var version = facts.Version.Version;
        var tag = version is null ? null : facts.ReleaseTags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, version));
        var tagName = version is null ? null : ReleaseTags.Name(facts.Config.Tags.ChartRelease, request.Service, version);
        var checks = new List<PromotionCheck> { shared[0], shared[4], Source(request, target, facts), Tag(request, tagName, tag?.Name), shared[1], shared[2], shared[3], Immutable(tag, source?.Commit) };
        return new PromotionPlan(request.Service, target.From, target.Name, version is null ? null : ReleaseVersion.Text(version), null, source?.Commit,
            checks, [], names, target.Notify.Select(n => n.Kind).ToList(), alreadyDone)
        {
            ChartTag = tagName,
        };
    }

    private static PromotionCheck Source(PromotionRequest request, EnvironmentConfig target, PromotionFacts facts)
    {
        var source = facts.Source;
        if (target.From is null)
        {
            return new("source", false, "no source environment to take the chart version from");
        }

        if (source is null)
        {
            return new("source", false, $"{target.From} does not run the {request.Service} chart; {(target.From == facts.Config.AutoEnvironment?.Name ? "release it (ReleaseChart), then DeployDev records it there" : $"promote it into {target.From} first")}");
        }

        if (source.Commit is null)
        {
            return new("source", false, $"{target.From}'s entry for {request.Service} ({source.Version}) records no commit, so no chart release is known by it; deploy it to {target.From} again");
        }

        if (request.Version is { } wanted && wanted != source.Version)
        {
            return new("source", false, $"{target.From} runs the {request.Service} chart {source.Version}, not {wanted}; a chart version is promoted as it is, so leave out --version or get {wanted} into {target.From} first");
        }

        return facts.Version.Version is null
            ? new("source", false, facts.Version.Problem ?? $"{target.From} runs the {request.Service} chart at {source.Version}, which is not a chart version")
            : new("source", true, $"{target.From} runs the {request.Service} chart {source.Version} (commit {ShortCommit.Of(source.Commit)}, deployed {source.Deployed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)})");
    }

    private static PromotionCheck Tag(PromotionRequest request, string? expected, string? found) =>
        expected is null ? new("chart", false, "no chart version to look for (see source)")
        : found is null ? new("chart", false, $"there is no chart release tag {expected} on the remote, so that chart version was never released; release it with ReleaseChart --service={request.Service}")
        : new("chart", true, $"{found} is on the remote");

    // A chart version's tag never moves: the commit the source environment recorded must be the one the tag marks.
    private static PromotionCheck Immutable(ReleaseTag? tag, string? commit) =>
        tag is null || commit is null ? new("immutable", false, "no chart release tag and source commit to compare (see chart and source)")
        : tag.Commit != commit ? new("immutable", false, $"{tag.Name} marks commit {ShortCommit.Of(tag.Commit)}, but the source recorded {ShortCommit.Of(commit)}; a chart version never moves, so deploy the tagged chart to the source again")
        : new("immutable", true, $"{tag.Name} marks {ShortCommit.Of(commit)}, the commit the source recorded");
}
