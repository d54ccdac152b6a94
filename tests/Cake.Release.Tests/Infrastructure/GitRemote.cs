namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// A bare "origin" in a temp folder with a main branch, and clones of it: the shape of a monorepo and the remote its
/// pipelines push GitOps branches to. Identity and default branch come from the environment and repository config,
/// never from the machine's global git config.
/// </summary>
public sealed class GitRemote : IDisposable
{
    private static readonly Dictionary<string, string> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "Test Author",
        ["GIT_AUTHOR_EMAIL"] = "author@test.invalid",
        ["GIT_COMMITTER_NAME"] = "Test Committer",
        ["GIT_COMMITTER_EMAIL"] = "committer@test.invalid",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    private int _clones;

    public GitRemote(IReadOnlyDictionary<string, string>? files = null)
    {
        Folder = Directory.CreateTempSubdirectory("cake-release-git-").FullName;
        Bare = Path.Combine(Folder, "origin.git");
        Git(Folder, "-c", "init.defaultBranch=main", "init", "--bare", "--quiet", Bare);

        var seed = Clone("seed");
        foreach (var (path, text) in files ?? new Dictionary<string, string> { ["README.md"] = "monorepo\n" })
        {
            var full = Path.Combine(seed, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        Git(seed, "add", "--all");
        Git(seed, "commit", "--quiet", "-m", "initial");
        Git(seed, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        Seed = seed;
    }

    public string Folder { get; }

    public string Bare { get; }

    /// <summary>The first clone, holding the initial commit.</summary>
    public string Seed { get; }

    /// <summary>A new clone of origin with its own identity in its repository config, as a CI job's checkout.</summary>
    public string Clone(string? name = null)
    {
        var path = Path.Combine(Folder, name ?? $"clone{Interlocked.Increment(ref _clones)}");
        Git(Folder, "-c", "init.defaultBranch=main", "clone", "--quiet", Bare, path);
        Git(path, "config", "user.name", "Pipeline");
        Git(path, "config", "user.email", "pipeline@test.invalid");
        return path;
    }

    /// <summary>Runs git and returns its standard output; a failure fails the test.</summary>
    public static string Git(string workingDirectory, params string[] args)
    {
        var result = ProcessRun.Start("git", args, workingDirectory, Identity);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)} failed: {result}");
        return result.Output;
    }

    public string Show(string revision, string path) => Git(Bare, "show", $"{revision}:{path}");

    public byte[] ShowBytes(string revision, string path)
    {
        var scratch = Directory.CreateTempSubdirectory("cake-release-show-").FullName;
        var name = ProcessRun.Start("git", ["--git-dir", Bare, "unpack-file", $"{revision}:{path}"], scratch).Output.Trim();
        return File.ReadAllBytes(Path.Combine(scratch, name));
    }

    /// <summary>The refs (all, or only local ones), HEAD, the status and the index of a clone: what "nothing touched" compares.</summary>
    public static string LocalState(string clone, bool includeRemoteTracking = true) =>
        Git(clone, "for-each-ref", "--format=%(refname) %(objectname)", includeRemoteTracking ? "refs/" : "refs/heads/") + Git(clone, "rev-parse", "HEAD")
        + Git(clone, "status", "--porcelain=v1", "--untracked-files=all") + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(clone, ".git", "index"))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}
