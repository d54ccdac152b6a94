namespace Cake.Release.Hosting;

/// <summary>A task class (or a contributed task instance) as the host registers it with the engine.</summary>
internal sealed record TaskDefinition(
    string Name,
    Type Type,
    string? Description,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<string> Dependees,
    bool ContinueOnError,
    bool SupportsDryRun,
    IReadOnlyList<string> Arguments,
    IFrostingTask? Instance = null,
    IReadOnlyList<string>? Fixes = null);
