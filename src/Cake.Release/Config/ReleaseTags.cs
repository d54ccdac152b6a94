using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Config;

/// <summary>
/// A line's releases read back from git tag names through its template (<c>tags.release</c> for a service's image,
/// <c>tags.chartRelease</c> for a chart), the reverse of rendering it: with
/// <c>{service}/{version}</c>, <c>blue/1.6.0-rc.2</c> is blue's 1.6.0-rc.2 and <c>green/2.0.0</c> is not blue's.
/// Names that look like a release but hold no SemVer version are not releases and are skipped.
/// </summary>
public static class ReleaseTags
{
    /// <summary>The releases of <paramref name="line"/> among <paramref name="tags"/>, lowest version first.</summary>
    /// <param name="template">The <c>tags.release</c> or <c>tags.chartRelease</c> template.</param>
    /// <param name="line">The service (or chart) name rendered for <c>{service}</c>.</param>
    /// <param name="tags">Tag names and the commits they point at.</param>
    public static IReadOnlyList<ReleaseTag> Of(TagTemplate template, string line, IEnumerable<(string Name, string Commit)> tags)
    {
        var matcher = template.Matcher(line);
        var releases = new List<ReleaseTag>();
        foreach (var (name, commit) in tags)
        {
            var match = matcher.Match(name);
            if (match.Success && ReleaseVersion.TryParse(match.Groups["version"].Value, out var version, out _))
            {
                releases.Add(new ReleaseTag(name, version!, commit));
            }
        }

        return releases.OrderBy(r => r.Version, Precedence.SemVer).ToList();
    }

    /// <summary>The tag name of a release: its template rendered for the line and version.</summary>
    /// <param name="template">The <c>tags.release</c> or <c>tags.chartRelease</c> template.</param>
    /// <param name="line">The service (or chart) name.</param>
    /// <param name="version">The version.</param>
    /// <param name="sha">The commit, for templates that use <c>{sha}</c>.</param>
    /// <param name="date">The release moment, for templates that use <c>{date}</c>.</param>
    public static string Name(TagTemplate template, string line, SemanticVersion version, string? sha = null, DateTimeOffset? date = null) =>
        template.Render(new TemplateValues { Service = line, Version = ReleaseVersion.Text(version), Sha = sha, Date = date });
}
