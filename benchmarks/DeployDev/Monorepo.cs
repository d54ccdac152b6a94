using System.Globalization;
using System.Text;
using Benchmarks.Shared;
using Cake.Release.Registry;

namespace DeployDevBenchmark;

/// <summary>
/// A monorepo of 100 services on a bare origin, and one clone where DeployDev runs. main is four commits, written
/// with one <c>git fast-import</c>: the base (every service) and three children that change services 0–9, 10–49 and
/// 50–99, so the base..head ranges change K = 10, 50 and 100 services. Dev's branch already runs every service at the
/// base, so DetectChanged's default base (what dev runs) is the base commit, as in CI after the previous push.
/// Every image a run needs is already in an OCI layout in the clone (<c>oci:.release/registry</c>, ignored by git):
/// BuildOnce finds its tag there and builds nothing, so the run is DeployDev's bookkeeping alone.
/// </summary>
internal sealed class Monorepo : IDisposable
{
    public const int Services = 100;
    public const string Branch = "gitops/dev";
    public const string ManifestPath = "release-manifests/dev.yaml";
    private static readonly int[] Heads = [10, 50, 100];
    private readonly string _folder;

    private Monorepo(string folder, string origin, string clone, string baseCommit, IReadOnlyDictionary<int, string> heads)
    {
        _folder = folder;
        Origin = origin;
        Clone = clone;
        Base = baseCommit;
        HeadFor = heads;
    }

    /// <summary>The bare repository pipelines push to.</summary>
    public string Origin { get; }

    /// <summary>The checkout DeployDev runs in.</summary>
    public string Clone { get; }

    /// <summary>The commit dev runs for every service before a measured run.</summary>
    public string Base { get; }

    /// <summary>The head commit whose range from <see cref="Base"/> changes K services.</summary>
    public IReadOnlyDictionary<int, string> HeadFor { get; }

    /// <summary>Dev's branch tip before any measured run, once <see cref="SeedDev"/> wrote it.</summary>
    public string? DevTip { get; private set; }

    public static IReadOnlyList<int> ChangedCounts => Heads;

    public static string Name(int service) => $"svc{service:000}";

    public static Monorepo Create()
    {
        var stream = new FastImportStream();
        stream.Commit(1, "chore: 100 services");
        stream.File(".gitignore", ".release/\nartifacts/\n");
        stream.File("release.yaml", ReleaseYaml());
        for (var s = 0; s < Services; s++)
        {
            stream.File($"projects/{Name(s)}/Dockerfile", "FROM scratch\n");
            stream.File($"projects/{Name(s)}/src/main.txt", $"{Name(s)}\n");
        }

        // Each child changes the services the one before did not, so base..child changes 10, 50, 100 of them.
        var from = 0;
        for (var i = 0; i < Heads.Length; i++)
        {
            stream.Commit(i + 2, $"feat: change services {from}–{Heads[i] - 1}");
            for (var s = from; s < Heads[i]; s++)
            {
                stream.File($"projects/{Name(s)}/src/main.txt", $"{Name(s)} changed\n");
            }

            from = Heads[i];
        }

        var source = stream.ImportInto("cake-release-deploydev-bench-");
        var folder = Directory.CreateTempSubdirectory("cake-release-deploydev-").FullName;
        var origin = Path.Combine(folder, "origin.git");
        var clone = Path.Combine(folder, "clone");
        FastImportStream.Git(folder, null, "clone", "--quiet", "--bare", source, origin);
        FastImportStream.Git(folder, null, "clone", "--quiet", origin, clone);
        Directory.Delete(source, recursive: true);

        var commits = FastImportStream.Git(clone, null, "rev-list", "--reverse", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var heads = Heads.Select((k, i) => (k, commits[i + 1])).ToDictionary(p => p.k, p => p.Item2);
        var repository = new Monorepo(folder, origin, clone, commits[0], heads);
        repository.PushImages(commits[0], Enumerable.Range(0, Services));
        foreach (var k in Heads)
        {
            // Every service the range base..head changes gets an image at head's build tag.
            repository.PushImages(heads[k], Enumerable.Range(0, k));
        }

        return repository;
    }

    /// <summary>Records the base build of every service on dev, the state each measured run starts from.</summary>
    public void SeedDev(string tip) => DevTip = tip;

    /// <summary>
    /// Puts origin's dev branch back where the measured runs start (and the clone's view of it), and checks out the
    /// head whose range changes <paramref name="changed"/> services.
    /// </summary>
    public void Reset(int changed)
    {
        var tip = DevTip ?? throw new InvalidOperationException("dev was not seeded");
        FastImportStream.Git(Origin, null, "update-ref", $"refs/heads/{Branch}", tip);
        FastImportStream.Git(Clone, null, "update-ref", $"refs/remotes/origin/{Branch}", tip);
        FastImportStream.Git(Clone, null, "checkout", "--quiet", "--detach", HeadFor[changed]);
    }

    /// <summary>How many commits origin's dev branch gained since the runs' starting point.</summary>
    public int CommitsSinceReset() =>
        int.Parse(FastImportStream.Git(Origin, null, "rev-list", "--count", $"{DevTip}..{Branch}").Trim(), CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ReleaseYaml()
    {
        var yaml = new StringBuilder($"version: 1\nregistry: oci:.release/registry\nenvironments:\n  dev:\n    branch: {Branch}\n    auto: true\n  staging:\n    branch: gitops/staging\nservices:\n");
        for (var s = 0; s < Services; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {Name(s)}:\n    path: projects/{Name(s)}\n");
        }

        return yaml.ToString();
    }

    // An empty image per service (a config, no layer) at the commit's build tag (tags.build's default, sha-{sha7});
    // the service name in an annotation gives each service a digest of its own.
    private void PushImages(string commit, IEnumerable<int> services)
    {
        var config = """{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[]}}"""u8.ToArray();
        foreach (var s in services)
        {
            using var store = ImageStores.Open(ImageReference.InRegistry("oci:.release/registry", Name(s)), baseDirectory: Clone);
            store.PutBlobAsync(Name(s), ImageDigest.Of(config), new MemoryStream(config)).GetAwaiter().GetResult();
            var manifest = Encoding.UTF8.GetBytes($$$"""{"schemaVersion":2,"mediaType":"{{{ManifestMediaTypes.OciManifest}}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{{ImageDigest.Of(config)}}}","size":{{{config.Length}}}},"layers":[],"annotations":{"service":"{{{Name(s)}}}","commit":"{{{commit}}}"}}""");
            store.PutManifestAsync(Name(s), $"sha-{commit[..7]}", new ImageManifest(ManifestMediaTypes.OciManifest, manifest)).GetAwaiter().GetResult();
        }
    }
}
