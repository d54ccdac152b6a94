using Cake.Core.IO;
using Cake.Release.GitOps;
using Cake.Release.Registry;

namespace Cake.Release.Reporting;

/// <summary>Settings of <see cref="StatusAliases.Status"/>.</summary>
public sealed class StatusSettings : ReleaseSettings
{
    /// <summary>How to show the matrix (<c>--format</c>); default a table in the log.</summary>
    public StatusFormat Format { get; set; } = StatusFormat.Table;

    /// <summary>
    /// Where the JSON or HTML output goes (<c>--output</c>); default <c>artifacts/status.json</c> or
    /// <c>artifacts/status.html</c> under the repository root (the folder of release.yaml). Unused by table and Markdown.
    /// </summary>
    public FilePath? Output { get; set; }

    /// <summary>Retries and timeouts of the registry reads; default the registry client's.</summary>
    public RegistrySettings? Registry { get; set; }

    /// <summary>The services to show (<c>--service</c>, repeatable); empty shows them all.</summary>
    public IList<string> Services { get; set; } = [];
}
