using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Building;
using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Promotion;
using Cake.Release.Registry;
using Cake.Release.Session;

namespace Cake.Release.GitOps;

/// <summary>Writes environment manifests and the files that follow them to their GitOps branches.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.GitOps")]
public static class GitOpsAliases
{
    /// <summary>
    /// Records that an environment runs a service's version (and digest): the manifest entry and every
    /// <c>updates:</c> file of the environment, in one commit on the environment's branch, pushed without a checkout
    /// and retried on the new tip when other pipelines push at the same time. Changes nothing when the environment
    /// already runs that version and digest. In a dry run, prints each file's diff and the ref it would push.
    /// Only what is true is written: the registry must hold the digest (or, without one, the version's tag) in the
    /// service's own repository, and the source commit recorded is the image's own revision label. Environments with
    /// gates (<c>from</c>, <c>approvals</c>, <c>soak</c>) are refused: only <c>Promote&lt;Env&gt;</c> checks those. When
    /// kubectl is on PATH, an edited Kustomize overlay is rendered first and the write refused unless every container
    /// of the service runs the release.
    /// </summary>
    /// <example><code>UpdateManifest(new UpdateManifestSettings { Environment = "dev", Service = "blue", Version = "sha-3f2c1a0", Digest = digest });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Manifests")]
    public static ManifestUpdateResult UpdateManifest(this ICakeContext context, UpdateManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);

        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var environment = config.Environment(settings.Environment);
        var service = config.Service(settings.Service);
        RefuseGates(environment, service.Name, settings.Version);
        if (service.ChartOnly)
        {
            // Its version must be a released chart (a chart release tag), which DeployDev checks and this does not.
            throw new ReleaseException($"UpdateManifest records an image, and {service.Name} is a chart without an image (image: false in {config.File}); DeployDev records its released chart version in {config.AutoEnvironment?.Name ?? "the auto environment"} (run ReleaseChart --service={service.Name} first), and Promote<Env> moves it on.");
        }

        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var given = settings.Commit is null ? null : repository.SourceCommit(settings.Commit);
        var image = ImageInRegistry(context, config, service, settings);
        return Write(context, config, repository, settings, image.Digest, Revision(service, image, given, settings.Commit), rule: null);
    }

    /// <summary>
    /// The write itself, for the targets that did their own checks first (PromoteEnv its gates, Rollback its history,
    /// DeployDev its fresh build). <paramref name="rule"/>, when given, is asked on every attempt about the entry the
    /// branch's tip holds; a reason it returns refuses the write (<see cref="DeploymentSupersededException"/>).
    /// </summary>
    internal static ManifestUpdateResult WriteManifest(this ICakeContext context, UpdateManifestSettings settings, Func<ManifestEntry?, string?>? rule = null)
    {
        Validate(settings);
        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        return Write(context, config, repository, settings, settings.Digest, repository.SourceCommit(settings.Commit), rule);
    }

    private static ManifestUpdateResult Write(ICakeContext context, ReleaseConfig config, GitRepository repository, UpdateManifestSettings settings, string? digest, string commit, Func<ManifestEntry?, string?>? rule)
    {
        var session = ReleaseSession.Of(context);
        var from = settings.From is null ? null : config.Environment(settings.From).Name;
        var input = new ManifestInput(settings.Environment, settings.Service, settings.Version, digest, commit, Promoter.Resolve(context, settings.By, repository.UserName),
            from, AuditText.Approvers(settings.Approvers), settings.Action ?? (from is null ? "deploy" : "promote"), rule);
        var step = new ManifestStep(session, config, repository, settings.Retry);
        return session.IsDryRun(settings) ? step.Plan(input) : step.Apply(input);
    }

    // A gated environment written here would skip its gates: the manifest would say a version runs in production
    // that nobody approved and that never soaked.
    private static void RefuseGates(EnvironmentConfig environment, string service, string version)
    {
        var gates = new[]
        {
            environment.From is { } from ? $"from: {from}" : null,
            environment.Approvals > 0 ? $"approvals: {environment.Approvals}" : null,
            environment.Soak > TimeSpan.Zero ? $"soak: {DurationText.Of(environment.Soak)}" : null,
            environment.Freeze.Count > 0 ? $"freeze: {environment.Freeze.Count} change window(s)" : null,
        }.OfType<string>().ToList();
        if (gates.Count > 0)
        {
            var where = environment.Location is { } location ? $"{location}: " : "";
            var fix = environment.From is null
                ? $"{environment.Name} has no from: to promote from, so add one to it in release.yaml, then run ./build.sh --target={environment.PromoteTarget} --service={service}"
                : $"run ./build.sh --target={environment.PromoteTarget} --service={service} --version={version} instead";
            throw new ReleaseException($"{where}UpdateManifest does not write {environment.Name}: it has gates ({string.Join(", ", gates)}) that only {environment.PromoteTarget} checks; {fix}.");
        }
    }

    // The registry, not the caller, says which image this is: the digest must be in the service's own repository
    // (a digest of another service's image is named as such), and without one the version's tag names it.
    private static RegistryImage ImageInRegistry(ICakeContext context, ReleaseConfig config, ServiceConfig service, UpdateManifestSettings settings)
    {
        var image = ImageReference.InRegistry(config.Registry, service.Image);
        using var store = ImageStores.Open(image, settings.Registry, config.RepositoryRoot, context.Environment.GetEnvironmentVariable);
        if (RegistryImage.FindAsync(store, image.Repository, settings.Digest ?? settings.Version).GetAwaiter().GetResult() is { } found)
        {
            return found;
        }

        if (settings.Digest is not { } digest)
        {
            throw new ReleaseException($"{image.Name}:{settings.Version} is not in the registry (--version without --digest), so {service.Name} cannot run it; pass --digest=sha256:… of the image, or tag it {settings.Version} first (Retag).");
        }

        var owner = config.Services.Where(s => s.Name != service.Name)
            .Select(s => ImageReference.InRegistry(config.Registry, s.Image))
            .FirstOrDefault(other => Holds(store, other.Repository, digest));
        var elsewhere = owner is null ? "" : $" (it is an image of {owner.Name})";
        throw new ReleaseException($"{digest} is not in {image.Name}{elsewhere} (--digest), so {service.Name} cannot run it; pass the digest BuildOnce or Retag printed for {service.Name}.");
    }

    // Only to name the owner in the refusal: a repository this user may not read is not the owner.
    private static bool Holds(IImageStore store, string repository, string digest)
    {
        try
        {
            return store.ResolveAsync(repository, digest).GetAwaiter().GetResult() is not null;
        }
        catch (ReleaseException)
        {
            return false;
        }
    }

    // Builders label every image with the commit it was built from; that, not the checkout's HEAD, is the source
    // commit. A --commit that says otherwise is a mistake; an image without the label needs --commit.
    private static string Revision(ServiceConfig service, RegistryImage image, string? given, string? argument)
    {
        var what = $"{service.Name}@{image.Digest}";
        return (image.Revision, given) switch
        {
            ({ } revision, null) => revision,
            ({ } revision, { } commit) when revision == commit => revision,
            ({ } revision, _) => throw new ReleaseException($"--commit={argument} is not what {what} was built from ({revision}, its {ImageLabels.Revision} label); leave out --commit to record the image's own revision, or pass the digest of the build of {argument}."),
            (null, { } commit) => commit,
            (null, null) => throw new ReleaseException($"{what} records no source commit (no {ImageLabels.Revision} label); pass --commit=<sha> of the commit it was built from."),
        };
    }

    private static void Validate(UpdateManifestSettings settings)
    {
        Require(settings.Environment, "an environment", "--env=staging");
        Require(settings.Service, "a service", "--service=blue");
        Require(settings.Version, "a version", "--version=1.6.1");
        ManifestInput.Check(settings.Version, settings.Digest);

        // Names for the audit trail are input like any other: refused before the registry or git is asked anything.
        if (settings.By is { } by)
        {
            AuditText.OneLine(by, "--by");
        }

        AuditText.Approvers(settings.Approvers);
    }

    private static void Require(string value, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ReleaseException($"UpdateManifest needs {what}: pass {example}.");
        }
    }
}
