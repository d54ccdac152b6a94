using Cake.Core.Diagnostics;
using Cake.Release.Building;
using Cake.Release.Changes;
using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.GitOps;
using Cake.Release.Registry;
using Cake.Release.Session;

namespace Cake.Release.Promotion;

/// <summary>
/// DeployDev's own part: checked before anything is built (an auto environment, a promoter, a reachable remote),
/// then each image BuildOnce built or found recorded in the auto environment: its <c>imageTag</c> moved to the
/// digest first, then its manifest entry written, one commit per service. In that order a failure never leaves a
/// manifest naming a digest the tag does not follow, and a re-run completes what is missing.
/// </summary>
public sealed partial class DevDeployment
{
    private readonly ReleaseSession _session;
    private readonly DeployDevSettings _settings;
    private readonly ReleaseConfig _config;
    private readonly GitRepository _repository;
    private readonly string _by;

    private DevDeployment(ReleaseSession session, DeployDevSettings settings, ReleaseConfig config, EnvironmentConfig environment, GitRepository repository, string by) =>
        (_session, _settings, _config, Environment, _repository, _by) = (session, settings, config, environment, repository, by);

    /// <summary>The auto environment.</summary>
    public EnvironmentConfig Environment { get; }

    /// <summary>Refuses a release.yaml without an auto environment and an unreachable remote, before anything is built or pushed.</summary>
    public static DevDeployment Check(ReleaseSession session, DeployDevSettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var config = session.Config(settings.ConfigFile);
        var environment = config.AutoEnvironment
            ?? throw new ReleaseException($"{settings.ConfigFile.MakeAbsolute(session.Context.Environment).FullPath}: no environment has auto: true, so DeployDev has nowhere to deploy; add auto: true to the environment that follows {config.Git.MainBranch} (dev).");
        var repository = new GitRepository(session.Context, config.RepositoryRoot, settings.Git);
        var by = Promoter.Resolve(session.Context, settings.By, repository.UserName);

        // The manifest push is the last effect and the only one on the git remote: ask the remote first, so an
        // unreachable origin stops the run before an image is pushed or the environment's tag moves.
        new BranchWriter(repository, session.Log, settings.Retry).Probe(config.Git.Remote, environment.Branch, config.Git.MainBranch);
        return new DevDeployment(session, settings, config, environment, repository, by);
    }

    /// <summary>
    /// What DeployDev does with one BuildOnce: <see cref="Record"/> its images, configuration changes and chart
    /// versions, then publish them (and whatever an earlier run left unpublished) to the central release record when
    /// release.yaml has <c>publish:</c>; a table that cannot be reached is a warning, the deployment is done.
    /// </summary>
    public DeployDevResult Deploy(BuildOnceResult built, ChangeSet? changes)
    {
        ArgumentNullException.ThrowIfNull(built);
        var result = Record(built.Builds, changes, built.Charts, built.Commit);
        ReleasePublishing.Publish(_session, _config, _settings.Git, "DeployDev", _session.IsDryRun(_settings));
        return result;
    }

