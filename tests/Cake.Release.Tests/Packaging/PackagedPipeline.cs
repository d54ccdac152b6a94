using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Packaging;

/// <summary>
/// Packs Cake.Release and builds a copy of examples/pipeline outside the repository: it references
/// only that package (and pins Cake.Tool), as a user's pipeline does. Built once for the test class.
/// </summary>
public sealed class PackagedPipeline : IDisposable
{
    public PackagedPipeline()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cake-release-consumer-").FullName;
        Feed = System.IO.Path.Combine(Directory, "feed");
        var project = System.IO.Path.Combine(Directory, "pipeline");
        System.IO.Directory.CreateDirectory(project);

        // A version of its own, so the NuGet cache can never serve a package packed by an earlier run.
        Version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        Pack = Dotnet("pack", System.IO.Path.Combine(RepositoryPaths.Root, "src", "Cake.Release", "Cake.Release.csproj"),
            "--configuration", RepositoryPaths.Configuration, "--no-build", "--output", Feed, $"-p:PackageVersion={Version}");
        Package = System.IO.Path.Combine(Feed, $"Cake.Release.{Version}.nupkg");

        // examples/pipeline, as a user would copy it, outside the repository and with its feed pointing here.
        var example = System.IO.Path.Combine(RepositoryPaths.Root, "examples", "pipeline");
        foreach (var file in System.IO.Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            if (System.IO.Path.GetRelativePath(example, file).Split(System.IO.Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue; // outputs of a local `dotnet run` of the example
            }

            var target = System.IO.Path.Combine(project, System.IO.Path.GetRelativePath(example, file));
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var nugetConfig = System.IO.Path.Combine(project, "nuget.config");
        File.WriteAllText(nugetConfig, File.ReadAllText(nugetConfig).Replace("../../artifacts/packages", Feed, StringComparison.Ordinal));

        Build = Dotnet("build", project, "--output", System.IO.Path.Combine(Directory, "out"), $"-p:CakeReleaseVersion={Version}");
        Assembly = System.IO.Path.Combine(Directory, "out", "Pipeline.dll");
    }

    public string Directory { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    public string Assembly { get; }

    public ProcessResult Pack { get; }

    public ProcessResult Build { get; }

    public ProcessResult Run(IDictionary<string, string>? environment, params string[] args) =>
        ProcessRun.Start(RepositoryPaths.Dotnet, [Assembly, .. args], Directory, environment);

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);

        // The test's one-off version would otherwise stay in the NuGet cache for good.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = System.IO.Path.Combine(cache, "cake.release", Version);
        if (System.IO.Directory.Exists(cached))
        {
            System.IO.Directory.Delete(cached, recursive: true);
        }
    }

    private ProcessResult Dotnet(params string[] args) =>
        ProcessRun.Start(RepositoryPaths.Dotnet, args, Directory, timeout: TimeSpan.FromMinutes(5));
}
