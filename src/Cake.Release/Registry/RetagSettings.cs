namespace Cake.Release.Registry;

/// <summary>Settings for the <c>Retag</c> alias: which image, which tags, and which of those may move.</summary>
public sealed class RetagSettings
{
    /// <summary>
    /// The image to tag, by tag or digest: <c>registry.example.com/acme/blue:sha-3f2c1ab</c>,
    /// <c>127.0.0.1:5000/acme/blue@sha256:…</c>, <c>oci:.release/registry/blue:sha-3f2c1ab</c>.
    /// </summary>
    public string? Image { get; set; }

    /// <summary>The tags to give it, in the same repository.</summary>
    public IList<string> Tags { get; } = new List<string>();

    /// <summary>
    /// Tags that may move to another digest: the environments' <c>imageTag</c>s (<c>dev</c>, <c>stg</c>, <c>prd</c>).
    /// Every other tag is a version tag and never moves once set.
    /// </summary>
    public ISet<string> MovableTags { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True to only say what would happen; null (default) follows the run's <c>--dryrun</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Folder a relative <c>oci:</c> path is taken from; default: the Cake working directory.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Retries and timeouts for a registry.</summary>
    public RegistrySettings Registry { get; set; } = new();
}
