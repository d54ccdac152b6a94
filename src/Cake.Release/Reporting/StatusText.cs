namespace Cake.Release.Reporting;

/// <summary>What one matrix cell says in the text outputs (table and Markdown): version, short digest, age, drift.</summary>
internal static class StatusText
{
    /// <summary><c>1.6.0 3f2c1a2b4c5d 5h [behind]</c> (with <c>config a1b2c3d</c> where configuration is rendered); <c>-</c> where the service does not run.</summary>
    public static string Cell(StatusCell cell)
    {
        var parts = new List<string>();
        if (cell.Entry is { } entry)
        {
            parts.Add(entry.Version);
            parts.Add(cell.ShortDigest ?? "no-digest");
            if (cell.Configuration is { } configuration)
            {
                parts.Add("config " + ShortCommit.Of(configuration));
            }

            parts.Add(cell.Age!);
        }
        else
        {
            parts.Add("-");
        }

        if (cell.Drift.Count > 0)
        {
            parts.Add("[" + string.Join(", ", cell.DriftNames) + "]");
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// One line per drift mark the matrix uses, saying what it means, then one per incomplete cell saying which
    /// release is missing there; none when nothing drifts.
    /// </summary>
    public static IEnumerable<string> Legend(ReleaseStatus status) =>
        DriftMarks.All.Where(mark => status.Cells.Any(c => c.Drift.Contains(mark)))
            .Select(mark => $"{DriftMarks.Name(mark)}: {DriftMarks.Meaning(mark)}")
            .Concat(status.Cells.Where(c => c.Incomplete is not null).Select(c => $"{c.Service} in {c.Environment}: {c.Incomplete}"));

    /// <summary>The headers naming a row: <c>service</c>, or <c>repository, kind, service</c> when the matrix spans repositories.</summary>
    public static IReadOnlyList<string> RowHeaders(ReleaseStatus status) =>
        status.SpansRepositories ? ["repository", "kind", "service"] : ["service"];

    /// <summary>The cells naming a row, under <see cref="RowHeaders"/>.</summary>
    public static IReadOnlyList<string> RowNames(ReleaseStatus status, string row) =>
        status.SpansRepositories && status.Component(row) is var component
            ? [component.Repository ?? "", component.Kind, component.Service]
            : [row];
}
