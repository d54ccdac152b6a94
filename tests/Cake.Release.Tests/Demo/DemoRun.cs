using System.Text.Json;
using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Demo;

/// <summary>
/// One run of the repository's <c>./build.sh --target=Demo</c> into a temp folder, shared by the tests of the class:
/// the final state is read from where a deployment reads it, the environment branches of the demo's bare origin and
/// the demo's OCI layout, not from the demo's log.
/// </summary>
public sealed class DemoRun : IDisposable
{
    public DemoRun()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cake-release-demo-").FullName;
        Result = ProcessRun.Start("bash", [System.IO.Path.Combine(RepositoryPaths.Root, "build.sh"), "--target=Demo", $"--demo-dir={Directory}", $"--configuration={RepositoryPaths.Configuration}"],
            RepositoryPaths.Root,
            new Dictionary<string, string>
            {
                // The demo's own pipeline runs must not write to the outputs of the CI job running this test.
                ["GITHUB_ACTIONS"] = "",
                ["GITHUB_OUTPUT"] = "",
                ["GITHUB_STEP_SUMMARY"] = "",
            },
            timeout: TimeSpan.FromMinutes(10));
    }

    public string Directory { get; }

    public ProcessResult Result { get; }

    public string Repository => System.IO.Path.Combine(Directory, "monorepo");

    public string Origin => System.IO.Path.Combine(Directory, "origin.git");

    /// <summary>The environment's manifest as its branch on origin holds it.</summary>
    public EnvironmentManifest Manifest(string environment, string branch) =>
        EnvironmentManifest.Parse(Show(branch, $"release-manifests/{environment}.yaml"), $"{branch}:release-manifests/{environment}.yaml");

    /// <summary>A file on a branch of origin.</summary>
    public string Show(string branch, string path) => GitRemote.Git(Origin, "show", $"{branch}:{path}");

    /// <summary>The digest the tag names in the demo's OCI layout (.release/registry/&lt;repository&gt;/index.json), or null.</summary>
    public string? TagDigest(string repository, string tag)
    {
        using var index = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Repository, ".release", "registry", repository, "index.json")));
        return index.RootElement.GetProperty("manifests").EnumerateArray()
            .Where(m => m.TryGetProperty("annotations", out var a) && a.TryGetProperty("org.opencontainers.image.ref.name", out var name) && name.GetString() == tag)
            .Select(m => m.GetProperty("digest").GetString())
            .SingleOrDefault();
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
