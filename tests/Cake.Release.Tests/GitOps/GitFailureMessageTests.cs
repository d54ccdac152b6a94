using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// When git cannot do what a target needs, the one error line says why in the user's terms: not a repository, no
/// such remote, or a remote that cannot be reached; never git's closing boilerplate ("and the repository exists.").
/// </summary>
public sealed class GitFailureMessageTests : IDisposable
{
    private const string ReleaseYaml = """
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
          staging:
            branch: gitops/staging
            from: dev
        services:
          blue:
            path: projects/blue
        """;

    private readonly GitRemote _remote = new(new Dictionary<string, string> { ["release.yaml"] = ReleaseYaml + "\n", ["projects/blue/app.txt"] = "blue\n" });

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void A_folder_that_is_not_a_git_repository_is_named_as_such()
    {
        var folder = Directory.CreateTempSubdirectory("cake-release-plain-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "release.yaml"), ReleaseYaml + "\n");
            Directory.CreateDirectory(Path.Combine(folder, "projects", "blue"));

            var result = ReleasePipeline.RunIn(folder, "--target=PromoteStaging", "--service=blue", "--by=alice");

            AssertOneError(result, $"{folder} is not a git repository; run in a clone of the repository that holds release.yaml, or git init it and add the remote");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/shop.git", "fatal: unable to access 'http://127.0.0.1:1/shop.git/': Failed to connect to 127.0.0.1 port 1")]
    [InlineData("{folder}/gone.git", "fatal: '{folder}/gone.git' does not appear to be a git repository")]
    public void An_unreachable_origin_is_named_as_such(string url, string reason)
    {
        var clone = _remote.Clone();
        url = url.Replace("{folder}", _remote.Folder);
        GitRemote.Git(clone, "remote", "set-url", "origin", url);

        var result = ReleasePipeline.RunIn(clone, "--target=PromoteStaging", "--service=blue", "--by=alice");

        AssertOneError(result, $"the remote 'origin' cannot be reached from {clone} ({reason.Replace("{folder}", _remote.Folder)}");
        Assert.Contains("check its URL (git remote get-url origin), the network and the credentials, then run again.", result.All);
    }

    [Fact]
    public void A_missing_remote_is_named_with_the_command_that_adds_it()
    {
        var clone = _remote.Clone();
        GitRemote.Git(clone, "remote", "remove", "origin");

        var result = ReleasePipeline.RunIn(clone, "--target=PromoteStaging", "--service=blue", "--by=alice");

        AssertOneError(result, $"{clone} has no remote 'origin'; add it (git remote add origin <url>), or name yours in git.remote of release.yaml.");
    }

    private static void AssertOneError(ProcessResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.All.Split('\n'), line => line.StartsWith("Error:", StringComparison.Ordinal));
        Assert.Contains(expected, error);
        Assert.DoesNotContain("the repository exists", result.All);
    }
}
