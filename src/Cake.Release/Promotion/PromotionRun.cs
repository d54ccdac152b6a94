using Cake.Core.Diagnostics;
using Cake.Release.Changelog;
using Cake.Release.Charts;
using Cake.Release.Config;
using Cake.Release.Forges;
using Cake.Release.Fragments;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Notifications;
using Cake.Release.Registry;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Promotion;

/// <summary>
/// One promotion, checked once and then carried out step by step in the order a re-run always completes: registry
/// tags, the release branch and tag, the target's manifest, the milestone tag, the notifications. The Promote&lt;Env&gt;
/// tasks call one step each, keeping the run in the session, so a pipeline's own task can stand between two of them;
/// the PromoteEnv alias calls them in a row. Every step is idempotent: a re-run after success changes nothing.
/// </summary>
public sealed class PromotionRun
{
    private readonly ReleaseSession _session;
    private readonly PromoteEnvSettings _settings;
    private readonly ReleaseConfig _config;
    private readonly PromotionRequest _request;
    private readonly PromotionFacts _facts;
    private readonly GitRepository _repository;
    private readonly ReleaseRefs _refs;
    private readonly IForge? _forge;
    private readonly List<StepEffect> _effects = [];
    private ManifestUpdateResult? _written;
    private string? _manifestCommit;

    private PromotionRun(ReleaseSession session, PromoteEnvSettings settings, ReleaseConfig config, PromotionRequest request, PromotionFacts facts, GitRepository repository, ReleaseRefs refs, PromotionPlan plan, IForge? forge)
    {
        (_session, _settings, _config, _request, _facts, _repository, _refs, Plan, _forge) = (session, settings, config, request, facts, repository, refs, plan, forge);
        DryRun = session.IsDryRun(settings);
    }

    /// <summary>What was checked and what the steps change.</summary>
    public PromotionPlan Plan { get; }

    /// <summary>Whether the steps only say what they would change.</summary>
    public bool DryRun { get; }

    /// <summary>The steps carried out so far, in order.</summary>
    public IReadOnlyList<StepEffect> Effects => _effects;

    /// <summary>The pull request this run opened or updated, in promotion by pull request before the merge.</summary>
    public ForgePullRequest? PullRequest { get; private set; }

    /// <summary>
    /// Promotion by pull request, before the merge: the manifest commit goes to a promotion branch and a pull request;
    /// registry tags, release refs, milestone and notifications wait for the run after the merge.
    /// </summary>
    public bool Proposing => Target.Promotion == PromotionMode.PullRequest && !Plan.AlreadyDone;

    private EnvironmentConfig Target => _config.Environment(_request.Target);

    /// <summary>
    /// Evaluates every check (path, freeze, source, digest, soak, approvals, version, immutable tags, release branch) and
    /// reports them all. A failed check throws <see cref="PromotionRefusedException"/> before anything is changed, in
    /// a dry run too, so a dry run's exit code is the real run's.
    /// </summary>
    public static PromotionRun Check(ReleaseSession session, PromoteEnvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var (request, config, repository) = PromotionFactsReader.Request(session, settings);
        var refs = new ReleaseRefs(session.Context, repository, config.Git.Remote, settings.Git);
        var forge = config.Environment(request.Target).Promotion == PromotionMode.PullRequest ? ForgeConnection.Open(session, config, settings.Git, settings.ForgeTimeout) : null;
        var facts = PromotionFactsReader.Gather(session, settings, config, request, repository, refs, forge);
        if (facts.PullRequest is { Merged: true } && facts.Target?.By is { } proposer)
        {
            // Completing a merged pull request: the promoter is who proposed it (its entry's by:), not whoever runs
            // the merge's CI job, which on a forge is the person who merged.
            request = request with { Promoter = proposer };
        }

        var plan = PromotionPolicy.Evaluate(request, facts);
        var run = new PromotionRun(session, settings, config, request, facts, repository, refs, plan, forge);
        run.Report();
        if (!plan.Allowed)
        {
            throw new PromotionRefusedException(plan);
        }

        return run;
    }

