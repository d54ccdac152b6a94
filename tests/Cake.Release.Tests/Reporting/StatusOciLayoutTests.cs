using System.Text.RegularExpressions;
using Cake.Release.GitOps;
using Cake.Release.Registry;
using Cake.Release.Reporting;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Reporting;

/// <summary>Status on the embedded default: images in an OCI layout inside the repository (<c>oci:.release/registry</c>).</summary>
public sealed class StatusOciLayoutTests : IDisposable
{
    private readonly GitRemote _remote = ShopMonorepo.Create("oci:.release/registry", "oci-layer");
    private readonly string _clone;

    public StatusOciLayoutTests() => _clone = _remote.Clone();

    public void Dispose() => _remote.Dispose();

    private string ConfigFile => Path.Combine(_clone, "release.yaml");

    private string Push(string tag, int size)
    {
        using var store = ImageStores.Open(ImageReference.InRegistry("oci:.release/registry", "blue"), baseDirectory: _clone);
        return FixtureImages.PushImageAsync(store, "blue", tag, fileBytes: size).GetAwaiter().GetResult().Digest;
    }

    private void Deploy(string environment, string version, string digest, string commit) =>
        TestCake.Context().WriteManifest(new UpdateManifestSettings
        {
            Environment = environment,
            Service = "blue",
            Version = version,
            Digest = digest,
            Commit = commit,
            By = "ci-bot",
            ConfigFile = ConfigFile,
        });

    [Fact]
    public void The_layout_in_the_repository_is_read_for_each_entry_and_a_moved_version_tag_is_a_digest_mismatch()
    {
        var commit = GitRemote.Git(_clone, "rev-parse", "HEAD").Trim();
        var dev = Push($"sha-{commit[..7]}", 30);
        Deploy("dev", $"sha-{commit[..7]}", dev, commit);
        var released = Push("1.0.0", 31);
        Deploy("production", "1.0.0", released, commit);
        var pushedOver = Push("1.0.0", 32);
        Assert.NotEqual(released, pushedOver);
        var (context, log) = CakeContexts.Create();

        var status = context.Status(new StatusSettings { ConfigFile = ConfigFile });

        Assert.Empty(status.Cell("blue", "dev").Drift);
        Assert.Equal(["behind"], status.Cell("blue", "staging").DriftNames);
        Assert.Equal(["digest-mismatch"], status.Cell("blue", "production").DriftNames);
        Assert.Equal("oci:.release/registry/blue", status.Cell("blue", "production").Entry!.Image);
        Assert.Contains(log.Lines, l => l.StartsWith("blue ", StringComparison.Ordinal) && Regex.IsMatch(l, $@"  1\.0\.0 {released[7..19]} \d+m \[digest-mismatch\]$"));
        Assert.DoesNotContain(log.Lines, l => l.Contains("could not be read", StringComparison.Ordinal));
        Assert.Null(status.OutputFile);
    }

    [Fact]
    public void A_repository_nothing_was_deployed_from_yet_gets_an_empty_matrix_and_the_next_step()
    {
        var (context, log) = CakeContexts.Create();

        var status = context.Status(new StatusSettings { ConfigFile = ConfigFile });

        Assert.DoesNotContain(status.Cells, cell => cell.Runs || cell.Drift.Count > 0);
        Assert.Contains(log.Lines, l => l == "No environment runs any service yet (origin has no manifests): DeployDev records the first deployments.");
        Assert.Contains(log.Lines, l => Regex.IsMatch(l, @"^blue +- +- +-$"));
    }
}
