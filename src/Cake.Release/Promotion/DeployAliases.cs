using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Cake.Release.Registry;

namespace Cake.Release.Promotion;

/// <summary>Records freshly built images in the environment that follows the main branch on its own (<c>auto: true</c>).</summary>
[CakeAliasCategory("Release")]
public static class DeployAliases
{
    /// <summary>
    /// What CI runs on every push to the main branch: DetectChanged, BuildOnce of the changed services (or of
    /// <see cref="DeployDevSettings.Services"/> when named, without detecting), then for each
    /// image built or found: moves the auto environment's <c>imageTag</c> (when set) to its digest,
    /// then writes its entry (version = the build tag, digest, source commit) into the environment's manifest, one
    /// commit per service. In that order a failure never leaves a manifest naming a digest the tag does not follow,
    /// and a re-run completes what is missing; an image already recorded is left alone and said so.
    /// </summary>
    /// <example><code>DeployDev(new DeployDevSettings());</code></example>
    [CakeMethodAlias]
    public static DeployDevResult DeployDev(this ICakeContext context, DeployDevSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var configFile = settings.ConfigFile.MakeAbsolute(context.Environment);
        var config = ReleaseConfigLoader.Load(configFile.FullPath);
        var environment = config.AutoEnvironment
            ?? throw new ReleaseException($"{configFile.FullPath}: no environment has auto: true, so DeployDev has nowhere to deploy; add auto: true to the environment that follows {config.Git.MainBranch} (dev).");
        var dryRun = settings.DryRun ?? context.IsDryRun();
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var by = Promoter.Resolve(context, settings.By, repository.UserName);

        // The manifest push is the last effect and the only one on the git remote: ask the remote first, so an
        // unreachable origin stops the run before an image is pushed or the environment's tag moves.
        new BranchWriter(repository, context.Log, settings.Retry).Probe(config.Git.Remote, environment.Branch, config.Git.MainBranch);
        var builds = settings.Builds.Count > 0 ? settings.Builds.ToList() : BuildChanged(context, settings, configFile, dryRun);
        if (builds.Count == 0)
        {
            context.Log.Information("No service changed; {0} stays as it is.", environment.Name);
            return new DeployDevResult(environment.Name, []);
        }

        var deployments = new List<ManifestUpdateResult>();
        foreach (var build in builds)
        {
            // A dry run's BuildOnce builds nothing, so an image it would build has no digest yet.
            var digest = build.Digest.Length > 0 ? build.Digest : null;
            if (environment.ImageTag is { } imageTag)
            {
                if (digest is null)
                {
                    context.Log.Information("Dry run: would move {0}:{1} to {2} {3} once it is built.", build.Image, imageTag, build.Service, build.Tag);
                }
                else
                {
                    var retag = new RetagServiceSettings { Service = build.Service, Digest = digest, ConfigFile = configFile, DryRun = dryRun, Registry = settings.Registry };
                    retag.Tags.Add(imageTag);
                    context.RetagService(retag);
                }
            }

            deployments.Add(context.WriteManifest(new UpdateManifestSettings
            {
                Environment = environment.Name,
                Service = build.Service,
                Version = build.Tag,
                Digest = digest,
                Commit = build.Commit,
                By = by,
                Action = "deploy",
                ConfigFile = configFile,
                DryRun = dryRun,
                Retry = settings.Retry,
                Git = settings.Git,
            }));
        }

        return new DeployDevResult(environment.Name, deployments);
    }

    // Checked before anything is built (the auto environment above), so bad input leaves the registry untouched.
    private static List<ServiceBuild> BuildChanged(ICakeContext context, DeployDevSettings settings, FilePath configFile, bool dryRun)
    {
        var build = settings.Build;
        build.ConfigFile = configFile;
        build.DryRun = dryRun;
        IEnumerable<string> services = settings.Services;
        if (settings.Services.Count == 0)
        {
            settings.Detect.ConfigFile = configFile;
            var changes = context.DetectChanged(settings.Detect);
            if (changes.Services.Count == 0)
            {
                return [];
            }

            build.Commit ??= changes.Head;
            services = changes.Names;
        }

        var names = services.ToList();
        build.Services.Clear();
        foreach (var service in names)
        {
            build.Services.Add(service);
        }

        return context.BuildOnce(build).Builds.ToList();
    }
}
