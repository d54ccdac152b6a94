using System.Diagnostics;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Registry;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// The shop monorepo on a bare origin, its images in a real docker-registry on 127.0.0.1, and a CI checkout from
/// which the pipeline runs. Dev is seeded by hand (an image pushed with the registry client, then UpdateManifest
/// with its digest), so promotions are tested without a build.
/// </summary>
public sealed class PromotionWorld : IDisposable
{
    private readonly string _dockerConfig = Directory.CreateTempSubdirectory("cake-release-docker-").FullName;
    private readonly (string User, string Password)? _login;

    /// <param name="editConfig">Changes release.yaml before the first test step.</param>
    /// <param name="login">An htpasswd user the registry requires; the world's own lookups use it, the pipeline gets only what a test gives it.</param>
    public PromotionWorld(Func<string, string>? editConfig = null, (string User, string Password)? login = null)
    {
        _login = login;
        Registry = LocalRegistry.Start(login?.User, login?.Password);
        Remote = ShopMonorepo.Create($"{Registry.Host}/acme", "oci-layer");
        Clone = Remote.Clone();
        if (editConfig is not null)
        {
            var file = Path.Combine(Clone, "release.yaml");
            ShopMonorepo.Commit(Clone, "chore: release.yaml for this test", new Dictionary<string, string?> { ["release.yaml"] = editConfig(File.ReadAllText(file)) });
        }
    }

    public LocalRegistry Registry { get; }

    public GitRemote Remote { get; }

    public string Clone { get; }

    public Dictionary<string, string> Environment => new() { ["DOCKER_CONFIG"] = _dockerConfig, ["GIT_CONFIG_NOSYSTEM"] = "1" };

    /// <summary>The folder DOCKER_CONFIG names for the pipeline, empty until a test writes a config.json into it.</summary>
    public string DockerConfig => _dockerConfig;

    /// <summary>A feat commit on blue, its image pushed as sha-&lt;sha7&gt;, recorded in dev: what DeployDev leaves.</summary>
    public (string Commit, string Digest) SeedDev(string service = "blue", int imageSize = 32)
    {
        var commit = ShopMonorepo.Commit(Clone, $"feat({service}): checkout v{imageSize}", new Dictionary<string, string?> { [$"projects/{service}/app.txt"] = $"{service} v{imageSize}\n" });
        var digest = PushImage(service, $"sha-{commit[..7]}", imageSize);
        var result = TestCake.Context().WriteManifest(new UpdateManifestSettings
        {
            Environment = "dev",
            Service = service,
            Version = $"sha-{commit[..7]}",
            Digest = digest,
            Commit = commit,
            By = "ci-bot",
            Action = "deploy",
            ConfigFile = Path.Combine(Clone, "release.yaml"),
        });
        Assert.False(result.AlreadyDeployed);
        return (commit, digest);
    }

    public string PushImage(string service, string tag, int imageSize = 32, string? revision = null)
    {
        using var store = OpenStore(service);
        return FixtureImages.PushImageAsync(store, $"acme/{service}", tag, fileBytes: imageSize, revision: revision).GetAwaiter().GetResult().Digest;
    }

    public ProcessResult Run(params string[] args) => ReleasePipeline.RunIn(Clone, Environment, args);

    public ProcessResult Run(IDictionary<string, string> environment, params string[] args)
    {
        var all = Environment;
        foreach (var (key, value) in environment)
        {
            all[key] = value;
        }

        return ReleasePipeline.RunIn(Clone, all, args);
    }

    /// <summary>Starts the pipeline without waiting, for a test that kills it mid-run.</summary>
    public Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the pipeline with more environment variables, without waiting.</summary>
    public Process Start(IDictionary<string, string> environment, params string[] args) =>
        ReleasePipeline.Start(Clone, new Dictionary<string, string>(Environment.Concat(environment)), args);

    public EnvironmentManifest? Manifest(string environment)
    {
        var branch = $"refs/heads/gitops/{(environment == "dev" ? "dev-auto-update" : environment + "-releases")}";
        var exists = ProcessRun.Start("git", ["rev-parse", "--verify", "--quiet", branch], Remote.Bare).ExitCode == 0;
        return exists ? EnvironmentManifest.Parse(Remote.Show(branch, $"release-manifests/{environment}.yaml"), environment) : null;
    }

    /// <summary>The commit a ref of origin names (a tag peeled to its commit), or null.</summary>
    public string? RemoteCommit(string reference)
    {
        var result = ProcessRun.Start("git", ["rev-parse", "--verify", "--quiet", $"{reference}^{{commit}}"], Remote.Bare);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>The digest a registry tag names, or null.</summary>
    public string? TagDigest(string service, string tag)
    {
        using var store = OpenStore(service);
        return store.ResolveAsync($"acme/{service}", tag).GetAwaiter().GetResult()?.Digest;
    }

    /// <summary>Everything a promotion may change: origin's refs, every registry tag of blue, and the checkout.</summary>
    public string State()
    {
        using var store = OpenStore("blue");
        var tags = store.ListTagsAsync("acme/blue").GetAwaiter().GetResult().Order(StringComparer.Ordinal).Select(t => $"{t}={TagDigest("blue", t)}");
        return GitRemote.Git(Remote.Bare, "for-each-ref", "--format=%(refname) %(objectname)") + string.Join("\n", tags) + "\n" + GitRemote.LocalState(Clone, includeRemoteTracking: false);
    }

    private IImageStore OpenStore(string service) =>
        ImageStores.Open(ImageReference.Parse($"{Registry.Host}/acme/{service}"), new RegistrySettings { MaxAttempts = 2 }, environment: name => name switch
        {
            "DOCKER_CONFIG" => _dockerConfig,
            "REGISTRY_USERNAME" => _login?.User,
            "REGISTRY_PASSWORD" => _login?.Password,
            _ => null,
        });

    /// <summary>A hook on origin (pre-receive unless named); the script gets each "old new ref" line on stdin.</summary>
    public void Hook(string script, string name = "pre-receive")
    {
        var path = Path.Combine(Remote.Bare, "hooks", name);
        File.WriteAllText(path, "#!/bin/sh\n" + script);
        ProcessRun.Start("chmod", ["+x", path]);
    }

    public void Dispose()
    {
        Registry.Dispose();
        Remote.Dispose();
        Directory.Delete(_dockerConfig, recursive: true);
    }
}
