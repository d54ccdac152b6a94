using System.Diagnostics;
using System.Globalization;
using System.Text;
using Benchmarks.Shared;

namespace RollbackHistoryBenchmark;

/// <summary>
/// A bare origin whose <c>gitops/production</c> branch holds R revisions of <c>release-manifests/production.yaml</c>
/// listing S services, and a clone of it to run the pipeline in. Every 20th revision deploys a new release of the
/// rolled-back service (<see cref="Service"/>); every other revision deploys another service, picked at random, so
/// the rolled-back service's entry changes in R/20 revisions whatever S is. Written with one <c>git fast-import</c>
/// whose input is streamed (1,000 services × 10,000 revisions is gigabytes of manifest text).
/// </summary>
internal static class GitOpsHistory
{
    public const string Service = "svc0007";
    public const string Path = "release-manifests/production.yaml";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The clone's folder.</summary>
    public static string Create(string folder, int services, int revisions)
    {
        var bare = System.IO.Path.Combine(folder, "origin.git");
        Directory.CreateDirectory(bare);
        FastImportStream.Git(bare, null, "-c", "init.defaultBranch=main", "init", "--quiet", "--bare");
        Import(bare, services, revisions);
        var clone = System.IO.Path.Combine(folder, "clone");
        FastImportStream.Git(folder, null, "clone", "--quiet", bare, clone);
        FastImportStream.Git(clone, null, "fetch", "--quiet", "origin", "gitops/production");
        return clone;
    }

    public static string Name(int s) => $"svc{s:0000}";

    private static void Import(string bare, int services, int revisions)
    {
        var info = new ProcessStartInfo("git", ["fast-import", "--quiet"]) { WorkingDirectory = bare, RedirectStandardInput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using (var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false), 1 << 20))
        {
            Write(input, services, revisions);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git fast-import: {error.Result}");
        }
    }

    private static void Write(StreamWriter input, int services, int revisions)
    {
        var time = Start.ToUnixTimeSeconds();
        var mark = 0;
        void Commit(string branch, string message)
        {
            mark++;
            time += 60;
            input.Write(string.Create(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{mark}\ncommitter Bot <bot@bench.invalid> {time} +0000\n"));
            Data(input, message);
        }

        var config = new StringBuilder("version: 1\nregistry: oci:.release/registry\nenvironments:\n  production:\n    branch: gitops/production\nservices:\n");
        for (var s = 0; s < services; s++)
        {
            config.Append(CultureInfo.InvariantCulture, $"  {Name(s)}:\n    path: services/{Name(s)}\n");
        }

        Commit("main", "chore: release.yaml");
        File(input, "release.yaml", config.ToString());
        for (var s = 0; s < services; s++)
        {
            File(input, $"services/{Name(s)}/Dockerfile", "FROM scratch\n");
        }

        var releases = new int[services];
        var entries = Enumerable.Range(0, services).Select(s => Entry(s, 0, 0)).ToArray();
        var random = new Random(19);
        for (var revision = 0; revision < revisions; revision++)
        {
            // Another service than the rolled-back one: one of the other S - 1, uniformly.
            var other = random.Next(services - 1);
            var s = revision % 20 == 0 ? 7 : other >= 7 ? other + 1 : other;
            entries[s] = Entry(s, ++releases[s], revision);
            Commit("gitops/production", $"promote({Name(s)}): 1.{releases[s]}.0 → production\n\nService: {Name(s)}\nVersion: 1.{releases[s]}.0\n");
            File(input, Path, "environment: production\nservices:\n" + string.Concat(entries));
        }
    }

    private static string Entry(int s, int release, int revision) =>
        $"  {Name(s)}:\n    version: \"1.{release}.0\"\n    image: registry.example.com/acme/{Name(s)}\n" +
        $"    digest: sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{s}/{release}")))}\n" +
        $"    commit: {revision:x40}\n    deployed: \"{Start.AddMinutes(revision).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"\n    by: release-bot\n";

    private static void File(StreamWriter input, string path, string text)
    {
        input.Write($"M 644 inline {path}\n");
        Data(input, text);
    }

    private static void Data(StreamWriter input, string text)
    {
        input.Write(string.Create(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(text)}\n"));
        input.Write(text);
        input.Write('\n');
    }
}
