using System.Formats.Tar;
using System.IO.Compression;
using Cake.Release.Building;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Building;

/// <summary>The built-in oci-layer builder: a service's dist/ as one reproducible layer, into an OCI layout and into the real registry.</summary>
public sealed class OciLayerBuildOnceTests
{
    [Fact]
    public void Writes_the_output_folder_as_one_layer_into_the_oci_layout_that_skopeo_reads()
    {
        using var shop = new BuildFixture("oci:.release/registry", "oci-layer");
        var (context, log) = CakeContexts.Create();

        var build = context.BuildOnce(shop.Settings("blue")).Builds.Single();

        var layout = Path.Combine(shop.Clone, ".release", "registry", "blue");
        var (digest, labels, layers) = SkopeoImage.Inspect($"oci:{layout}:{shop.Tag}");
        Assert.Equal((digest, "oci:.release/registry/blue", true), (build.Digest, build.Image, build.Built));
        Assert.Equal(shop.Head, labels["org.opencontainers.image.revision"]);
        Assert.Equal(shop.Remote.Bare, labels["org.opencontainers.image.source"]);
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(GitRemote.Git(shop.Clone, "show", "-s", "--format=%ct").Trim()));
        Assert.Equal([("blue.txt", "blue build output v1\n", 0, 0, commitTime)], LayerFiles(Path.Combine(layout, "blobs", "sha256", Assert.Single(layers)["sha256:".Length..])));
        Assert.Contains($"blue {shop.Tag} built and pushed: oci:.release/registry/blue@{digest}", log.Lines);
    }

    [Fact]
    public void Pushes_into_the_registry_and_a_second_run_finds_it()
    {
        using var registry = LocalRegistry.Start();
        using var shop = new BuildFixture($"http://{registry.Host}/acme", "oci-layer");
        var (context, _) = CakeContexts.Create();

        var first = context.BuildOnce(shop.Settings("blue", "green")).Builds;
        var again = context.BuildOnce(shop.Settings("blue", "green")).Builds;

        foreach (var (build, rerun) in first.Zip(again))
        {
            var (digest, labels, _) = SkopeoImage.Inspect($"docker://{registry.Host}/acme/{build.Service}:{shop.Tag}");
            Assert.Equal((digest, true), (build.Digest, build.Built));
            Assert.Equal((digest, false), (rerun.Digest, rerun.Built));
            Assert.Equal(shop.Head, labels["org.opencontainers.image.revision"]);
        }
    }

    [Fact]
    public void The_same_tree_gives_the_same_digest()
    {
        using var shop = new BuildFixture("oci:.release/registry", "oci-layer");
        var elsewhere = shop.Remote.Clone();
        var (context, _) = CakeContexts.Create();

        var here = context.BuildOnce(shop.Settings("blue")).Builds.Single();
        // Another checkout of the same commit, its files written at another time: the same image, to the byte.
        File.SetLastWriteTimeUtc(Path.Combine(elsewhere, "projects", "blue", "dist", "blue.txt"), DateTime.UtcNow.AddDays(-3));
        var settings = shop.Settings("blue");
        settings.ConfigFile = Path.Combine(elsewhere, "release.yaml");
        var there = context.BuildOnce(settings).Builds.Single();

        Assert.Equal(here.Digest, there.Digest);
        Assert.NotEqual(Path.Combine(shop.Clone, ".release"), Path.Combine(elsewhere, ".release"));
        Assert.True(Directory.Exists(Path.Combine(elsewhere, ".release", "registry", "blue")));
    }

    [Fact]
    public void A_missing_output_folder_fails_that_service_and_says_which_folder()
    {
        using var shop = new BuildFixture("oci:.release/registry", "oci-layer");
        Directory.Delete(Path.Combine(shop.Clone, "projects", "green", "dist"), recursive: true);
        var (context, _) = CakeContexts.Create();

        var error = Assert.Throws<BuildFailedException>(() => context.BuildOnce(shop.Settings("blue", "green")));

        Assert.StartsWith("BuildOnce: 1 of 2 services failed: green: the output folder projects/green/dist is not there; run the service's build step first, or set services.green.output to the folder it writes.", error.Message);
        Assert.True(Directory.Exists(Path.Combine(shop.Clone, ".release", "registry", "blue")));
    }

    private static List<(string Name, string Text, int Uid, int Gid, DateTimeOffset Time)> LayerFiles(string blob)
    {
        using var gzip = new GZipStream(File.OpenRead(blob), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var files = new List<(string, string, int, int, DateTimeOffset)>();
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.RegularFile)
            {
                files.Add((entry.Name, new StreamReader(entry.DataStream!).ReadToEnd(), entry.Uid, entry.Gid, entry.ModificationTime));
            }
        }

        return files;
    }
}
