namespace Cake.Release.Charts;

/// <summary>
/// The charts whose <c>dependencies:</c> name a local chart: by <c>repository: file://…</c> pointing at its folder,
/// or by name for a sub-chart in the parent's own <c>charts/</c> folder (no repository). A dependency on a chart
/// repository (https://, oci://) names a published chart, not this folder, and is not followed.
/// </summary>
public static class ChartParents
{
    /// <summary>The parents of the chart in <paramref name="chartDir"/> and the dependency entry in each that names it.</summary>
    /// <param name="chartDir">The chart's folder, relative to the repository root with '/' separators.</param>
    /// <param name="chart">The chart.</param>
    /// <param name="charts">Every chart to consider: its folder and document.</param>
    public static IReadOnlyList<(string Dir, ChartDocument Chart, ChartDependency Dependency)> Of(string chartDir, ChartDocument chart, IEnumerable<(string Dir, ChartDocument Chart)> charts)
    {
        var parents = new List<(string, ChartDocument, ChartDependency)>();
        foreach (var (dir, parent) in charts)
        {
            if (dir == chartDir)
            {
                continue;
            }

            foreach (var dependency in parent.Dependencies.Where(d => d.Name == chart.Name))
            {
                var names = dependency.Repository switch
                {
                    null => Path.GetDirectoryName(chartDir)?.Replace('\\', '/') == Join(dir, "charts"),
                    var repository when repository.StartsWith("file://", StringComparison.Ordinal) => Normalize(Join(dir, repository["file://".Length..])) == chartDir,
                    _ => false,
                };
                if (names)
                {
                    parents.Add((dir, parent, dependency));
                }
            }
        }

        return parents;
    }

    private static string Join(string dir, string relative) => dir is "" or "." ? relative : $"{dir}/{relative}";

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
