using System.Text.Json;
using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.CakeScript;

/// <summary>
/// examples/cake-script/build.cake as a user runs it: Cake.Tool 7.0.0 (dotnet cake) loads Cake.Release with #addin
/// from a folder feed, with its dependencies, and the aliases release the shop monorepo: changed services found,
/// images built once (oci-layer into an OCI layout), dev's manifest pushed to origin's gitops branch.
/// </summary>
public sealed class CakeScriptTests : IDisposable
{
    private const string ExampleVersion = "version=0.1.0&";

    private readonly TempFolder _folder = new();
    private readonly string _version = $"0.0.0-script.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public void Dispose()
    {
        _folder.Dispose();

        // The one-off version would otherwise stay in the NuGet cache for good.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(cache, "cake.release", _version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }
    }

    [Fact]
    public void The_script_detects_builds_and_writes_dev_on_origin_through_the_aliases()
    {
        var feed = Path.Combine(_folder.Path, "feed");
        // A version of its own, so neither Cake's addin folder nor the NuGet cache can serve an earlier package.
        var pack = Run(_folder.Path, "pack", Path.Combine(RepositoryPaths.Root, "src", "Cake.Release", "Cake.Release.csproj"),
            "--configuration", RepositoryPaths.Configuration, "--no-build", "--output", feed, $"-p:PackageVersion={_version}");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var script = CopyExample(feed);

        using var shop = ShopMonorepo.Create(registry: "oci:.release/registry", builder: "oci-layer");
        var clone = shop.Clone();
        var head = GitRemote.Git(clone, "rev-parse", "HEAD").Trim();

        var restore = Run(script, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var run = Run(script, "cake", "build.cake", $"--config={Path.Combine(clone, "release.yaml")}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Changed: blue, green, yellow, red", run.Output, StringComparison.Ordinal);
        var dev = EnvironmentManifest.Parse(shop.Show("refs/heads/gitops/dev-auto-update", "release-manifests/dev.yaml"), "dev");
        foreach (var service in ShopMonorepo.Services)
        {
            var entry = dev.Entry(service);
            Assert.NotNull(entry);
            Assert.Equal(($"sha-{head[..7]}", head), (entry.Version, entry.Commit));
            Assert.StartsWith("sha256:", entry.Digest, StringComparison.Ordinal);
        }

        // The Status alias read the same record back: one fragment per service in dev, with its digest.
        using (var status = JsonDocument.Parse(File.ReadAllText(Path.Combine(clone, "artifacts", "status.json"))))
        {
            var fragments = status.RootElement.EnumerateArray().ToList();
            Assert.Equal(ShopMonorepo.Services.Order(StringComparer.Ordinal), fragments.Select(f => f.GetProperty("component").GetString()!).Order(StringComparer.Ordinal));
            Assert.All(fragments, f => Assert.Equal(("dev", dev.Entry(f.GetProperty("component").GetString()!)!.Digest), (f.GetProperty("environment").GetString(), f.GetProperty("digest").GetString())));
        }

        // Run again: nothing changed since what dev runs, so nothing is built or written.
        var tip = GitRemote.Git(shop.Bare, "rev-parse", "gitops/dev-auto-update").Trim();
        var again = Run(script, "cake", "build.cake", $"--config={Path.Combine(clone, "release.yaml")}");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Changed: nothing", again.Output, StringComparison.Ordinal);
        Assert.Equal(tip, GitRemote.Git(shop.Bare, "rev-parse", "gitops/dev-auto-update").Trim());

        // The live dashboard needs ASP.NET Core, which Cake.Tool's process does not load: one line, no crash.
        var serve = Run(script, "cake", "build.cake", "--target=Serve", $"--config={Path.Combine(clone, "release.yaml")}");
        Assert.NotEqual(0, serve.ExitCode);
        Assert.Contains("Status --serve: this process has no ASP.NET Core (Microsoft.AspNetCore.App)", serve.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.All, StringComparison.Ordinal);
    }

    // examples/cake-script as a user copies it, its feed and pinned version pointing at the package just packed.
    private string CopyExample(string feed)
    {
        var example = Path.Combine(RepositoryPaths.Root, "examples", "cake-script");
        var script = Path.Combine(_folder.Path, "script");
        foreach (var file in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(example, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "tools")
            {
                continue; // addins a local run of the example installed
            }

            var target = Path.Combine(script, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var nugetConfig = Path.Combine(script, "nuget.config");
        File.WriteAllText(nugetConfig, File.ReadAllText(nugetConfig).Replace("../../artifacts/packages", feed, StringComparison.Ordinal));
        var cake = Path.Combine(script, "build.cake");
        var text = File.ReadAllText(cake);
        Assert.Contains(ExampleVersion, text, StringComparison.Ordinal);
        File.WriteAllText(cake, text.Replace(ExampleVersion, $"version={_version}&", StringComparison.Ordinal));
        return script;
    }

    private static ProcessResult Run(string directory, params string[] args) =>
        ProcessRun.Start(RepositoryPaths.Dotnet, args, directory, timeout: TimeSpan.FromMinutes(5));
}
