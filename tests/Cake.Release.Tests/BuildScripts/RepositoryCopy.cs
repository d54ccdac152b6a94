using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.BuildScripts;

/// <summary>
/// What this repository's pipeline is built from (build/, src/, the shared MSBuild files) and its two scripts, copied
/// to a temp folder: there a test builds, changes and rebuilds the pipeline without touching the one running the
/// tests. The first run of build.ps1, a cold one, is made once for the test class.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Folders = ["build", "src"];

    private static readonly string[] Files = ["build.ps1", "build.sh", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    public RepositoryCopy()
    {
        Root = Directory.CreateTempSubdirectory("cake-release-scripts-").FullName;
        foreach (var file in Folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories))
                     .Concat(Files.Select(file => Path.Combine(RepositoryPaths.Root, file))))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(RepositoryPaths.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Cold = Ps1("--target=Version");
    }

    public string Root { get; }

    /// <summary>The first run of build.ps1, with no pipeline built yet.</summary>
    public ProcessResult Cold { get; }

    /// <summary>Written by both scripts when they have built the pipeline.</summary>
    public string Stamp => Path.Combine(Root, "artifacts", "bin", "Build", "release", ".pipeline-built");

    /// <summary>What the last build of the pipeline printed.</summary>
    public string BuildLog => Path.Combine(Root, "artifacts", "pipeline-build.log");

    public ProcessResult Ps1(params string[] args) => Pwsh.File(Path.Combine(Root, "build.ps1"), args);

    public ProcessResult Sh(params string[] args) =>
        ProcessRun.Start("bash", [Path.Combine(Root, "build.sh"), .. args], Root, timeout: TimeSpan.FromMinutes(10));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
