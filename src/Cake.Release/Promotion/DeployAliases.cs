using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.Session;

namespace Cake.Release.Promotion;

/// <summary>Records freshly built images in the environment that follows the main branch on its own (<c>auto: true</c>).</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Promotion")]
[CakeNamespaceImport("Cake.Release.Building")]
[CakeNamespaceImport("Cake.Release.GitOps")]
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
    [CakeAliasCategory("Promotion")]
    public static DeployDevResult DeployDev(this ICakeContext context, DeployDevSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var session = ReleaseSession.Of(context);
        var deployment = DevDeployment.Check(session, settings);
        ChangeSet? changes = null;
        var built = settings.Builds.Count > 0 ? new BuildOnceResult(settings.Builds.ToList()) : BuildChanged(session, settings, out changes);
        return deployment.Deploy(built, changes);
    }

    // Checked before anything is built (DevDeployment.Check), so bad input leaves the registry untouched. The
    // caller's Detect and Build settings are copied, not changed.
    private static BuildOnceResult BuildChanged(ReleaseSession session, DeployDevSettings settings, out ChangeSet? changes)
    {
        var (services, commit) = (settings.Services.ToList(), settings.Build.Commit);
        changes = null;
        if (services.Count == 0)
        {
            var detect = settings.Detect.Copy<DetectChangedSettings>();
            detect.ConfigFile = settings.ConfigFile;
            changes = DetectChangedRun.Run(session, detect);
            if (changes.ToBuild.Count == 0)
            {
                return new BuildOnceResult([]);
            }

            (services, commit) = (changes.ToBuild.ToList(), commit ?? changes.Head);
        }

        var build = settings.Build.For(services, commit);
        build.ConfigFile = settings.ConfigFile;
        build.DryRun = session.IsDryRun(settings);
        return new BuildOnceRun(session.Context, build).Run();
    }
}
