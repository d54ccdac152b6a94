using Cake.Core.IO;

namespace Cake.Release.Init;

/// <summary>Settings for <see cref="InitAliases.Init"/>.</summary>
public sealed class InitSettings : ReleaseSettings
{
    /// <summary>The repository to scan; default the folder of <see cref="ReleaseSettings.ConfigFile"/> (the working directory for <c>release.yaml</c>).</summary>
    public DirectoryPath? Root { get; set; }
}