    /// <summary>The version and the target's imageTag on the promoted digest.</summary>
    public void Retag()
    {
        if (Waiting("image tags"))
        {
            return;
        }

        if (Plan.ChartTag is not null)
        {
            _session.Log.Verbose("{0} is a chart without an image: no image to retag.", _request.Service);
            return;
        }

        var input = RetagInput.ForService(_config, _request.Service, Plan.Digest!, null, Plan.RegistryTags, _settings.Registry);
        var step = new RetagStep(_session.Log, _session.Variable);
        _effects.Add(RetagStep.Effect(DryRun ? step.Plan(input) : step.Apply(input), input));
    }

    /// <summary>The release branch and the annotated release tag at the source commit.</summary>
    public void PushReleaseRefs()
    {
        if (Waiting("release branch and tag"))
        {
            return;
        }

        if (Plan.ChartTag is not null)
        {
            _session.Log.Verbose("{0}'s chart release tag {1} already marks the release: no release branch or tag to push.", _request.Service, Plan.ChartTag);
            return;
        }

        var (names, commit) = (Plan.Names!, Plan.Commit!);
        var branch = new ReleaseBranchStep(_session.Log, _refs, _config.Git.Remote);
        var branchInput = new ReleaseBranchInput(names.ReleaseBranch, commit, _facts.ReleaseBranch!.Value);
        _effects.Add(DryRun ? branch.Plan(branchInput) : branch.Apply(branchInput));

        var tag = new ReleaseTagStep(_session.Log, _refs, _config.Git.Remote);
        var tagInput = new ReleaseTagInput("release-tag", names.ReleaseTag, commit, $"{_request.Service} {Plan.Version}\n\nDigest: {Plan.Digest}\nPromoted-by: {_request.Promoter}\n",
            _facts.ReleaseTags.Any(t => t.Name == names.ReleaseTag));
        _effects.Add(DryRun ? tag.Plan(tagInput) : tag.Apply(tagInput));
    }

    /// <summary>
    /// The target's manifest entry and <c>updates:</c>. The gates were checked, so this write goes past UpdateManifest's
    /// refusal of gated environments; the version rule is asked again on every attempt, against the tip the write
    /// lands on. When another promotion of a higher version landed first, this one is refused, and the environment's
    /// moving tag, which it may have taken over, is put back on the digest the environment runs.
    /// </summary>
    public void WriteManifest()
    {
        if (Proposing)
        {
            Propose();
            return;
        }

        var target = Target;
        // The image's commit and the configuration's travel together from the source environment.
        var input = new ManifestInput(target.Name, _request.Service, Plan.Version!, Plan.Digest, _facts.Source?.Commit ?? Plan.Commit!, _request.Promoter, target.From, Approvers(), "promote",
            current => PromotionPolicy.Replaces(_request.Service, target.Name, Plan.Version!, current), Plan.Commit, _facts.Rendered)
        {
            Waivers = Plan.Waivers,
            ApproversVerified = _facts.ApproversVerified,
        };
        if (_facts.PullRequest?.Current is { State: PullRequestState.Merged } merged)
        {
            // The merge brought the entry; what is left to write is its record: when it took effect and who approved,
            // as the forge reported them.
            var trailers = new List<string> { $"Pull-Request: {merged.Url}" };
            if (merged.MergedBy is { } mergedBy)
            {
                trailers.Add($"Merged-by: {mergedBy}");
            }

            input = input with { Merged = merged.MergedAt ?? _session.Now, Trailers = trailers, ApproversVerified = true };
        }

        var step = new ManifestStep(_session, _config, _repository, _settings.Retry);
        try
        {
            _written = DryRun ? step.Plan(input) : step.Apply(input);
        }
        catch (DeploymentSupersededException superseded) when (!DryRun && Plan.ChartTag is null && target.ImageTag is { } imageTag && superseded.Current?.Digest is { } running && running != Plan.Digest)
        {
            new RetagStep(_session.Log, _session.Variable).Apply(RetagInput.ForService(_config, _request.Service, running, null, [imageTag], _settings.Registry));
            throw;
        }

        _effects.Add(step.Effect(_written));

        // The commit that recorded this promotion: what the milestone tag marks and the delivery records hang on. A
        // re-run that wrote nothing finds it by its trailers; none when the entry came from a rollback or by hand.
        _manifestCommit = _written.Write.Commit ?? (_written.AlreadyDeployed
            ? new ManifestHistory(_session.Context, _config.RepositoryRoot, _settings.Git).PromotionCommit(_written.Write.Parent, _config.Git.ManifestPath(target.Name), _request.Service, Plan.Version!, Plan.Digest, Plan.Commit!)
            : null);
    }

