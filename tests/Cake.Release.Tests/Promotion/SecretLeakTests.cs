using System.Text;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Every target, run as a user runs it at <c>--verbosity=diagnostic</c>, succeeding and failing, with secrets planted
/// where CI puts them: a token in origin's URL (git's own HTTP server checks it), registry credentials in the
/// environment, a Docker login, and webhook URLs. None of them may show in
/// any output, any file of the checkout, any git object of the checkout or origin, or anything the registry stores.
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string Token = "ghs_T0kenInTheRemoteUrl4f9c2e";
    private const string WrongToken = "ghs_Wr0ngTokenInTheRemoteUrl77a1";
    private const string RegistryUser = "robot";
    private const string RegistryPassword = "Reg1stryPassw0rd-8d2f";
    private const string WrongRegistryPassword = "Wr0ngRegistryPassw0rd-31c9";
    private const string DockerLoginPassword = "D0ckerL0ginPassw0rd-55e0";
    private const string DockerIdentityToken = "D0ckerIdentityT0ken-a7b3";
    private const string TeamsHook = "teams/T0a1b2c3d-teams-webhook-secret";
    private const string AlertHook = "alerts/B9z8y7x6-alert-webhook-secret";

    // htpasswd, so the password really travels in every registry call, and the wrong one is really refused.
    private readonly LocalRegistry _registry = LocalRegistry.Start(RegistryUser, RegistryPassword);
    private readonly WebhookReceiver _receiver = new();
    private readonly GitRemote _remote;
    private readonly GitHttpServer _server;
    private readonly string _clone;
    private readonly string _dockerConfig = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;
    private readonly List<(string Run, ProcessResult Result)> _runs = [];

    public SecretLeakTests()
    {
        _remote = ShopMonorepo.Create($"{_registry.Host}/acme", "oci-layer");
        _server = new GitHttpServer(_remote.Folder, "x-access-token", Token);
        _clone = _remote.Clone();
        GitRemote.Git(_clone, "remote", "set-url", "origin", _server.Url("origin.git", "x-access-token", Token));
        var yaml = File.ReadAllText(Path.Combine(_clone, "release.yaml"))
            .Replace("    approvals: 2\n", "    approvals: 2\n    notify:\n      - teams: ${TEAMS_WEBHOOK_URL}\n      - slack: ${PRD_ALERTS}\n", StringComparison.Ordinal)
            .Replace("    path: projects/blue\n", "    path: projects/blue\n    chart: helm/charts/blue\n", StringComparison.Ordinal);
        ShopMonorepo.Commit(_clone, "chore: charts and notifications", new Dictionary<string, string?>
        {
            ["release.yaml"] = yaml,
            ["helm/charts/blue/Chart.yaml"] = "apiVersion: v2\nname: blue\nversion: 1.5.0\nappVersion: \"1.5.0\"\n",
        });
        // A docker login to another registry: its secrets are on disk for every run, and must stay there.
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"someone:{DockerLoginPassword}"));
        File.WriteAllText(Path.Combine(_dockerConfig, "config.json"),
            "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"},\"ghcr.io\":{\"identitytoken\":\"" + DockerIdentityToken + "\"}}}");
    }

    private static string[] Secrets =>
    [
        Token, WrongToken, Base64($"x-access-token:{Token}"), Base64($"x-access-token:{WrongToken}"),
        RegistryPassword, WrongRegistryPassword, Base64($"{RegistryUser}:{RegistryPassword}"), Base64($"{RegistryUser}:{WrongRegistryPassword}"),
        DockerLoginPassword, Base64($"someone:{DockerLoginPassword}"), DockerIdentityToken,
        TeamsHook, AlertHook,
    ];

    public void Dispose()
    {
        _server.Dispose();
        _receiver.Dispose();
        _registry.Dispose();
        _remote.Dispose();
        Directory.Delete(_dockerConfig, recursive: true);
    }

    [Fact]
    public void No_planted_secret_reaches_any_output_file_git_object_or_image_of_any_target_at_diagnostic_verbosity()
    {
        Run("DetectChanged");
        Run("BuildOnce");
        Run("DeployDev");
        Run("Retag", "--service=blue", "--from-tag=dev", "--tag=candidate");
        RunWith(new() { ["REGISTRY_PASSWORD"] = WrongRegistryPassword }, "Retag", "--service=blue", "--from-tag=dev", "--tag=refused");
        Run("UpdateManifest", "--env=dev", "--service=yellow", "--version=9.9.9", $"--digest=sha256:{new string('0', 64)}");
        Run("PromoteStaging", "--service=blue", "--version=1.6.0", "--dryrun");
        Run("PromoteStaging", "--service=blue", "--version=1.6.0");
        Run("PromoteStaging", "--service=green", "--version=not-a-version");
        Run("PromoteProduction", "--service=blue", "--by=alice");
        Run("PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol", "--dryrun");
        Run("PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol");
        Run("Rollback", "--env=production", "--service=blue");
        var fix = ShopMonorepo.Commit(_clone, "fix(blue): guard the checkout", new Dictionary<string, string?> { ["projects/blue/app.txt"] = "blue v1 fixed\n" });
        Run("Hotfix", "--service=blue", $"--commit={fix}");
        Run("Hotfix", "--service=blue", "--commit=0123456789abcdef0123456789abcdef01234567");
        Run("BumpChart", "--service=blue", "--dryrun");
        Run("WriteChangelog", "--service=blue", "--dryrun");
        Run("ReleaseChart", "--service=blue");
        Run("ReleaseChart", "--service=nosuch");
        foreach (var format in new[] { "table", "markdown", "json", "html" })
        {
            Run("Status", $"--format={format}");
        }

        Run("Init", "--config=release.starter.yaml", "--dryrun");
        Run("Doctor");

        // The same checkout with a token origin refuses: every git failure message passes through the output.
        GitRemote.Git(_clone, "remote", "set-url", "origin", _server.Url("origin.git", "x-access-token", WrongToken));
        Run("DeployDev");
        Run("PromoteStaging", "--service=green", "--version=1.0.0");
        Run("PromoteStaging", "--service=green", "--version=1.0.0", "--dryrun");
        Run("ReleaseChart", "--service=blue");
        Run("Hotfix", "--service=blue", $"--commit={fix}");
        GitRemote.Git(_clone, "remote", "set-url", "origin", _server.Url("origin.git", "x-access-token", Token));

        Assert.True(_runs.Count(r => r.Result.ExitCode == 0) >= 10, Report("too few successful runs: the planted secrets were not exercised"));
        Assert.True(_runs.Count(r => r.Result.ExitCode != 0) >= 5, Report("too few failing runs"));
        Assert.True(_receiver.Received.Any(r => r.Path == TeamsHook) && _receiver.Received.Any(r => r.Path == AlertHook), Report("the webhooks were not called"));

        List<(string Name, string Text)> places = [.. _runs.Select(r => (Name: $"output of {r.Run}", Text: r.Result.All))
            .Concat(Files(_clone))
            .Concat(Files(_registry.Folder))
            .Append(("git objects of the checkout", GitObjects(_clone)))
            .Append(("git objects of origin", GitObjects(_remote.Bare)))];
        var found = (from place in places from secret in Secrets where place.Text.Contains(secret, StringComparison.Ordinal) select $"{secret} in {place.Name}").ToList();

        Assert.True(found.Count == 0, $"{found.Count} leaks in {places.Count} places searched for {Secrets.Length} secrets after {_runs.Count} runs:\n" + string.Join("\n", found.Take(40)));
    }

    private void Run(string target, params string[] arguments) => RunWith([], target, arguments);

    private void RunWith(Dictionary<string, string> overrides, string target, params string[] arguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["DOCKER_CONFIG"] = _dockerConfig,
            ["REGISTRY_USERNAME"] = RegistryUser,
            ["REGISTRY_PASSWORD"] = RegistryPassword,
            ["TEAMS_WEBHOOK_URL"] = _receiver.Url(TeamsHook),
            ["PRD_ALERTS"] = _receiver.Url(AlertHook),
        };
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }

        var result = ReleasePipeline.RunIn(_clone, environment, [$"--target={target}", "--verbosity=diagnostic", .. arguments]);
        _runs.Add(($"{target} {string.Join(' ', arguments)} (exit {result.ExitCode})", result));
    }

    private string Report(string message) =>
        message + ":\n" + string.Join("\n", _runs.Select(r => r.Run + (r.Result.ExitCode == 0 ? "" : ": " + r.Result.ErrorLines.LastOrDefault())));

    // The checkout's config holds the URL the user put there; everything else (FETCH_HEAD, logs, artifacts/, worktrees) must not.
    private static IEnumerable<(string Name, string Text)> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Replace('\\', '/').EndsWith("/.git/config", StringComparison.Ordinal))
            .Select(f => (f, Encoding.Latin1.GetString(File.ReadAllBytes(f))));

    private static string GitObjects(string repository) =>
        ProcessRun.Start("git", ["cat-file", "--batch-all-objects", "--batch"], repository).Output;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
