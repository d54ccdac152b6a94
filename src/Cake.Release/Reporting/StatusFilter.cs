namespace Cake.Release.Reporting;

/// <summary>
/// A view of the status matrix (<c>--version</c>, <c>--kind</c>, <c>--env</c>, <c>--repository</c>, <c>--service</c>,
/// each repeatable; the dashboard's query string). Values of one filter are alternatives; filters combine. Environments
/// narrow the columns; the others narrow the rows: a row is kept when its component is of a named kind, repository or
/// service, and (with versions) when it runs a named version in one of the columns kept. Drift is decided on the
/// whole matrix first, so a filtered view shows the same marks as the full one.
/// </summary>
public sealed record StatusFilter
{
    /// <summary>Versions (<c>--version</c>): rows running one of them in a shown environment.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>Kinds (<c>--kind</c>): backend, frontend, kafka, infra, k8s.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Environments (<c>--env</c>): the columns shown.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Repositories (<c>--repository</c>), as the release record names them.</summary>
    public IReadOnlyList<string> Repositories { get; init; } = [];

    /// <summary>Services (<c>--service</c>), by their name within a repository.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>True when nothing is filtered.</summary>
    public bool IsEmpty => Versions.Count + Kinds.Count + Environments.Count + Repositories.Count + Services.Count == 0;

    /// <summary>
    /// The first value no row or column of <paramref name="status"/> has, as one line naming the known ones; null when
    /// every value is known. Kinds are also known when release.yaml allows them, even if nothing of that kind runs.
    /// </summary>
    /// <param name="status">The whole matrix.</param>
    /// <param name="where">How the values were given, for the line: <c>--</c> or a query parameter's prefix.</param>
    public string? Unknown(ReleaseStatus status, string where = "--")
    {
        ArgumentNullException.ThrowIfNull(status);
        var components = status.Services.Select(status.Component).ToList();
        return Check("env", Environments, status.Environments)
            ?? Check("kind", Kinds, [.. Config.ComponentKinds.All, .. components.Select(c => c.Kind)])
            ?? Check("repository", Repositories, components.Select(c => c.Repository).OfType<string>())
            ?? Check("service", Services, components.Select(c => c.Service))
            ?? Check("version", Versions, status.Cells.Select(c => c.Entry?.Version).OfType<string>());

        string? Check(string name, IReadOnlyList<string> values, IEnumerable<string> known)
        {
            var names = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (values.FirstOrDefault(v => !names.Contains(v, StringComparer.Ordinal)) is not { } unknown)
            {
                return null;
            }

            var listed = names.Count == 0 ? "none: nothing runs anywhere yet"
                : names.Count > 20 ? string.Join(", ", names.Take(20)) + $" and {names.Count - 20} more"
                : string.Join(", ", names);
            return $"{where}{name}={unknown} names no {name} of the release status; known: {listed}.";
        }
    }

    /// <summary>The view of <paramref name="status"/> this filter asks for.</summary>
    /// <param name="status">The whole matrix.</param>
    public ReleaseStatus Apply(ReleaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (IsEmpty)
        {
            return status;
        }

        var columns = status.Environments.Where(e => Environments.Count == 0 || Environments.Contains(e, StringComparer.Ordinal)).ToList();
        var rows = status.Services.Where(row =>
        {
            var component = status.Component(row);
            return (Kinds.Count == 0 || Kinds.Contains(component.Kind, StringComparer.Ordinal))
                && (Repositories.Count == 0 || (component.Repository is { } repository && Repositories.Contains(repository, StringComparer.Ordinal)))
                && (Services.Count == 0 || Services.Contains(component.Service, StringComparer.Ordinal))
                && (Versions.Count == 0 || columns.Any(e => status.Cell(row, e).Entry?.Version is { } version && Versions.Contains(version, StringComparer.Ordinal)));
        }).ToList();
        return status.Narrow(columns, rows);
    }
}