    /// <summary>The target's milestone tag (when it has one) on the manifest commit.</summary>
    public void TagMilestone()
    {
        if (Proposing || Plan.Names?.MilestoneTag is not { } milestone)
        {
            return;
        }

        var written = Written("TagMilestone");
        var step = new ReleaseTagStep(_session.Log, _refs, _config.Git.Remote);
        var input = new ReleaseTagInput("milestone-tag", milestone, _manifestCommit ?? written.Write.Parent, $"{Target.Name}: {_request.Service} {Plan.Version}\n",
            _refs.RemoteTags().Any(t => t.Name == milestone));
        _effects.Add(DryRun ? step.Plan(input) : step.Apply(input));
    }

    /// <summary>The target's <c>notify:</c> webhooks that have not heard of this promotion yet.</summary>
    public void Notify()
    {
        var target = Target;
        if (Proposing || target.Notify.Count == 0 || (_manifestCommit is null && Written("NotifyPromotion").Write.Outcome != BranchWriteOutcome.Planned))
        {
            return;
        }

        var (version, commit) = (Plan.Version!, Plan.Commit!);
        var remoteUrl = new GitHistory(_session.Context, _config.RepositoryRoot, _settings.Git).RemoteUrl(_config.Git.Remote);
        // A chart has no image: the notice names its folder and, where a digest would be, its release tag.
        var (image, digest) = Plan.ChartTag is { } chartTag
            ? (_config.Service(_request.Service).Chart!, chartTag)
            : (ImageReference.InRegistry(_config.Registry, _config.Service(_request.Service).Image).Name, Plan.Digest!);
        var notice = new PromotionNotice(_request.Service, version, target.From!, target.Name, _request.Promoter, Approvers(),
            image, digest, commit, CompareLinks.ForRemote(remoteUrl)?.Commit(commit))
        {
            Waivers = Plan.Waivers,
            ApproversVerified = _facts.ApproversVerified || _facts.PullRequest is { Merged: true },
        };
        var records = new DeliveryRecords(_session.Context, _config.RepositoryRoot, _config.Git.Remote, _settings.Git, _settings.Retry);
        var step = new NotifyStep(_session.Log, records, _settings.NotifyTimeout, _session.Clock);
        var input = new NotifyInput(target.Notify, notice, _manifestCommit);
        _effects.AddRange(DryRun ? step.Plan(input) : step.Apply(input));
    }

    /// <summary>
    /// The promotion (and whatever an interrupted earlier run left) into the central release record, when release.yaml
    /// has <c>publish:</c>; a proposal publishes nothing until its merge is completed.
    /// </summary>
    public void Publish()
    {
        if (Waiting("release record"))
        {
            return;
        }

        if (ReleasePublishing.Publish(_session, _config, _settings.Git, Target.PromoteTarget, DryRun) is { } effect)
        {
            _effects.Add(effect);
        }
    }

