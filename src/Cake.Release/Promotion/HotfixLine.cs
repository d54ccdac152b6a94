using System.Globalization;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// The release line a hotfix patches: its last stable release (where a missing release branch starts) and the next
/// patch version, worked out from the service's release tags alone, which are the truth.
/// </summary>
/// <param name="Major">The line's major version.</param>
/// <param name="Minor">The line's minor version.</param>
/// <param name="Base">The line's last stable release.</param>
/// <param name="Next">The version the hotfix gets: the next patch of the line.</param>
public sealed record HotfixLine(int Major, int Minor, ReleaseTag Base, SemanticVersion Next)
{
    /// <summary>The line as <c>--line</c> writes it: <c>1.6</c>.</summary>
    public string Name => $"{Major}.{Minor}";

    /// <summary>Works out the line from <c>--line</c>, else the line of the service's latest stable release.</summary>
    /// <param name="service">The service, for messages.</param>
    /// <param name="releases">The service's release tags (any order).</param>
    /// <param name="line">The line asked for (<c>1.6</c>), or null.</param>
    public static HotfixLine Of(string service, IReadOnlyList<ReleaseTag> releases, string? line)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var stable = releases.Where(r => !r.Version.IsPrerelease).OrderBy(r => r.Version, Precedence.SemVer).ToList();
        int major, minor;
        if (line is null)
        {
            var latest = stable.LastOrDefault()
                ?? throw new ReleaseException($"{service} has no stable release tag on the remote, so there is no release line to patch; release it first (PromoteEnv or ReleaseChart), or fetch the tags.");
            (major, minor) = (latest.Version.Major, latest.Version.Minor);
        }
        else
        {
            var parts = line.Split('.');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
            {
                throw new ReleaseException($"--line={line} is not a release line; pass MAJOR.MINOR, e.g. --line=1.6.");
            }
        }

        var onLine = releases.Where(r => r.Version.Major == major && r.Version.Minor == minor).ToList();
        var baseRelease = onLine.Where(r => !r.Version.IsPrerelease).MaxBy(r => r.Version, Precedence.SemVer)
            ?? throw new ReleaseException($"{service} has no release on line {major}.{minor} (its lines: {Lines(stable)}); pass one of them to --line.");
        var next = VersionLine.Next(service, onLine.Select(r => r.Version).ToList(), new VersionRequest { Bump = VersionBump.Patch }, ChangeLevel.Patch, changedSinceLatest: true)!;
        return new HotfixLine(major, minor, baseRelease, next);
    }

    private static string Lines(IEnumerable<ReleaseTag> stable)
    {
        var lines = stable.Select(r => $"{r.Version.Major}.{r.Version.Minor}").Distinct().ToList();
        return lines.Count == 0 ? "none" : string.Join(", ", lines);
    }
}
