using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Promotion;
using Cake.Release.Registry;
using Cake.Release.Session;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Reporting;

/// <summary>
/// A release history with every kind of drift, written with real git (UpdateManifest on the shop monorepo's bare
/// origin) and a real registry holding each entry's version tag:
/// <list type="bullet">
/// <item>blue: dev and staging run the same new build (staging as 1.1.0-rc.1); production still runs 1.0.0, behind.</item>
/// <item>green: one digest everywhere, but production's tag 1.0.0 was pushed over with another image: digest-mismatch.</item>
/// <item>yellow: only in dev; staging, whose source is dev, is behind without running it at all.</item>
/// <item>red: staging got 0.1.0-rc.1, then dev a newer build; build tags carry no order, so the later date decides: behind.
/// Production, never given red, is behind staging, which runs it.</item>
/// </list>
/// </summary>
public sealed class StatusHistory : IDisposable
{
    public StatusHistory()
    {
        var head = GitRemote.Git(World.Clone, "rev-parse", "HEAD").Trim();
        var blueOld = World.PushImage("blue", "1.0.0", 41);
        Deploy("production", "blue", "1.0.0", blueOld, head, "staging");
        var (blueCommit, blueNew) = World.SeedDev("blue", 40);
        Tag("blue", blueNew, "1.1.0-rc.1");
        Deploy("staging", "blue", "1.1.0-rc.1", blueNew, blueCommit, "dev");

        var (greenCommit, green) = World.SeedDev("green", 50);
        Tag("green", green, "1.0.0-rc.1");
        Deploy("staging", "green", "1.0.0-rc.1", green, greenCommit, "dev");
        GreenTagDigest = World.PushImage("green", "1.0.0", 51);
        Deploy("production", "green", "1.0.0", green, greenCommit, "staging");

        World.SeedDev("yellow", 70);

        var redOld = World.PushImage("red", "0.1.0-rc.1", 60);
        // Manifests keep deployment times to the second; the red build must be deployed strictly after staging's
        // entry, so staging records it a second in the past.
        Deploy("staging", "red", "0.1.0-rc.1", redOld, head, "dev", DateTimeOffset.UtcNow.AddSeconds(-1));
        World.SeedDev("red", 61);

        Manifests = new[] { "dev", "staging", "production" }.ToDictionary(e => e, e => World.Manifest(e)!);
    }

    public PromotionWorld World { get; } = new();

    /// <summary>What each environment's branch holds after the history, read straight from origin.</summary>
    public IReadOnlyDictionary<string, EnvironmentManifest> Manifests { get; }

    /// <summary>The digest green's tag 1.0.0 names: not the one production records.</summary>
    public string GreenTagDigest { get; }

    public string ConfigFile => Path.Combine(World.Clone, "release.yaml");

    public ManifestEntry Entry(string environment, string service) => Manifests[environment].Entry(service)!;

    /// <summary>The drift each (service, environment) must show, and nothing elsewhere.</summary>
    public static readonly IReadOnlyDictionary<(string Service, string Environment), string[]> ExpectedDrift =
        new Dictionary<(string, string), string[]>
        {
            [("blue", "production")] = ["behind"],
            [("green", "production")] = ["digest-mismatch"],
            [("yellow", "staging")] = ["behind"],
            [("red", "staging")] = ["behind"],
            [("red", "production")] = ["behind"],
        };

    public static string[] Drift(string service, string environment) => ExpectedDrift.GetValueOrDefault((service, environment)) ?? [];

    public void Dispose() => World.Dispose();

    private void Deploy(string environment, string service, string version, string digest, string commit, string from, DateTimeOffset? at = null)
    {
        var context = TestCake.Context();
        if (at is { } time)
        {
            ReleaseSession.Of(context).Clock = new FixedClock(time);
        }

        context.WriteManifest(new UpdateManifestSettings
        {
            Environment = environment,
            Service = service,
            Version = version,
            Digest = digest,
            Commit = commit,
            From = from,
            By = "release-bot",
            Action = "promote",
            ConfigFile = ConfigFile,
        });
    }

    // Promotion moves a digest to a new tag; pushing the image again would not do (its layer's tar records the time).
    private void Tag(string service, string digest, string tag)
    {
        var docker = World.Environment["DOCKER_CONFIG"];
        using var store = ImageStores.Open(ImageReference.Parse($"{World.Registry.Host}/acme/{service}"), new RegistrySettings { MaxAttempts = 2 }, environment: name => name == "DOCKER_CONFIG" ? docker : null);
        var manifest = store.GetManifestAsync($"acme/{service}", digest).GetAwaiter().GetResult();
        store.PutManifestAsync($"acme/{service}", tag, manifest).GetAwaiter().GetResult();
    }
}

/// <summary>The tests reading <see cref="StatusHistory"/> share one: it starts a registry and writes a dozen commits.</summary>
[CollectionDefinition(Name)]
public sealed class StatusHistoryCollection : ICollectionFixture<StatusHistory>
{
    public const string Name = "Status history";
}
