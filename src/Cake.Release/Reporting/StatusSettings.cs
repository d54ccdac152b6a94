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

    /// <summary>Where the matrix comes from (<c>--source=git|dynamodb</c>); default this repository's GitOps branches.</summary>
    public StatusSource Source { get; set; } = StatusSource.Git;

    /// <summary>
    /// The release record's table (<c>--table</c>) for <see cref="StatusSource.DynamoDb"/>; default <c>publish.dynamodb</c>
    /// of release.yaml. With it, no release.yaml is needed: a platform engineer can look from anywhere.
    /// </summary>
    public string? Table { get; set; }

    /// <summary>The table's AWS region (<c>--region</c>); default <c>publish.region</c>, else the AWS default chain's.</summary>
    public string? Region { get; set; }

    /// <summary>Rows running one of these versions (<c>--version</c>, repeatable).</summary>
    public IList<string> Versions { get; set; } = [];

    /// <summary>Rows of these kinds (<c>--kind</c>, repeatable): backend, frontend, kafka, infra, k8s.</summary>
    public IList<string> Kinds { get; set; } = [];

    /// <summary>The environments shown (<c>--env</c>, repeatable); with the release record, also read when no publish mark names them.</summary>
    public IList<string> Environments { get; set; } = [];

    /// <summary>Rows of these repositories (<c>--repository</c>, repeatable), as the release record names them.</summary>
    public IList<string> Repositories { get; set; } = [];
}
