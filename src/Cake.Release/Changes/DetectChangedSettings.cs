using Cake.Core.IO;
using Cake.Release.GitOps;

namespace Cake.Release.Changes;

/// <summary>Settings for <see cref="Building.ChangeAliases.DetectChanged"/>.</summary>
public sealed class DetectChangedSettings : ReleaseSettings
{
    /// <summary>
    /// The commit every service is compared with (<c>--base</c>). When null, each service's base is the commit the
    /// auto environment's manifest records for it, else the merge-base of head with the remote's main branch.
    /// </summary>
    public string? Base { get; set; }

    /// <summary>The commit whose changes are detected (<c>--head</c>); HEAD when null.</summary>
    public string? Head { get; set; }

    /// <summary>Whether to write <c>artifacts/changed.json</c> and the CI outputs; true by default.</summary>
    public bool WriteOutputs { get; set; } = true;
}
