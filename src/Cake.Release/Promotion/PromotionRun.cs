using Cake.Core.Diagnostics;
using Cake.Release.Changelog;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Notifications;
using Cake.Release.Registry;
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
    private readonly List<StepEffect> _effects = [];
    private ManifestUpdateResult? _written;
    private string? _manifestCommit;

    private PromotionRun(ReleaseSession session, PromoteEnvSettings settings, ReleaseConfig config, PromotionRequest request, PromotionFacts facts, GitRepository repository, ReleaseRefs refs, PromotionPlan plan)
    {
        (_session, _settings, _config, _request, _facts, _repository, _refs, Plan) = (session, settings, config, request, facts, repository, refs, plan);
        DryRun = session.IsDryRun(settings);
    }

    /// <summary>What was checked and what the steps change.</summary>
    public PromotionPlan Plan { get; }

    /// <summary>Whether the steps only say what they would change.</summary>
    public bool DryRun { get; }

    /// <summary>The steps carried out so far, in order.</summary>
    public IReadOnlyList<StepEffect> Effects => _effects;

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
        var facts = PromotionFactsReader.Gather(session, settings, config, request, repository, refs);
        var plan = PromotionPolicy.Evaluate(request, facts);
        var run = new PromotionRun(session, settings, config, request, facts, repository, refs, plan);
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
        var target = Target;
        // The image's commit and the configuration's travel together from the source environment.
        var input = new ManifestInput(target.Name, _request.Service, Plan.Version!, Plan.Digest, _facts.Source?.Commit ?? Plan.Commit!, _request.Promoter, target.From, Approvers(), "promote",
            current => PromotionPolicy.Replaces(_request.Service, target.Name, Plan.Version!, current), Plan.Commit, _facts.Rendered)
        {
            Waivers = Plan.Waivers,
        };
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
        if (Plan.Names?.MilestoneTag is not { } milestone)
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
        if (target.Notify.Count == 0 || (_manifestCommit is null && Written("NotifyPromotion").Write.Outcome != BranchWriteOutcome.Planned))
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
        };
        var records = new DeliveryRecords(_session.Context, _config.RepositoryRoot, _config.Git.Remote, _settings.Git, _settings.Retry);
        var step = new NotifyStep(_session.Log, records, _settings.NotifyTimeout, _session.Clock);
        var input = new NotifyInput(target.Notify, notice, _manifestCommit);
        _effects.AddRange(DryRun ? step.Plan(input) : step.Apply(input));
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
        else if (!_effects.Any(e => e.Changed && e.Step != "notify"))
        {
            log.Information(delivered == 0 ? "{0} {1} is already in {2}; nothing to do." : "{0} {1} is already in {2}; sent the {3} notification(s) an earlier run had not delivered.",
                _request.Service, Plan.Version!, Target.Name, delivered);
        }
        else
        {
            log.Information("Promoted {0} {1} {2} → {3} ({4}).", _request.Service, Plan.Version!, Target.From!, Target.Name, Plan.ChartTag ?? Plan.Digest!);
        }

        return new PromoteEnvResult(Plan, _effects.ToList(), DryRun);
    }

    private ManifestUpdateResult Written(string step) =>
        _written ?? throw new ReleaseException($"{step} runs after the promotion's manifest is written, and this run has not written it; keep WritePromotionManifest before {step} in the pipeline.");

    private List<string> Approvers() =>
        _request.Approvers.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

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