    /// <summary>
    /// After a hotfix's pull request was merged into the target: a back-port pull request to each earlier environment
    /// that lacks the fix (see <see cref="HotfixBackport"/>). Nothing for a release from the main branch, or in push mode.
    /// </summary>
    public void Backport()
    {
        // A hotfix is a release made off the main branch, on its release branch (Hotfix), wherever it is promoted.
        if (Proposing || _forge is null || Plan.Commit is not { } commit || Plan.Names is not { } names || !_refs.IsHotfix(commit, names.ReleaseBranch, _config.Git.MainBranch))
        {
            return;
        }

        _effects.AddRange(HotfixBackport.Open(_session, _config, _settings, _repository, _forge, Plan, commit, _request.Promoter, DryRun));
    }

    /// <summary>Says what the promotion did, once every step ran; notifications sent late do not make a done promotion new.</summary>
    public PromoteEnvResult Finish()
    {
        var log = _session.Log;
        var delivered = _effects.Count(e => e.Step == "notify" && e.Changed);
        if (DryRun)
        {
            log.Information("Dry run: every check passes; the steps above are what PromoteEnv would do. Nothing was changed.");
        }
        else if (Proposing)
        {
            log.Information("{0} {1} → {2} waits for {3} #{4} ({5}) to be merged{6}; then run {7} --service={0} again, or let the merge's CI job run it, to tag, retag and announce the release.",
                _request.Service, Plan.Version!, Target.Name, _facts.PullRequest!.Noun, PullRequest?.Number, PullRequest?.Url,
                Target.Approvals == 0 ? "" : $" with {Target.Approvals} approving review(s)", Target.PromoteTarget);
        }
        else if (!_effects.Any(e => e.Changed && e.Step is not "notify" and not "publish"))
        {
            log.Information(delivered == 0 ? "{0} {1} is already in {2}; nothing to do." : "{0} {1} is already in {2}; sent the {3} notification(s) an earlier run had not delivered.",
                _request.Service, Plan.Version!, Target.Name, delivered);
        }
        else
        {
            log.Information("Promoted {0} {1} {2} → {3} ({4}).", _request.Service, Plan.Version!, Target.From!, Target.Name, Plan.ChartTag ?? Plan.Digest!);
        }

        _forge?.Dispose();
        return new PromoteEnvResult(Plan, _effects.ToList(), DryRun) { PullRequest = PullRequest };
    }

    // Before a pull request's merge, the steps that follow a merge say what they wait for, and do nothing.
    private bool Waiting(string what)
    {
        if (Proposing)
        {
            _session.Log.Verbose("{0}: wait for the merge of the {1}.", what, _facts.PullRequest?.Noun ?? "pull request");
        }

        return Proposing;
    }

