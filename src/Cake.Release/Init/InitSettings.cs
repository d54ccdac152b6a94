using Cake.Core.IO;

namespace Cake.Release.Init;

/// <summary>Settings for <see cref="InitAliases.Init"/>.</summary>
public sealed class InitSettings
{
    /// <summary>The repository to scan; default the folder of <see cref="ConfigFile"/> (the working directory for <c>release.yaml</c>).</summary>
    public DirectoryPath? Root { get; set; }

    /// <summary>The file to write (<c>--config</c>), relative to <see cref="Root"/> when given, else to the working directory; <c>release.yaml</c> by default.</summary>
    public FilePath ConfigFile { get; set; } = "release.yaml";

    /// <summary>True to print the file instead of writing it; null (default) follows the run's <c>--dryrun</c>.</summary>
    public bool? DryRun { get; set; }
}