    /// <summary>
    /// Moves the imageTag of each build, then writes in one commit the manifest entry of each build, of each service
    /// whose configuration alone changed (<paramref name="changes"/>: the image it runs, with the configuration of the
    /// change set's head), and of each chart-only service of <paramref name="charts"/> at its released chart version.
    /// An entry already recorded is left alone and said so.
    /// </summary>
    public DeployDevResult Record(IReadOnlyList<ServiceBuild> builds, ChangeSet? changes = null, IReadOnlyList<string>? charts = null, string? chartCommit = null)
    {
        ArgumentNullException.ThrowIfNull(builds);
        // A chart-only service has no configuration of its own to render: its chart changes are chart releases.
        var reconfigured = (changes?.Reconfigured ?? []).Where(s => (_settings.Services.Count == 0 || _settings.Services.Contains(s)) && !_config.Service(s).ChartOnly).ToList();
        if (builds.Count == 0 && reconfigured.Count == 0 && (charts ?? []).Count == 0)
        {
            _session.Log.Information("No service changed; {0} stays as it is.", Environment.Name);
            return new DeployDevResult(Environment.Name, []);
        }

        var dryRun = _session.IsDryRun(_settings);
        var retag = new RetagStep(_session.Log, _session.Variable);
        var manifest = new ManifestStep(_session, _config, _repository, _settings.Retry);

        // Every input is worked out, and in rendered mode every configuration rendered, before the first effect: an
        // overlay that does not render stops the run with dev's tag and branch as they were.
        var running = reconfigured.Count > 0 && Environment.Render is not null ? new RemoteManifests(_repository).Read(_config, [Environment])[Environment.Name] : null;
        var inputs = builds.Select(build => (Build: (ServiceBuild?)build, Input: ForBuild(build)))
            .Concat(reconfigured.Select(service => Reconfigure(service, changes!.Head, running)).OfType<ManifestInput>().Select(input => (Build: (ServiceBuild?)null, Input: input)))
            .Select(planned => (planned.Build, Input: Prerender(manifest, planned.Input)))
            .ToList();

        // Registry tags before the manifest commit (DESIGN §6): the commit never names a digest dev's tag lacks.
        foreach (var (build, entry) in inputs)
        {
            if (build is not null && Environment.ImageTag is { } imageTag)
            {
                if (entry.Digest is not { } digest)
                {
                    _session.Log.Information("Dry run: would move {0}:{1} to {2} {3} once it is built.", build.Image, imageTag, build.Service, build.Tag);
                }
                else
                {
                    var input = RetagInput.ForService(_config, build.Service, digest, null, [imageTag], _settings.Registry);
                    _ = dryRun ? retag.Plan(input) : retag.Apply(input);
                }
            }
        }

        // One commit and one push for every service of the run (DESIGN §4), with a trailer block per service.
        List<ManifestInput> entries = [.. inputs.Select(i => i.Input), .. ChartEntries(charts ?? [], chartCommit)];
        return new DeployDevResult(Environment.Name, dryRun ? manifest.PlanAll(entries) : manifest.ApplyAll(entries));
    }

    private ManifestInput ForBuild(ServiceBuild build)
    {
        // A dry run's BuildOnce builds nothing, so an image it would build has no digest yet.
        var digest = build.Digest.Length > 0 ? build.Digest : null;
        ManifestInput.Check(build.Tag, digest);
        return new ManifestInput(Environment.Name, _config.Service(build.Service).Name, build.Tag, digest, _repository.SourceCommit(build.Commit), _by, null, [], "deploy");
    }

    private ManifestInput Prerender(ManifestStep manifest, ManifestInput input) =>
        Environment.Render is null || input.Digest is null ? input
            : input with { Rendered = manifest.Renderer().Render(Environment.Name, input.Service, input.Config ?? input.Commit, input.Version, input.Digest) };

    // A configuration change alone: the entry the environment has, with the configuration of head. Without an entry
    // there is no image to run it with, and without rendering nothing of it is written, so both are said and skipped.
    private ManifestInput? Reconfigure(string service, string head, Manifests.EnvironmentManifest? manifest)
    {
        if (Environment.Render is null)
        {
            _session.Log.Information("{0}: only its configuration changed, and {1} has no render: in release.yaml, so there is nothing to deploy.", service, Environment.Name);
            return null;
        }

        if (manifest?.Entry(service) is not { Commit: { } commit } current)
        {
            _session.Log.Warning("{0}: only its configuration changed, and {1} runs no build of it yet; deploy it once with --service={0} to build it.", service, Environment.Name);
            return null;
        }

        _session.Log.Information("{0}: only its configuration changed; {1} keeps {2} ({3}) with the configuration of {4}.", service, Environment.Name, current.Version, current.Digest ?? "no digest", ShortCommit.Of(head));
        return new ManifestInput(Environment.Name, service, current.Version, current.Digest, commit, _by, null, [], "deploy", Config: _repository.SourceCommit(head));
    }
}
