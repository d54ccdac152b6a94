using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// The release version a promotion records. The rules, in order:
/// <list type="number">
/// <item><c>--version</c> wins; into an environment with <c>preRelease: rc</c> a version without one becomes its next <c>-rc.N</c>.</item>
/// <item>A release tag of the right kind (that channel, or stable) already on the source commit is reused, so a re-run
/// (or a second promotion of the same build) never burns a new number.</item>
/// <item>Without <c>--bump</c>, a source running a SemVer version carries it on: 1.6.0-rc.2 into production is 1.6.0,
/// into another channel its next pre-release of that channel.</item>
/// <item>Otherwise (a build tag like sha-3f2c1a0 in dev, or <c>--bump</c>) the service's release line decides, from
/// the Conventional Commits since its last release tag (<see cref="VersionLine"/>), with the channel's next counter.</item>
/// </list>
/// </summary>
public static class PromotionVersion
{
    /// <summary>Chooses the version; never throws for bad input, the problem is reported as a failed check instead.</summary>
    /// <param name="request">The promotion asked for.</param>
    /// <param name="target">The environment promoted into (its <c>preRelease</c> channel matters).</param>
    /// <param name="source">The service's entry in the source environment.</param>
    /// <param name="tags">The service's release tags on the remote.</param>
    /// <param name="sinceStable">The highest change level among the commits since the last stable release tag.</param>
    /// <param name="changedSinceLatest">Whether the service changed since its latest release tag.</param>
    /// <param name="rules">The pre-release channel order; the default when null.</param>
    public static VersionChoice Choose(PromotionRequest request, EnvironmentConfig target, ManifestEntry? source, IReadOnlyList<ReleaseTag> tags, ChangeLevel sinceStable, bool changedSinceLatest, VersionRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(tags);
        var channel = target.PreRelease;
        if (request.Version is { } text)
        {
            if (!ReleaseVersion.TryParse(text, out var wanted, out var problem))
            {
                return new VersionChoice(null, "--version", $"--version={text} is not a SemVer 2.0.0 version ({problem}); pass e.g. --version=1.6.0");
            }

            return channel is null || wanted!.IsPrerelease
                ? new VersionChoice(wanted, "--version")
                : PreReleaseOf(wanted, channel, tags, source?.Source, $"the next {channel} of --version={text}");
        }

        if (source is null)
        {
            return new VersionChoice(null, "none", $"there is no source version to release; promote {request.Service} into {target.From ?? "the source"} first");
        }

        var reused = tags.Where(t => t.Commit == source.Source && (channel is null ? !t.Version.IsPrerelease : ReleaseVersion.IsOfChannel(t.Version, channel, out _)))
            .Select(t => t.Version).Max(Precedence.SemVer);
        if (reused is not null)
        {
            return new VersionChoice(reused, $"the release tag already on {ShortCommit.Of(source.Source!)}");
        }

        if (request.Bump is null && ReleaseVersion.TryParse(source.Version, out var running, out _))
        {
            if (channel is null)
            {
                return new VersionChoice(ReleaseVersion.Core(running!), running!.IsPrerelease ? $"the release of {source.Version}" : $"{source.Version}, as {target.From} runs it");
            }

            return ReleaseVersion.IsOfChannel(running!, channel, out _)
                ? new VersionChoice(running, $"{source.Version}, as {target.From} runs it")
                : PreReleaseOf(ReleaseVersion.Core(running!), channel, tags, source.Source, $"the next {channel} of {ReleaseVersion.Text(ReleaseVersion.Core(running!))}");
        }

        try
        {
            var bump = request.Bump ?? VersionBump.Auto;
            var next = VersionLine.Next(request.Service, tags.Select(t => t.Version).ToList(), new VersionRequest { Bump = bump, PreRelease = channel }, sinceStable, changedSinceLatest, rules);
            var latest = tags.Count > 0 ? tags[^1].Name : null;
            return next is null
                ? new VersionChoice(null, "--bump", $"{request.Service} has no commits since {latest}, so there is nothing new to release; pass --version, or promote the version {latest} names")
                : new VersionChoice(next, $"--bump={bump.ToString().ToLowerInvariant()} from the commits since {latest ?? "the first commit"}");
        }
        catch (ReleaseException e)
        {
            return new VersionChoice(null, "--bump", e.Message.TrimEnd('.'));
        }
    }

    private static VersionChoice PreReleaseOf(SemanticVersion core, string channel, IReadOnlyList<ReleaseTag> tags, string? commit, string how)
    {
        var same = tags.Where(t => t.Commit == commit && Precedence.SemVer.Equals(ReleaseVersion.Core(t.Version), core) && ReleaseVersion.IsOfChannel(t.Version, channel, out _))
            .Select(t => t.Version).Max(Precedence.SemVer);
        return same is not null
            ? new VersionChoice(same, $"the release tag already on {ShortCommit.Of(commit!)}")
            : new VersionChoice(VersionLine.NextPreRelease(core, channel, tags.Select(t => t.Version)), how);
    }
}
