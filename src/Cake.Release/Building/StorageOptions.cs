namespace Cake.Release.Building;

/// <summary>
/// Where buildah or podman keep images and how they isolate RUN steps. Left null, the tool's own configuration
/// decides; set, a user without root's container configuration (or a test) gets storage of its own.
/// </summary>
internal sealed record StorageOptions(string? Driver, string? Root, string? RunRoot, string? Isolation)
{
    public static StorageOptions From(BuildahSettings settings) => new(settings.StorageDriver, settings.Root, settings.RunRoot, settings.Isolation);

    public static StorageOptions From(PodmanSettings settings) => new(settings.StorageDriver, settings.Root, settings.RunRoot, settings.Isolation);
}
