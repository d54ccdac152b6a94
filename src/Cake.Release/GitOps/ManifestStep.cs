using System.Text.RegularExpressions;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Diffs;
using Cake.Release.Manifests;
using Cake.Release.Registry;
using Cake.Release.Session;

namespace Cake.Release.GitOps;

/// <summary>One service's release to record in one environment's manifest.</summary>
/// <param name="Environment">The environment written.</param>
/// <param name="Service">The service.</param>
/// <param name="Version">The version (or build tag) it runs.</param>
/// <param name="Digest">The image digest, when known.</param>
/// <param name="Commit">The full source commit.</param>
/// <param name="By">The promoter, already resolved.</param>
/// <param name="From">The environment it came from, if any.</param>
/// <param name="Approvers">The approvers, already checked.</param>
/// <param name="Action">deploy, promote or rollback: the commit subject's verb.</param>
/// <param name="Rule">Asked on every attempt about the entry the branch tip holds; a reason it returns refuses the write.</param>
/// <param name="Config">The commit the configuration comes from, when not <paramref name="Commit"/> (a configuration change deployed with the image already running).</param>
/// <param name="Rendered">The configuration, when the caller rendered it already (to check it before any other effect).</param>
/// <param name="Proposal">A promotion branch to push the commit to, for a pull request, instead of the environment's branch.</param>
/// <param name="Merged">When the release's pull request was merged: the write then only records the merge (see <see cref="DeploymentEdits.Record"/>).</param>
/// <param name="Trailers">More commit trailers, each <c>Key: value</c>.</param>
internal sealed partial record ManifestInput(
    string Environment,
    string Service,
    string Version,
    string? Digest,
    string Commit,
    string By,
    string? From,
    IReadOnlyList<string> Approvers,
    string Action,
    Func<ManifestEntry?, string?>? Rule = null,
    string? Config = null,
    RenderedConfiguration? Rendered = null,
    string? Proposal = null,
    DateTimeOffset? Merged = null,
    IReadOnlyList<string>? Trailers = null)
{
    /// <summary>The exceptions the promotion's gates let it through on, one trailer each.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>Whether <see cref="Approvers"/> were verified (on a forge); names typed with --approver are not.</summary>
    public bool ApproversVerified { get; init; }

    /// <summary>Refuses a version or digest a manifest cannot record, naming the argument to fix.</summary>
    public static void Check(string version, string? digest)
    {
        if (version.Equals("latest", StringComparison.OrdinalIgnoreCase) || ReleaseNames.ImageTagProblem(version) is not null)
        {
            throw new ReleaseException($"'{version}' is not a version a manifest can record (--version): pass the exact version or build tag the image carries, e.g. 1.6.1 or sha-3f2c1a0.");
        }

        if (digest is not null && !DigestPattern().IsMatch(digest))
        {
            throw new ReleaseException($"'{digest}' is not an image digest (--digest): pass sha256: and 64 lowercase hex digits, as the registry reports it.");
        }
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();
}

/// <summary>
/// Writes the manifest entry and every <c>updates:</c> file of the environment in one commit on its branch, pushed
/// without a checkout and re-applied on the new tip when another pipeline pushed first; an environment that already
/// runs the release is left alone. An edited Kustomize overlay is rendered first when kubectl is on PATH. In rendered
/// mode the service's configuration, rendered once at the release's source commit, goes in the same commit.
/// </summary>
internal sealed class ManifestStep(ReleaseSession session, ReleaseConfig config, GitRepository repository, PushRetry retry) : IReleaseStep<ManifestInput, ManifestUpdateResult>
{
    public ManifestUpdateResult Plan(ManifestInput input) => Write(input, dryRun: true);

    public ManifestUpdateResult Apply(ManifestInput input) => Write(input, dryRun: false);

    public StepEffect Effect(ManifestUpdateResult result) =>
        new("manifest", !result.AlreadyDeployed, $"{config.Git.Remote}/{config.Environment(result.Environment).Branch}:{config.Git.ManifestPath(result.Environment)}");

    /// <summary>
    /// Several services' releases into one environment as one commit on its branch (DeployDev): each composed on top
    /// of the ones before it, with a trailer block per service. A service whose entry is already there is unchanged,
    /// and left out of the commit.
    /// </summary>
    public IReadOnlyList<ManifestUpdateResult> ApplyAll(IReadOnlyList<ManifestInput> inputs) => WriteAll(inputs, dryRun: false);

    /// <summary>What <see cref="ApplyAll"/> would commit; changes nothing.</summary>
    public IReadOnlyList<ManifestUpdateResult> PlanAll(IReadOnlyList<ManifestInput> inputs) => WriteAll(inputs, dryRun: true);

    private ManifestUpdateResult Write(ManifestInput input, bool dryRun)
    {
        var (deployment, compose) = Prepare(input, dryRun);
        var environment = config.Environment(input.Environment);
        var writer = new BranchWriter(repository, session.Log, retry);
        var verify = new OverlayRenderCheck(session.Context, repository).Verify;
        var write = input.Proposal is { } proposal
            ? writer.Propose(config.Git.Remote, environment.Branch, proposal, config.Git.MainBranch, compose, dryRun, verify)
            : writer.Write(config.Git.Remote, environment.Branch, config.Git.MainBranch, compose, dryRun, verify);
        Report(session.Log, deployment, write);
        return new ManifestUpdateResult(environment.Name, deployment.Service, input.Version, input.Digest, write);
    }

    private IReadOnlyList<ManifestUpdateResult> WriteAll(IReadOnlyList<ManifestInput> inputs, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count <= 1)
        {
            return [.. inputs.Select(input => Write(input, dryRun))];
        }

        if (inputs.Select(i => i.Environment).Distinct(StringComparer.Ordinal).Count() > 1 || inputs.Any(i => i.Proposal is not null || i.Merged is not null))
        {
            throw new InvalidOperationException("one commit holds direct writes into one environment only");
        }

        var environment = config.Environment(inputs[0].Environment);
        var prepared = inputs.Select(input => Prepare(input, dryRun)).ToList();
        IReadOnlySet<string> changed = new HashSet<string>();
        BranchChange Compose(BranchSnapshot snapshot)
        {
            var batch = DeploymentBatch.Compose(environment.Name, prepared.Select(p => (p.Deployment.Service, p.Compose)).ToList(), snapshot);
            changed = batch.Changed;
            return batch.Change;
        }

        var writer = new BranchWriter(repository, session.Log, retry);
        var write = writer.Write(config.Git.Remote, environment.Branch, config.Git.MainBranch, Compose, dryRun, new OverlayRenderCheck(session.Context, repository).Verify);
        var unchanged = write with { Outcome = BranchWriteOutcome.Unchanged, Commit = null, Message = "", Changes = [] };
        foreach (var (deployment, _) in prepared.Where(p => !changed.Contains(p.Deployment.Service)))
        {
            Report(session.Log, deployment, unchanged);
        }

        if (write.Outcome != BranchWriteOutcome.Unchanged)
        {
            Report(session.Log, prepared.First(p => changed.Contains(p.Deployment.Service)).Deployment, write);
        }

        return [.. prepared.Select(p => new ManifestUpdateResult(environment.Name, p.Deployment.Service, p.Deployment.Version, p.Deployment.Digest, changed.Contains(p.Deployment.Service) ? write : unchanged))];
    }

    // The deployment an input records, and how its commit is composed on a branch tip.
    private (Deployment Deployment, Func<BranchSnapshot, BranchChange> Compose) Prepare(ManifestInput input, bool dryRun)
    {
        var environment = config.Environment(input.Environment);
        var service = config.Service(input.Service);
        var configCommit = input.Config is { } other && other != input.Commit ? other : null;
        var rendered = Render(input, environment, configCommit ?? input.Commit, dryRun);
        var deployment = new Deployment(
            environment.Name,
            service.Name,
            input.Version,
            service.ChartOnly ? null : ImageReference.InRegistry(config.Registry, service.Image).Name,
            input.Digest,
            input.Commit,
            input.By,
            input.From,
            input.Approvers,
            input.Merged ?? session.Now,
            configCommit)
        {
            Waivers = input.Waivers,
            ApproversVerified = input.ApproversVerified,
        };

        return (deployment, snapshot => input.Merged is null
            ? DeploymentEdits.Compose(config, deployment, input.Action, snapshot, input.Rule, rendered, input.Trailers)
            : DeploymentEdits.Record(config, deployment, snapshot, input.Trailers ?? []));
    }

    // The render depends on the source commit and the digest, not on the branch: done once, before the write's
    // attempts, so a lost push race re-applies the same files.
    private RenderedConfiguration? Render(ManifestInput input, EnvironmentConfig environment, string source, bool dryRun)
    {
        // A chart-only service is never rendered: Argo CD renders its chart at the pinned targetRevision.
        if (environment.Render is null || input.Rendered is not null || config.Service(input.Service).ChartOnly)
        {
            return input.Rendered;
        }

        if (input.Digest is null)
        {
            if (dryRun)
            {
                session.Log.Information("Dry run: {0}'s configuration for {1} is rendered once its image has a digest.", input.Service, environment.Name);
                return null;
            }

            throw new ReleaseException($"{environment.Name} renders {input.Service}'s configuration with the image pinned by digest, and {input.Service} {input.Version} has none here; pass --digest=sha256:… (the registry's digest of {input.Version}).");
        }

        return Renderer().Render(environment.Name, input.Service, source, input.Version, input.Digest);
    }

    /// <summary>What renders the configuration for this step's writes, for callers that render before their first effect.</summary>
    public ConfigurationRenderer Renderer() => new(session.Context, config, repository);

    private static void Report(ICakeLog log, Deployment deployment, BranchWrite write)
    {
        var target = $"{write.Remote}/{write.Branch}";
        switch (write.Outcome)
        {
            case BranchWriteOutcome.Unchanged when write.Commit is { } proposed:
                log.Information("{0} {1} for {2} is already proposed on {3} ({4}), on a commit {2}'s branch still holds; kept as it is.", deployment.Service, deployment.Version, deployment.Environment, target, ShortCommit.Of(proposed));
                break;
            case BranchWriteOutcome.Unchanged:
                log.Information("{0} {1} is already in {2} ({3}); nothing to do.", deployment.Service, deployment.Version, deployment.Environment, target);
                break;
            case BranchWriteOutcome.Committed:
                var retries = write.Attempts > 1 ? $" after {write.Attempts} attempts (other pipelines pushed first)" : "";
                log.Information("{0}: pushed {1} to {2}{3}{4}", write.Message.Split('\n')[0], ShortCommit.Of(write.Commit!), target, write.Created ? " (new branch from main)" : "", retries);
                foreach (var change in write.Changes)
                {
                    log.Information("  {0}", change.Path);
                }

                break;
            case BranchWriteOutcome.Planned:
                log.Information("Dry run: would push to {0}{1} on top of {2}: {3}", target, write.Created ? " (new branch)" : "", ShortCommit.Of(write.Parent), write.Message.Split('\n')[0]);
                foreach (var change in write.Changes)
                {
                    log.Information("{0}", UnifiedDiff.Create(change.Before ?? "", change.After ?? "", change.Before is null ? "/dev/null" : $"a/{change.Path}", change.After is null ? "/dev/null" : $"b/{change.Path}").TrimEnd('\n'));
                }

                break;
        }
    }
}
