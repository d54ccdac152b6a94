using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Metrics;

/// <summary>
/// A monorepo (blue, green) on a bare origin whose GitOps branches are written by hand, commit by commit, with the
/// deployed times and subjects a test chooses: a history no pipeline would write in one test run (days apart), and one
/// with a service named <c>&lt;script&gt;alert(1)&lt;/script&gt;</c>, which no release.yaml declares but a manifest can hold.
/// </summary>
public sealed class HandWrittenHistory : IDisposable
{
    public const string Hostile = "<script>alert(1)</script>";

    private readonly GitRemote _remote = Monorepo.Create();

    public HandWrittenHistory()
    {
        Clone = _remote.Clone();
    }

    public string Clone { get; }

    public string ConfigFile => Path.Combine(Clone, "release.yaml");

    /// <summary>A commit on main touching <paramref name="path"/>, authored at <paramref name="authored"/> (UTC), pushed; returns it.</summary>
    public string CommitOnMain(string path, string authored)
    {
        File.WriteAllText(Path.Combine(Clone, path), $"{authored}\n");
        GitRemote.Git(Clone, "add", path);
        GitRemote.Git(Clone, "commit", "--quiet", $"--date={authored}Z", "-m", $"feat: {path} at {authored}");
        GitRemote.Git(Clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        return GitRemote.Git(Clone, "rev-parse", "HEAD").Trim();
    }

    /// <summary>
    /// Commits each manifest state to the environment's branch on origin, oldest first, through a temporary worktree;
    /// each state is the services' entries, the subject the commit's message.
    /// </summary>
    public void Write(string environment, string branch, params (string Subject, (string Service, ManifestEntry Entry)[] Entries)[] states)
    {
        var worktree = Path.Combine(Directory.GetParent(Clone)!.FullName, $"gitops-{environment}");
        GitRemote.Git(Clone, "worktree", "add", "--quiet", "--detach", worktree);
        GitRemote.Git(worktree, "checkout", "--quiet", "--orphan", branch);
        GitRemote.Git(worktree, "rm", "-r", "--quiet", "--force", ".");
        Directory.CreateDirectory(Path.Combine(worktree, "release-manifests"));
        foreach (var (subject, entries) in states)
        {
            var manifest = EnvironmentManifest.Empty(environment);
            foreach (var (service, entry) in entries)
            {
                manifest = manifest.WithEntry(service, entry);
            }

            File.WriteAllText(Path.Combine(worktree, "release-manifests", $"{environment}.yaml"), manifest.Render());
            GitRemote.Git(worktree, "add", "--all");
            GitRemote.Git(worktree, "commit", "--quiet", "--allow-empty", "-m", subject);
        }

        GitRemote.Git(worktree, "push", "--quiet", "origin", $"HEAD:refs/heads/{branch}");
        GitRemote.Git(Clone, "worktree", "remove", "--force", worktree);
    }

    public static ManifestEntry Entry(string version, string deployed, string commit, string? from = "staging") =>
        new(version, $"registry.example.com/acme/{version}", $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version)))}",
            commit, DateTimeOffset.Parse(deployed + "Z", System.Globalization.CultureInfo.InvariantCulture), "release-bot", from);

    public void Dispose() => _remote.Dispose();
}