    // The commit a push would make, pushed to the promotion branch, and the pull request that proposes it.
    private void Propose()
    {
        var target = Target;
        var proposal = _facts.PullRequest!;
        var input = new ManifestInput(target.Name, _request.Service, Plan.Version!, Plan.Digest, _facts.Source?.Commit ?? Plan.Commit!, _request.Promoter, target.From, [], "promote",
            current => PromotionPolicy.Replaces(_request.Service, target.Name, Plan.Version!, current), Plan.Commit, _facts.Rendered, Proposal: proposal.Head)
        {
            Waivers = Plan.Waivers,
        };
        var step = new ManifestStep(_session, _config, _repository, _settings.Retry);
        _written = DryRun ? step.Plan(input) : step.Apply(input);
        _effects.Add(new StepEffect("promotion-branch", _written.Write.Outcome != BranchWriteOutcome.Unchanged, $"{_config.Git.Remote}/{proposal.Head}"));

        var history = new GitHistory(_session.Context, _config.RepositoryRoot, _settings.Git);
        var paths = ReleaseUnit.Resolve(_config, _request.Service, null, needsChart: false, dir => dir).Paths;
        var running = _facts.Target;
        var changes = Plan.Commit is { } commit
            ? history.Log(commit, running?.Source is { } since && _repository.HasCommit(since) ? since : null, paths).Select(c => $"{c.ShortSha} {c.Subject}").ToList()
            : [];
        var image = Plan.ChartTag is null ? ImageReference.InRegistry(_config.Registry, _config.Service(_request.Service).Image).Name : _config.Service(_request.Service).Chart!;
        var body = PromotionProposalText.Body(Plan, image, running?.Version, running?.Source, changes, _written.Write.Changes, CompareLinks.ForRemote(history.RemoteUrl(_config.Git.Remote)), target.Approvals,
            $"./build.sh --target={target.PromoteTarget} --service={_request.Service}");
        var labels = new[] { "promotion", $"env:{target.Name}", $"service:{_request.Service}" };
        var request = new PullRequestInput(
            new PullRequestProposal(proposal.Head, target.Branch, PromotionProposalText.Title(Plan), body, target.DraftPullRequest, labels),
            proposal.Current is { State: PullRequestState.Open } open ? open : null,
            head => PromotionPullRequest.Supersedes("promote", target.Name, _request.Service, head));
        var pullRequests = new PullRequestStep(_forge!, _session.Log, _session.Log.Redact);
        var (pullRequest, effect) = DryRun ? pullRequests.Plan(request) : pullRequests.Apply(request);
        PullRequest = pullRequest;
        _effects.Add(effect);
    }

    private ManifestUpdateResult Written(string step) =>
        _written ?? throw new ReleaseException($"{step} runs after the promotion's manifest is written, and this run has not written it; keep WritePromotionManifest before {step} in the pipeline.");

    // After a pull request's merge, the reviewers the forge reported that count; otherwise the --approver names.
    private List<string> Approvers() =>
        _facts.PullRequest is { Merged: true, Current: { } merged } proposal ? PullRequestApprovals.Count(merged, proposal.Reviews, _request.Promoter).Approvers.ToList()
        : _request.Approvers.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private void Report()
    {
        var log = _session.Log;
        var version = Plan.Version is null ? "no version" : $"{Plan.Version} ({_facts.Version.How})";
        log.Information("{0}PromoteEnv {1} {2} → {3}: {4}", DryRun ? "Dry run: " : "", Plan.Service, Plan.From ?? "?", Plan.Target, version);
        foreach (var check in Plan.Checks)
        {
            // A gate passed on an exception (break-glass, a short soak) is a warning, in CI's annotations too.
            if (check.Warned)
            {
                log.Warning("  {0}", check);
            }
            else
            {
                log.Information("  {0}", check);
            }
        }

        if (!Plan.Allowed)
        {
            log.Information("{0} of {1} checks failed; {2}.", Plan.Failed.Count, Plan.Checks.Count, DryRun ? "the real run would be refused" : "nothing is changed");
            return;
        }

        if (Plan.ChartTag is { } chart)
        {
            log.Information("Plan: pin the chart {0} in the manifest of {1}{2}; notify {3}.", chart, Plan.Target,
                Plan.Names?.MilestoneTag is { } milestone ? $"; milestone tag {milestone}" : "", Plan.Notify.Count == 0 ? "nobody" : string.Join(", ", Plan.Notify));
        }
        else if (Plan.Names is { } names)
        {
            log.Information("Plan: image tags {0}; release branch {1} and tag {2} at {3}; manifest of {4}{5}; notify {6}.",
                string.Join(", ", Plan.RegistryTags), names.ReleaseBranch, names.ReleaseTag, ShortCommit.Of(Plan.Commit!), Plan.Target,
                names.MilestoneTag is null ? "" : $"; milestone tag {names.MilestoneTag}", Plan.Notify.Count == 0 ? "nobody" : string.Join(", ", Plan.Notify));
        }
    }
}
