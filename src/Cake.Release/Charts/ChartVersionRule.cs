using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Charts;

/// <summary>
/// chart-testing's (ct) rule: a chart changed since the base must carry a version greater than the base's, by SemVer
/// precedence. So <c>1.2.0 → 1.2.0-rc.1</c> is not a bump (a pre-release sorts below its release), and a chart new
/// since the base passes.
/// </summary>
public static class ChartVersionRule
{
    /// <summary>What is wrong with a changed chart's version, as one sentence with the fix; null when it passes.</summary>
    /// <param name="chartFile">The chart's Chart.yaml, as messages name it.</param>
    /// <param name="line">The line of its version.</param>
    /// <param name="baseRef">The base the chart is compared with, e.g. <c>origin/main</c>.</param>
    /// <param name="baseVersion">The version on the base; null when the chart is new.</param>
    /// <param name="version">The version now.</param>
    public static string? Problem(string chartFile, int line, string baseRef, SemanticVersion? baseVersion, SemanticVersion version)
    {
        if (baseVersion is null || Precedence.SemVer.Compare(version, baseVersion) > 0)
        {
            return null;
        }

        var suggestion = baseVersion.IsPrerelease ? ReleaseVersion.Core(baseVersion) : VersionLine.Bump(baseVersion, ChangeLevel.Patch);
        var why = Precedence.SemVer.Equals(version, baseVersion) ? "is the same as" : "is not greater than";
        return $"{chartFile}:{line}: version {ReleaseVersion.Text(version)} {why} {ReleaseVersion.Text(baseVersion)} on {baseRef}, but the chart changed; bump it (e.g. to {ReleaseVersion.Text(suggestion)}: BumpChart --chart={Path.GetDirectoryName(chartFile)?.Replace('\\', '/')} --bump=patch)";
    }
}
