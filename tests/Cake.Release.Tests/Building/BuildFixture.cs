using System.Text.Json;
using Cake.Release.Building;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Building;

/// <summary>
/// The shop monorepo cloned as a CI checkout, and buildah storage of the test's own (vfs, chroot isolation, a temp
/// root), so tests never share images or need root's container configuration.
/// </summary>
public sealed class BuildFixture : IDisposable
{
    public BuildFixture(string registry, string builder)
    {
        Remote = ShopMonorepo.Create(registry, builder);
        Clone = Remote.Clone();
        Storage = Directory.CreateTempSubdirectory("cake-release-buildah-").FullName;
    }

    public GitRemote Remote { get; }

    public string Clone { get; }

    public string Storage { get; }

    public string Head => GitRemote.Git(Clone, "rev-parse", "HEAD").Trim();

    public string Tag => "sha-" + Head[..7];

    public BuildOnceSettings Settings(params string[] services)
    {
        var settings = new BuildOnceSettings
        {
            ConfigFile = Path.Combine(Clone, "release.yaml"),
            Buildah = new BuildahSettings { StorageDriver = "vfs", Isolation = "chroot", Root = Path.Combine(Storage, "root"), RunRoot = Path.Combine(Storage, "run") },
            Registry = new Cake.Release.Registry.RegistrySettings { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };
        foreach (var service in services)
        {
            settings.Services.Add(service);
        }

        return settings;
    }

    /// <summary>The same storage as environment variables buildah reads, for runs of the pipeline as a process.</summary>
    public Dictionary<string, string> StorageEnvironment()
    {
        var conf = Path.Combine(Storage, "storage.conf");
        File.WriteAllText(conf, $"[storage]\ndriver = \"vfs\"\ngraphroot = \"{Path.Combine(Storage, "root")}\"\nrunroot = \"{Path.Combine(Storage, "run")}\"\n");
        return new Dictionary<string, string> { ["CONTAINERS_STORAGE_CONF"] = conf, ["BUILDAH_ISOLATION"] = "chroot" };
    }

    public JsonElement BuildsJson() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Clone, "artifacts", "builds.json"))).RootElement;

    public void Dispose()
    {
        Remote.Dispose();
        // buildah's vfs storage holds read-only copies; a leftover temp folder is not worth failing a test for.
        try
        {
            Directory.Delete(Storage, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>What skopeo reads back from an image: the independent check of what BuildOnce pushed.</summary>
public static class SkopeoImage
{
    public static (string Digest, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Layers) Inspect(string image, params string[] options)
    {
        var result = ProcessRun.Start("skopeo", ["inspect", "--tls-verify=false", .. options, image]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Output).RootElement;
        var labels = json.GetProperty("Labels").ValueKind == JsonValueKind.Object
            ? json.GetProperty("Labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        return (json.GetProperty("Digest").GetString()!, labels, json.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToList());
    }

    public static IReadOnlyList<string> Tags(string repository)
    {
        var result = ProcessRun.Start("skopeo", ["list-tags", "--tls-verify=false", repository]);
        if (result.ExitCode != 0)
        {
            return [];
        }

        return JsonDocument.Parse(result.Output).RootElement.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()!).ToList();
    }
}
