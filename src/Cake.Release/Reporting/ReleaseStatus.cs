namespace Cake.Release.Reporting;

/// <summary>
/// The environment × service matrix: what runs where, since when, and where it drifts. Environments in the order of
/// the promotion chain, services in the configuration's order.
/// </summary>
public sealed class ReleaseStatus
{
    private readonly Dictionary<(string Service, string Environment), StatusCell> _cells;
    private bool? _spansRepositories;

    /// <summary>A matrix of the given cells; <see cref="StatusMatrix.Build"/> makes one from manifests.</summary>
    /// <param name="environments">The columns, in chain order.</param>
    /// <param name="services">The rows.</param>
    /// <param name="cells">One cell per service and environment.</param>
    /// <param name="at">The clock the ages are relative to.</param>
    public ReleaseStatus(IReadOnlyList<string> environments, IReadOnlyList<string> services, IEnumerable<StatusCell> cells, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(cells);
        Environments = environments;
        Services = services;
        At = at;
        _cells = cells.ToDictionary(c => (c.Service, c.Environment));
    }

    /// <summary>The environments (columns), in the order of the promotion chain: dev, staging, production.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>The services (rows), in the configuration's order.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>When the matrix was made; ages count from here.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The file the JSON or HTML output was written to; null for the table and Markdown.</summary>
    public string? OutputFile { get; init; }

    /// <summary>
    /// Who each row is (<see cref="Services"/> are the keys): kind, and the repository when the matrix spans
    /// repositories. Rows absent here are services of this repository of the default kind.
    /// </summary>
    public IReadOnlyDictionary<string, StatusComponent> Components { get; init; } = new Dictionary<string, StatusComponent>(StringComparer.Ordinal);

    /// <summary>True when the rows come from several repositories (the central release record): the outputs add repository and kind.</summary>
    // Asked once per row by every output: answered once, or a 10,000-row table walks the components 10,000 times.
    public bool SpansRepositories => _spansRepositories ??= Components.Values.Any(c => c.Repository is not null);

    /// <summary>Who a row is: its <see cref="StatusComponent"/>, or this repository's service of that name.</summary>
    /// <param name="row">A row of <see cref="Services"/>.</param>
    public StatusComponent Component(string row) =>
        Components.TryGetValue(row, out var component) ? component : new StatusComponent(null, Config.ComponentKinds.Backend, row);

    /// <summary>The same matrix with another cell set, rows and columns (a filter's view); components and time kept.</summary>
    /// <param name="environments">The columns kept.</param>
    /// <param name="services">The rows kept.</param>
    public ReleaseStatus Narrow(IReadOnlyList<string> environments, IReadOnlyList<string> services) =>
        new(environments, services, services.SelectMany(s => environments.Select(e => Cell(s, e))), At)
        {
            Components = Components,
            OutputFile = OutputFile,
        };

    /// <summary>Every cell, row by row (services), each row in environment order.</summary>
    public IEnumerable<StatusCell> Cells => Services.SelectMany(s => Environments.Select(e => Cell(s, e)));

    /// <summary>The cells where the service runs: the JSON output's fragments, in environment order, then by service name.</summary>
    public IEnumerable<StatusCell> Deployments =>
        Environments.SelectMany(e => Services.Order(StringComparer.Ordinal).Select(s => Cell(s, e)).Where(c => c.Runs));

    /// <summary>True when any cell has a drift mark.</summary>
    public bool HasDrift => _cells.Values.Any(c => c.Drift.Count > 0);

    /// <summary>The cell of a service in an environment.</summary>
    /// <param name="service">A service of the matrix.</param>
    /// <param name="environment">An environment of the matrix.</param>
    public StatusCell Cell(string service, string environment) =>
        _cells.TryGetValue((service, environment), out var cell) ? cell : new StatusCell(service, environment, null, null, []);
}
