namespace Cake.Release.Hosting;

/// <summary>A task class as the host registers it with the engine.</summary>
internal sealed record TaskDefinition(
    string Name,
    Type Type,
    string? Description,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<string> Dependees,
    bool ContinueOnError,
    bool SupportsDryRun);
