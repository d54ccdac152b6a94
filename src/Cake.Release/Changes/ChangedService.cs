namespace Cake.Release.Changes;

/// <summary>A service that changed between its base and head.</summary>
/// <param name="Name">The service name.</param>
/// <param name="Base">The commit its changes were measured from; null when there was none (<see cref="BaseSource.None"/>).</param>
/// <param name="BaseSource">Where the base came from.</param>
/// <param name="Reasons">Every reason it counts as changed: its files, a dependency path or service, or no base.</param>
public sealed record ChangedService(string Name, string? Base, BaseSource BaseSource, IReadOnlyList<ChangeReason> Reasons)
{
    /// <summary>True when only its configuration changed: it is deployed again with the image it runs, not rebuilt.</summary>
    public bool ConfigurationOnly => Reasons.Count > 0 && Reasons.All(r => r.Kind == ChangeReasonKind.Configuration);
}
