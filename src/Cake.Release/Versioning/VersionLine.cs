using System.Globalization;
using System.Numerics;
using NuGet.Versioning;

namespace Cake.Release.Versioning;

/// <summary>
/// The next version of a release line (a service or a chart) from the versions it already has, the request and the
/// changes since. The pre-release lifecycle: <c>1.6.0-alpha.1 → alpha.2 → beta.1 → rc.1 → 1.6.0</c>; counters
/// continue from the highest existing one of that channel and version (so a number is never used twice), restart at
/// 1 on a channel switch, and a line never goes back to an earlier channel. A change larger than the line was cut
/// for (a breaking change on the way to 1.6.0) moves the line: <c>1.6.0-rc.1</c> + breaking → <c>2.0.0-rc.1</c>.
/// </summary>
public static class VersionLine
{
    /// <summary>Works out the next version, or null when there is nothing to release.</summary>
    /// <param name="name">The line's name for messages, e.g. <c>blue</c>.</param>
    /// <param name="existing">Every version the line has had (its release tags, and the chart's current version).</param>
    /// <param name="request">The bump rule and channel, or an explicit version.</param>
    /// <param name="sinceStable">The level of the changes since the last stable release.</param>
    /// <param name="changedSinceLatest">Whether anything changed since the latest release tag (pre-release or not).</param>
    /// <param name="rules">Channels and the below-1.0.0 rule; <see cref="VersionRules.Default"/> when null.</param>
    /// <returns>The next version; null when nothing changed since the latest release and the request would only renumber it.</returns>
    /// <exception cref="ReleaseException">The request cannot be met: a version not above the current one, or a step back to an earlier channel.</exception>
    public static SemanticVersion? Next(string name, IReadOnlyCollection<SemanticVersion> existing, VersionRequest request, ChangeLevel sinceStable, bool changedSinceLatest, VersionRules? rules = null)
    {
        rules ??= VersionRules.Default;
        var latest = existing.Count == 0 ? null : existing.Max(Precedence.SemVer);
        if (request.Explicit is { } wanted)
        {
            return latest is not null && Precedence.SemVer.Compare(wanted, latest) <= 0
                ? throw new ReleaseException($"{name}: --version={ReleaseVersion.Text(wanted)} is not greater than the current version {ReleaseVersion.Text(latest)}; pass a higher version, e.g. {ReleaseVersion.Text(Bump(Stable(latest), ChangeLevel.Patch))}, or --bump.")
                : wanted;
        }

        var channel = Channel(request, latest, rules);
        var stable = existing.Where(v => !v.IsPrerelease).DefaultIfEmpty(new SemanticVersion(0, 0, 0)).Max(Precedence.SemVer)!;
        if (!changedSinceLatest && latest is not null && channel == ChannelOf(latest))
        {
            return null;
        }

        var level = request.Bump switch
        {
            VersionBump.Major => ChangeLevel.Major,
            VersionBump.Minor => ChangeLevel.Minor,
            VersionBump.Patch => ChangeLevel.Patch,
            _ => sinceStable == ChangeLevel.Major && stable.Major == 0 && rules.BreakingBelowOneBumpsMinor ? ChangeLevel.Minor : sinceStable,
        };

        var onPreReleaseLine = latest is { IsPrerelease: true } && Precedence.SemVer.Compare(latest, stable) > 0;
        if (level == ChangeLevel.None)
        {
            // Only a channel switch with no new commits gets here (alpha.2 → beta.1, or rc → stable): same line.
            level = onPreReleaseLine ? LevelOf(ReleaseVersion.Core(latest!), stable) : ChangeLevel.Patch;
        }

        var target = onPreReleaseLine && level <= LevelOf(ReleaseVersion.Core(latest!), stable)
            ? ReleaseVersion.Core(latest!)
            : Bump(stable, level);

        if (channel is null)
        {
            return target;
        }

        if (onPreReleaseLine && Precedence.SemVer.Equals(ReleaseVersion.Core(latest!), target) && ChannelOf(latest!) is { } current
            && rules.Channels.ToList().IndexOf(channel) is var to and >= 0 && rules.Channels.ToList().IndexOf(current) is var from and >= 0 && to < from)
        {
            throw new ReleaseException($"{name} is at {ReleaseVersion.Text(latest!)}: a release line does not go back from {current} to {channel}; pass --prerelease={current} (or a later channel), or release {ReleaseVersion.Text(target)} without --prerelease.");
        }

        var next = NextPreRelease(target, channel, existing);
        return latest is not null && Precedence.SemVer.Compare(next, latest) <= 0
            ? throw new ReleaseException($"{name} is at {ReleaseVersion.Text(latest)}, which sorts above {ReleaseVersion.Text(next)}; pass a channel that sorts later, or --version.")
            : next;
    }

    /// <summary>
    /// The next pre-release of <paramref name="core"/> on <paramref name="channel"/>: one above the highest counter of
    /// that channel among <paramref name="existing"/> (1.6.0-rc.3 after 1.6.0-rc.2), so a counter is never reused.
    /// </summary>
    public static SemanticVersion NextPreRelease(SemanticVersion core, string channel, IEnumerable<SemanticVersion> existing)
    {
        ArgumentNullException.ThrowIfNull(core);
        var counter = existing
            .Where(v => Precedence.SemVer.Equals(ReleaseVersion.Core(v), core))
            .Select(v => ReleaseVersion.IsOfChannel(v, channel, out var n) ? n : BigInteger.Zero)
            .DefaultIfEmpty(BigInteger.Zero)
            .Max() + 1;
        return new SemanticVersion(core.Major, core.Minor, core.Patch, [channel, counter.ToString(CultureInfo.InvariantCulture)], null);
    }

    /// <summary>The version one <paramref name="level"/> above <paramref name="stable"/>: 1.5.3 + minor → 1.6.0.</summary>
    /// <param name="stable">A stable version.</param>
    /// <param name="level">Patch, minor or major.</param>
    public static SemanticVersion Bump(SemanticVersion stable, ChangeLevel level) => level switch
    {
        ChangeLevel.Major => new SemanticVersion(stable.Major + 1, 0, 0),
        ChangeLevel.Minor => new SemanticVersion(stable.Major, stable.Minor + 1, 0),
        _ => new SemanticVersion(stable.Major, stable.Minor, stable.Patch + 1),
    };

    private static string? Channel(VersionRequest request, SemanticVersion? latest, VersionRules rules)
    {
        if (request.PreRelease is { } channel)
        {
            return channel.Length > 0 && channel.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && !channel.All(char.IsAsciiDigit)
                ? channel
                : throw new ReleaseException($"--prerelease={channel} is not a pre-release channel; pass a name of letters, digits and '-', e.g. --prerelease=rc.");
        }

        return request.Bump == VersionBump.Prerelease
            ? (latest is not null ? ChannelOf(latest) : null) ?? rules.Channels.FirstOrDefault() ?? "alpha"
            : null;
    }

    // 1.6.0-rc.2 → rc; a stable version has none.
    private static string? ChannelOf(SemanticVersion version) => version.IsPrerelease ? version.ReleaseLabels.First() : null;

    // The stable version a pre-release leads to: 1.6.0-rc.1 → 1.6.0, whose bump from 1.5.3 is a minor one.
    private static SemanticVersion Stable(SemanticVersion version) => ReleaseVersion.Core(version);

    private static ChangeLevel LevelOf(SemanticVersion core, SemanticVersion stable) =>
        core.Major > stable.Major ? ChangeLevel.Major : core.Minor > stable.Minor ? ChangeLevel.Minor : ChangeLevel.Patch;
}
