namespace Cake.Release.Changes;

/// <summary>What DetectChanged found: head, the services that changed (each with its base and reasons), and the rest.</summary>
/// <param name="Head">The full commit id of head.</param>
/// <param name="Mode">How the bases were chosen, over all services.</param>
/// <param name="Services">The changed services, in configuration order.</param>
/// <param name="Unchanged">The services that did not change, in configuration order.</param>
/// <param name="Outside">Changed files outside every service and every <c>dependsOn</c> path: they marked nothing.</param>
public sealed record ChangeSet(
    string Head,
    ChangeMode Mode,
    IReadOnlyList<ChangedService> Services,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<ChangedFile> Outside)
{
    /// <summary>The names of the changed services, in configuration order.</summary>
    public IReadOnlyList<string> Names => Services.Select(s => s.Name).ToList();

    /// <summary>The services to build: every changed service but those whose configuration alone changed.</summary>
    public IReadOnlyList<string> ToBuild => Services.Where(s => !s.ConfigurationOnly).Select(s => s.Name).ToList();

    /// <summary>The services whose configuration alone changed: deployed again with the image they run.</summary>
    public IReadOnlyList<string> Reconfigured => Services.Where(s => s.ConfigurationOnly).Select(s => s.Name).ToList();

    /// <summary>The changed service of that name, or null when it did not change.</summary>
    /// <param name="name">The service name.</param>
    public ChangedService? Service(string name) => Services.FirstOrDefault(s => s.Name == name);
}
