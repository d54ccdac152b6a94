using System.Globalization;
using System.Text;
using Benchmarks.Shared;

namespace StatusScaleBenchmark;

/// <summary>
/// One repository of S services in dev → staging → production, as Status reads it from git: a bare origin whose
/// three GitOps branches each hold one manifest listing every service (2.0.0 in dev and staging, 1.0.0 in
/// production), a clone with release.yaml and a service folder each, and in the clone the registry Status checks
/// every entry's version tag against: one OCI layout per service (<c>.release/registry/svcNNNNN/index.json</c>
/// tagging 1.0.0 and 2.0.0 with the digests the manifests name).
/// </summary>
internal static class ScaledLandscape
{
    public static readonly string[] Environments = ["dev", "staging", "production"];
    private const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";

    public static string Service(int s) => $"svc{s:00000}";

    public static string Version(string environment) => environment == "production" ? "1.0.0" : "2.0.0";

    /// <summary>The clone's folder.</summary>
    public static string Create(string folder, int services)
    {
        var bare = Path.Combine(folder, "origin.git");
        Directory.CreateDirectory(bare);
        FastImportStream.Git(bare, null, "-c", "init.defaultBranch=main", "init", "--quiet", "--bare");
        FastImportStream.Git(bare, Encoding.UTF8.GetBytes(Stream(services)), "fast-import", "--quiet");
        var clone = Path.Combine(folder, "clone");
        FastImportStream.Git(folder, null, "clone", "--quiet", bare, clone);
        for (var s = 0; s < services; s++)
        {
            var layout = Path.Combine(clone, ".release", "registry", Service(s));
            Directory.CreateDirectory(Path.Combine(layout, "blobs", "sha256"));
            File.WriteAllText(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
            var tags = new[] { "1.0.0", "2.0.0" }.Select(v =>
                "{\"mediaType\":\"" + ManifestMediaType + "\",\"digest\":\"" + Digest(s, v) + "\",\"size\":527,\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + v + "\"}}");
            File.WriteAllText(Path.Combine(layout, "index.json"), $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{{string.Join(',', tags)}}]}""");
        }

        return clone;
    }

    private static string Digest(int s, string version) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{s}/{version}")));

    private static string Stream(int services)
    {
        var text = new StringBuilder();
        var mark = 0;
        void Commit(string branch, string message, params (string Path, string Content)[] files)
        {
            mark++;
            text.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{mark}\ncommitter Bot <bot@bench.invalid> {1_790_000_000 + mark * 60} +0000\n");
            Data(text, message);
            foreach (var (path, content) in files)
            {
                text.Append(CultureInfo.InvariantCulture, $"M 644 inline {path}\n");
                Data(text, content);
            }
        }

        var config = new StringBuilder("version: 1\nregistry: oci:.release/registry\nenvironments:\n  dev:\n    branch: gitops/dev\n    auto: true\n  staging:\n    branch: gitops/staging\n    from: dev\n  production:\n    branch: gitops/production\n    from: staging\nservices:\n");
        for (var s = 0; s < services; s++)
        {
            config.Append(CultureInfo.InvariantCulture, $"  {Service(s)}:\n    path: services/{Service(s)}\n");
        }

        Commit("main", "chore: release.yaml", [("release.yaml", config.ToString()), .. Enumerable.Range(0, services).Select(s => ($"services/{Service(s)}/Dockerfile", "FROM scratch\n"))]);
        foreach (var (environment, e) in Environments.Select((e, i) => (e, i)))
        {
            var version = Version(environment);
            var manifest = new StringBuilder($"environment: {environment}\nservices:\n");
            for (var s = 0; s < services; s++)
            {
                manifest.Append(CultureInfo.InvariantCulture, $"  {Service(s)}:\n    version: \"{version}\"\n    image: oci:.release/registry/{Service(s)}\n    digest: {Digest(s, version)}\n    commit: {new string('a', 40)}\n    deployed: \"2026-11-0{e + 1}T10:00:00Z\"\n    by: release-bot\n");
                if (environment != "dev")
                {
                    manifest.Append(CultureInfo.InvariantCulture, $"    from: {Environments[e - 1]}\n");
                }
            }

            Commit($"gitops/{environment}", $"deploy {services} services → {environment}", ($"release-manifests/{environment}.yaml", manifest.ToString()));
        }

        return text.ToString();
    }

    private static void Data(StringBuilder text, string data) =>
        text.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(data)}\n{data}\n");
}
