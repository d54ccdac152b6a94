using System.Diagnostics;
using System.Text;
using Cake.Release.Registry;

namespace GitOpsWriters;

/// <summary>
/// A monorepo with W services on a bare origin whose staging branch already holds a manifest, and one clone per
/// writer: W pipelines about to record W different services in one environment at the same moment.
/// </summary>
public sealed class Scenario : IDisposable
{
    public const string Branch = "gitops/staging-releases";
    private const string Manifest = "release-manifests/staging.yaml";
    private readonly string _folder;
    private readonly int _writers;

    private Scenario(string folder, int writers, IReadOnlyList<string> clones)
    {
        _folder = folder;
        _writers = writers;
        Clones = clones;
    }

    public IReadOnlyList<string> Clones { get; }

    public static string Service(int writer) => $"svc{writer:00}";

    public static string Version(int writer) => $"1.{writer}.0";

    public static Scenario Create(int writers)
    {
        var folder = Directory.CreateTempSubdirectory("gitops-writers-").FullName;
        var bare = Path.Combine(folder, "origin.git");
        Git(folder, "init", "--quiet", "--bare", bare);
        var seed = Path.Combine(folder, "seed");
        Git(folder, "clone", "--quiet", bare, seed);

        var services = string.Concat(Enumerable.Range(0, writers).Select(i => $"  {Service(i)}:\n    path: projects/{Service(i)}\n"));
        // Staging without gates (UpdateManifest refuses gated environments), and its images in an OCI layout committed
        // with the repository, since UpdateManifest records only an image the registry holds.
        File.WriteAllText(Path.Combine(seed, "release.yaml"),
            "version: 1\nregistry: oci:.release/registry\nenvironments:\n  dev:\n    branch: gitops/dev-auto-update\n    auto: true\n"
            + $"  staging:\n    branch: {Branch}\nservices:\n{services}");
        for (var i = 0; i < writers; i++)
        {
            Directory.CreateDirectory(Path.Combine(seed, "projects", Service(i)));
            File.WriteAllText(Path.Combine(seed, "projects", Service(i), "Dockerfile"), "FROM scratch\n");
            PushImage(seed, Service(i), Version(i));
        }

        Git(seed, "add", "--all");
        Git(seed, "commit", "--quiet", "-m", "monorepo");
        Git(seed, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        Directory.CreateDirectory(Path.Combine(seed, "release-manifests"));
        File.WriteAllText(Path.Combine(seed, Manifest), "environment: staging\nservices:\n");
        Git(seed, "add", "--all");
        Git(seed, "commit", "--quiet", "-m", "staging manifest");
        Git(seed, "push", "--quiet", "origin", $"HEAD:refs/heads/{Branch}");

        var clones = Enumerable.Range(0, writers).Select(i => Path.Combine(folder, $"writer{i:00}")).ToList();
        foreach (var clone in clones)
        {
            Git(folder, "clone", "--quiet", bare, clone);
        }

        return new Scenario(folder, writers, clones);
    }

    /// <summary>
    /// The usual CI step: check out the branch, append the entry, commit, push; when the push is rejected,
    /// <c>git pull --rebase</c> and push again, up to <paramref name="retries"/> times.
    /// </summary>
    public static ProcessStartInfo Script(int writer, int retries) => new("bash", ["-c", $$"""
        set -e
        git checkout --quiet -B {{Branch}} origin/{{Branch}}
        printf '  {{Service(writer)}}:\n    version: "{{Version(writer)}}"\n' >> {{Manifest}}
        git commit --quiet -am "promote({{Service(writer)}}): {{Version(writer)}}"
        for attempt in $(seq 0 {{retries}}); do
          git push --quiet origin HEAD:{{Branch}} 2>/dev/null && exit 0
          [ "$attempt" -lt {{retries}} ] || exit 1
          git pull --quiet --rebase origin {{Branch}} 2>/dev/null || { git rebase --abort; exit 1; }
        done
        """]);

    /// <summary>
    /// What a careful hand-written step does, the same idea as ours in shell: on a rejected push, fetch, reset to
    /// the new tip, append the entry again and push, after a random wait of up to a second.
    /// </summary>
    public static ProcessStartInfo ReapplyScript(int writer, int retries) => new("bash", ["-c", $$"""
        for attempt in $(seq 0 {{retries}}); do
          git fetch --quiet origin {{Branch}}
          git checkout --quiet -B {{Branch}} origin/{{Branch}}
          printf '  {{Service(writer)}}:\n    version: "{{Version(writer)}}"\n' >> {{Manifest}}
          git commit --quiet -am "promote({{Service(writer)}}): {{Version(writer)}}"
          git push --quiet origin HEAD:{{Branch}} 2>/dev/null && exit 0
          sleep "0.$(( RANDOM % 1000 ))"
        done
        exit 1
        """]);

    /// <summary>
    /// The floor of one write: git's plumbing as a short script, with no checkout and no retry. Fetch the branch,
    /// read its tip from FETCH_HEAD, build the commit in a temporary index from the tip's tree and the appended
    /// manifest, push it.
    /// </summary>
    public static ProcessStartInfo PlumbingScript(int writer) => new("bash", ["-c", $$"""
        set -e
        git fetch --quiet origin refs/heads/{{Branch}}
        read -r tip _ < .git/FETCH_HEAD
        export GIT_INDEX_FILE="$PWD/.git/plumbing-index"
        git read-tree "$tip"
        blob=$( { git cat-file blob "$tip:{{Manifest}}"; printf '  {{Service(writer)}}:\n    version: "{{Version(writer)}}"\n'; } | git hash-object -w --stdin)
        git update-index --cacheinfo "100644,$blob,{{Manifest}}"
        commit=$(echo "promote({{Service(writer)}}): {{Version(writer)}}" | git commit-tree "$(git write-tree)" -p "$tip")
        git push --quiet origin "$commit:refs/heads/{{Branch}}"
        """]);

    /// <summary>How many writers' versions the branch holds at the end.</summary>
    public int Landed()
    {
        Git(Clones[0], "fetch", "--quiet", "origin");
        var manifest = Git(Clones[0], "show", $"origin/{Branch}:{Manifest}");
        return Enumerable.Range(0, _writers).Count(i => manifest.Contains($"  {Service(i)}:\n    version: \"{Version(i)}\"", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // An empty image (a config, no layer) tagged with the writer's version.
    private static void PushImage(string repository, string service, string tag)
    {
        using var store = ImageStores.Open(ImageReference.InRegistry("oci:.release/registry", service), baseDirectory: repository);
        var config = """{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[]}}"""u8.ToArray();
        store.PutBlobAsync(service, ImageDigest.Of(config), new MemoryStream(config)).GetAwaiter().GetResult();
        var manifest = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{ManifestMediaTypes.OciManifest}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{ImageDigest.Of(config)}}","size":{{config.Length}}},"layers":[]}""");
        store.PutManifestAsync(service, tag, new ImageManifest(ManifestMediaTypes.OciManifest, manifest)).GetAwaiter().GetResult();
    }

    /// <summary>The identity every writer commits as, from the environment rather than the machine's git config.</summary>
    public static void SetIdentity(ProcessStartInfo info)
    {
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "Benchmark";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "benchmark@localhost";
    }

    private static string Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git", ["-c", "init.defaultBranch=main", .. args]) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        SetIdentity(info);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
    }
}
