namespace Cake.Release.Changes;

/// <summary>One reason a service counts as changed; a service keeps every reason that applies.</summary>
/// <param name="Kind">Own files, a dependency path, a dependency service, or no base.</param>
/// <param name="DependsOn">The path or service named in <c>dependsOn</c> (for the two dependency kinds), else null.</param>
/// <param name="Files">The changed files behind the reason (none for a service dependency or no base).</param>
/// <param name="Detail">For <see cref="ChangeReasonKind.NoBase"/>: why there was nothing to compare with.</param>
public sealed record ChangeReason(ChangeReasonKind Kind, string? DependsOn, IReadOnlyList<ChangedFile> Files, string? Detail = null)
{
    /// <summary>Files changed inside the service's own path.</summary>
    /// <param name="files">The files.</param>
    public static ChangeReason InPath(IReadOnlyList<ChangedFile> files) => new(ChangeReasonKind.Files, null, files);

    /// <summary>Files changed under a path the service depends on.</summary>
    /// <param name="path">The path as <c>dependsOn</c> names it.</param>
    /// <param name="files">The files.</param>
    public static ChangeReason OnPath(string path, IReadOnlyList<ChangedFile> files) => new(ChangeReasonKind.DependsOnPath, path, files);

    /// <summary>Files changed under the service's configuration paths.</summary>
    /// <param name="files">The files.</param>
    public static ChangeReason InConfiguration(IReadOnlyList<ChangedFile> files) => new(ChangeReasonKind.Configuration, null, files);

    /// <summary>A service this one depends on changed.</summary>
    /// <param name="service">The service as <c>dependsOn</c> names it.</param>
    public static ChangeReason OnService(string service) => new(ChangeReasonKind.DependsOnService, service, []);

    /// <summary>Nothing to compare with, so the service counts as changed.</summary>
    /// <param name="detail">Why, in words.</param>
    public static ChangeReason NoBase(string detail) => new(ChangeReasonKind.NoBase, null, [], detail);

    /// <summary>As the log shows it, naming at most <paramref name="maxFiles"/> files.</summary>
    /// <param name="maxFiles">How many files to name before "and N more".</param>
    public string Describe(int maxFiles = 3) => Kind switch
    {
        ChangeReasonKind.Files => ListFiles(maxFiles),
        ChangeReasonKind.DependsOnPath => $"depends on {DependsOn}: {ListFiles(maxFiles)}",
        ChangeReasonKind.DependsOnService => $"depends on {DependsOn}",
        ChangeReasonKind.Configuration => $"configuration: {ListFiles(maxFiles)}",
        _ => Detail ?? "no base",
    };

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private string ListFiles(int maxFiles)
    {
        var shown = string.Join(", ", Files.Take(maxFiles));
        return Files.Count > maxFiles ? $"{shown} and {Files.Count - maxFiles} more" : shown;
    }
}
