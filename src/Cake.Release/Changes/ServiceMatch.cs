namespace Cake.Release.Changes;

/// <summary>Which services a list of changed files marks, each with its reasons, and the files no service claims.</summary>
/// <param name="Changed">The marked services in configuration order, each with every reason that applies.</param>
/// <param name="Outside">The files outside every service path and every <c>dependsOn</c> path: they mark nothing.</param>
public sealed record ServiceMatch(IReadOnlyList<KeyValuePair<string, IReadOnlyList<ChangeReason>>> Changed, IReadOnlyList<ChangedFile> Outside)
{
    /// <summary>The reasons a service changed, or null when it did not.</summary>
    /// <param name="service">The service name.</param>
    public IReadOnlyList<ChangeReason>? ReasonsFor(string service) =>
        Changed.FirstOrDefault(c => c.Key == service).Value;
}
