using System.Globalization;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// The gates a promotion passes, as pure policy: every check is evaluated and reported, so a refused promotion
/// lists all of its reasons at once rather than one per attempt.
/// </summary>
public static class PromotionPolicy
{
    /// <summary>Checks <paramref name="request"/> against <paramref name="facts"/> and plans the promotion.</summary>
    public static PromotionPlan Evaluate(PromotionRequest request, PromotionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        var config = facts.Config;
        var target = config.Environment(request.Target);
        var source = facts.Source;
        var version = facts.Version.Version;
        var alreadyDone = version is not null && source is not null && facts.Target is { } current
            && current.Version == ReleaseVersion.Text(version) && current.Digest == source.Digest && current.Source == source.Source;

        var names = version is null ? null : PromotionNames.For(config, target, request.Service, version, source?.Source, facts.Now);
        if (config.Service(request.Service).ChartOnly)
        {
            return ChartPromotionPolicy.Evaluate(request, facts, target, names, alreadyDone,
                [Path(request, config, target), Soak(target, source, facts.Now), Approvals(request, target, facts, alreadyDone), Version(request, target, facts, alreadyDone), FreezeCheck.Evaluate(target, facts.Now, request.BreakGlass, alreadyDone)]);
        }

        var checks = new List<PromotionCheck>
        {
            Path(request, config, target),
            FreezeCheck.Evaluate(target, facts.Now, request.BreakGlass, alreadyDone),
            Source(request, config, target, source, version, facts.SourceTag),
            Digest(request, target, source, facts.Registry),
            Soak(target, source, facts.Now),
            Approvals(request, target, facts, alreadyDone),
            Version(request, target, facts, alreadyDone),
            Immutable(request, source, facts),
            ReleaseBranch(facts.ReleaseBranch, names, source),
        };
        if (Configuration(facts) is { } configuration)
        {
            checks.Add(configuration);
        }

        var registryTags = version is null ? [] : new[] { ReleaseVersion.Text(version), target.ImageTag }.OfType<string>().Distinct().ToList();
        return new PromotionPlan(request.Service, target.From, target.Name, version is null ? null : ReleaseVersion.Text(version), source?.Digest, source?.Source,
            checks, registryTags, names, target.Notify.Select(n => n.Kind).ToList(), alreadyDone);
    }

    private static PromotionCheck Path(PromotionRequest request, ReleaseConfig config, EnvironmentConfig target)
    {
        var environments = config.PromotionChain(target).Select(e => e.Name).ToList();
        var chain = string.Join(" → ", environments);
        if (target.From is null)
        {
            var promotable = config.Environments.Where(e => e.From is not null).Select(e => e.Name).ToList();
            return Fail("path", $"{target.Name} has no from:, so nothing is promoted into it ({(target.Auto ? "DeployDev writes it" : "it starts the chain")}); promote into {string.Join(" or ", promotable)} instead");
        }

        if (request.From is { } from && from != target.From)
        {
            // Only an environment earlier in the chain has a way forward to suggest; any other (this one, a later
            // one, another chain's) would be told to promote backwards.
            var refused = $"{target.Name} takes versions only from {target.From} ({chain}), not from";
            var at = environments.IndexOf(from);
            return Fail("path", from == target.Name ? $"{refused} itself; leave out --from, or pass --from={target.From}"
                : at < 0 ? $"{refused} {from}, which does not come before it; versions move forward only: leave out --from, or pass --from={target.From}"
                : $"{refused} {from}; promote {string.Join(" → ", environments[at..^1])} first, then {target.From} → {target.Name}");
        }

        return Pass("path", $"{target.From} → {target.Name} ({chain})");
    }

    private static PromotionCheck Source(PromotionRequest request, ReleaseConfig config, EnvironmentConfig target, ManifestEntry? source, SemanticVersion? version, string? sourceTag)
    {
        if (sourceTag is not null && source?.Source is { } hotfix)
        {
            return source.Digest is null
                ? Fail("source", $"the hotfix {sourceTag} (commit {Abbreviated(hotfix)}) has no image under its build tag; run Hotfix again to build it")
                : Pass("source", $"the hotfix {sourceTag} ({Short(source.Digest)}, commit {Abbreviated(hotfix)}), made off {config.Git.MainBranch}, enters after {target.From}");
        }

        if (target.From is null)
        {
            return Fail("source", "no source environment to take the version from");
        }

        if (source is null)
        {
            var first = config.Environment(target.From) is { From: { } earlier } ? $"promote it {earlier} → {target.From} first" : $"deploy it to {target.From} first (DeployDev)";
            return Fail("source", $"{target.From} does not run {request.Service}; {first}");
        }

        if (source.Digest is null || source.Commit is null)
        {
            return Fail("source", $"{target.From}'s entry for {request.Service} ({source.Version}) records no {(source.Digest is null ? "digest" : "commit")}, so there is no image to promote; deploy it to {target.From} again");
        }

        if (request.Version is not null && version is not null && ReleaseVersion.TryParse(source.Version, out var running, out _)
            && !Precedence.SemVer.Equals(ReleaseVersion.Core(running!), ReleaseVersion.Core(version)))
        {
            return Fail("source", $"{target.From} runs {request.Service} {source.Version}, not {ReleaseVersion.Text(version)}; promote {ReleaseVersion.Text(ReleaseVersion.Core(running!))} (leave out --version), or get {ReleaseVersion.Text(version)} into {target.From} first");
        }

        return Pass("source", $"{target.From} runs {request.Service} {source.Version} ({Short(source.Digest)}, commit {Abbreviated(source.Commit)}{(source.Config is { } configCommit ? $", configuration of {Abbreviated(configCommit)}" : "")}, deployed {Time(source.Deployed)})");
    }

    private static PromotionCheck Digest(PromotionRequest request, EnvironmentConfig target, ManifestEntry? source, RegistryFacts registry)
    {
        if (source?.Digest is null)
        {
            return Fail("digest", "no digest to look for in the registry (see source)");
        }

        if (registry.Problem is not null)
        {
            return Fail("digest", $"could not ask the registry whether {source.Image}@{Short(source.Digest)} exists: {registry.Problem.TrimEnd('.')}");
        }

        return registry.DigestExists == true
            ? Pass("digest", $"{source.Image}@{Short(source.Digest)} is in the registry")
            : Fail("digest", $"{source.Image}@{source.Digest} is not in the registry (deleted, or pushed elsewhere); build {request.Service} and deploy it to {target.From} again");
    }

    private static PromotionCheck Soak(EnvironmentConfig target, ManifestEntry? source, DateTimeOffset now)
    {
        if (target.Soak <= TimeSpan.Zero)
        {
            return Pass("soak", $"{target.Name} needs no soak time");
        }

        if (source is null)
        {
            return Fail("soak", $"{target.Name} needs {DurationText.Of(target.Soak)} in {target.From}, and nothing runs there yet");
        }

        var ran = now - source.Deployed;
        if (ran < target.Soak && target.SoakPolicy == SoakPolicy.Warn)
        {
            var shortSoak = $"ran {DurationText.Of(ran < TimeSpan.Zero ? TimeSpan.Zero : ran)} in {target.From} of the {DurationText.Of(target.Soak)} {target.Name} asks";
            return new PromotionCheck("soak", true, $"{shortSoak}; let through early (soakPolicy: warn), and recorded as a short soak") { Waiver = new Waiver(Waiver.ShortSoak, shortSoak) };
        }

        return ran >= target.Soak
            ? Pass("soak", $"ran {DurationText.Of(ran)} in {target.From} (soak {DurationText.Of(target.Soak)})")
            : Fail("soak", $"ran {DurationText.Of(ran < TimeSpan.Zero ? TimeSpan.Zero : ran)} in {target.From}, {target.Name} needs {DurationText.Of(target.Soak)}; promote after {Time(source.Deployed + target.Soak)}");
    }

    private static PromotionCheck Approvals(PromotionRequest request, EnvironmentConfig target, PromotionFacts facts, bool alreadyDone)
    {
        if (target.Promotion == PromotionMode.PullRequest)
        {
            return Reviews(request, target, facts, alreadyDone);
        }

        var given = request.Approvers.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var self = given.Where(a => a.Equals(request.Promoter, StringComparison.OrdinalIgnoreCase)).ToList();
        var others = given.Except(self, StringComparer.OrdinalIgnoreCase).ToList();
        if (self.Count > 0)
        {
            return Fail("approvals", $"{request.Promoter} promotes and cannot also approve (--approver={self[0]}); {Needed(target.Approvals, request.Promoter)}");
        }

        if (others.Count < target.Approvals)
        {
            var got = others.Count == 0 ? "none" : $"{others.Count} ({string.Join(", ", others)})";
            return Fail("approvals", $"{target.Name} needs {target.Approvals} distinct approver(s) other than {request.Promoter}, got {got}; {Needed(target.Approvals - others.Count, request.Promoter)}");
        }

        return target.Approvals == 0 && others.Count == 0
            ? Pass("approvals", $"{target.Name} needs no approval")
            : Pass("approvals", $"approved by {string.Join(", ", others)} ({others.Count} of {target.Approvals} needed; {(facts.ApproversVerified ? "the CI system recorded their approval of this deployment" : "names given with --approver, unverified")})");
    }

    // In promotion by pull request the approvals are the forge's reviews, counted when the merge is completed: before
    // it, the merge itself is what waits for them.
    private static PromotionCheck Reviews(PromotionRequest request, EnvironmentConfig target, PromotionFacts facts, bool alreadyDone)
    {
        if (facts.PullRequest is not { } proposal)
        {
            return Fail("approvals", "no version to look up the pull request of (see version)");
        }

        if (proposal.Problem is { } problem)
        {
            return Fail("approvals", $"could not read the {proposal.Noun} of {proposal.Head} from {proposal.Forge}: {problem.TrimEnd('.')}");
        }

        var needed = target.Approvals == 0 ? "no approving review" : $"{target.Approvals} approving review(s) by people other than its author and {request.Promoter}";
        if (proposal.Current is not { State: Forges.PullRequestState.Merged } merged)
        {
            return alreadyDone
                ? Fail("approvals", $"{target.Name} already runs {request.Service} {facts.Target!.Version}, and no merged {proposal.Noun} from {proposal.Head} put it there, so nobody's approval can be verified; record releases into {target.Name} only through its {proposal.Noun}s")
                : Pass("approvals", $"{target.Name} takes {request.Service} by {proposal.Noun}, which needs {needed} on its latest commit; they are counted when it is merged");
        }

        var counted = PullRequestApprovals.Count(merged, proposal.Reviews, request.Promoter);
        var by = merged.MergedBy is null ? "" : $" by {merged.MergedBy}";
        return counted.Approvers.Count >= target.Approvals
            ? Pass("approvals", target.Approvals == 0 ? $"{proposal.Noun} #{merged.Number} merged{by}; {target.Name} needs no approval" : $"{proposal.Noun} #{merged.Number} approved by {counted.Describe()} ({counted.Approvers.Count} of {target.Approvals} needed), merged{by}")
            : Fail("approvals", $"{proposal.Noun} #{merged.Number} was merged{by} with {counted.Approvers.Count} of the {target.Approvals} approving review(s) {target.Name} needs ({counted.Describe()}), so nothing is tagged, retagged or announced; {target.Name}'s branch already carries the change: roll it back (Rollback --env={target.Name} --service={request.Service}), and require {target.Approvals} reviews in the branch protection of {target.Branch}");
    }

    private static PromotionCheck Version(PromotionRequest request, EnvironmentConfig target, PromotionFacts facts, bool alreadyDone)
    {
        if (facts.Version.Version is not { } version)
        {
            return Fail("version", facts.Version.Problem ?? "no release version could be chosen; pass --version");
        }

        var text = ReleaseVersion.Text(version);
        if (facts.Target is not { } current)
        {
            return Pass("version", $"{text} ({facts.Version.How}) is the first release of {request.Service} in {target.Name}");
        }

        if (alreadyDone)
        {
            return Pass("version", $"{target.Name} already runs {request.Service} {text} with this digest: a re-run only completes what an earlier run left undone");
        }

        if (!ReleaseVersion.TryParse(current.Version, out var running, out _))
        {
            return Pass("version", $"{text} ({facts.Version.How}) replaces {current.Version} in {target.Name}");
        }

        var rollback = $"going back is a rollback: Rollback --env={target.Name} --service={request.Service} --version={text}";
        return Precedence.SemVer.Compare(version, running) switch
        {
            > 0 => Pass("version", $"{text} ({facts.Version.How}) is new for {target.Name}, which runs {current.Version}"),
            0 => Fail("version", $"{target.Name} already runs {request.Service} {current.Version} with another digest ({Short(current.Digest)}); a version names one image, so pass a higher --version"),
            _ => Fail("version", $"{target.Name} runs {request.Service} {current.Version}, above {text}; {rollback}"),
        };
    }

    /// <summary>
    /// The version rule once more, at the moment of writing, against the entry the target's branch holds then:
    /// another promotion of the service may have landed since the checks ran. Null when <paramref name="version"/>
    /// may replace <paramref name="current"/>; otherwise why not, so a promotion never downgrades the environment.
    /// </summary>
    public static string? Replaces(string service, string target, string version, ManifestEntry? current)
    {
        if (current is null || !ReleaseVersion.TryParse(current.Version, out var running, out _) || !ReleaseVersion.TryParse(version, out var wanted, out _))
        {
            return null;
        }

        var meanwhile = $"while this promotion was writing, another one put {service} {current.Version} into {target}{(current.By is null ? "" : $" (by {current.By})")}";
        return Precedence.SemVer.Compare(wanted!, running!) switch
        {
            > 0 => null,
            0 => $"{meanwhile} with another digest ({Short(current.Digest)}); a version names one image, so {version} was not written: promote again with a higher --version",
            _ => $"{meanwhile}, above {version}, so {version} was not written (that would be a downgrade); {target} keeps the newer release, and nothing needs fixing",
        };
    }

    private static PromotionCheck Immutable(PromotionRequest request, ManifestEntry? source, PromotionFacts facts)
    {
        if (facts.Version.Version is not { } version || source?.Digest is null)
        {
            return Fail("immutable", "no version or digest to check the release tags against (see version and source)");
        }

        var text = ReleaseVersion.Text(version);
        var problems = new List<string>();
        if (facts.Registry.VersionTagDigest is { } tagged && tagged != source.Digest)
        {
            problems.Add($"the image tag {request.Service}:{text} already names {Short(tagged)}, not {Short(source.Digest)}");
        }

        if (facts.ReleaseTags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, version)) is { } tag && tag.Commit != source.Source)
        {
            problems.Add($"the git tag {tag.Name} already marks commit {Abbreviated(tag.Commit)}, not {(source.Source is null ? "no commit" : Abbreviated(source.Source))}");
        }

        // A pre-release of a version already released elsewhere could never become that version.
        if (version.IsPrerelease && facts.ReleaseTags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, ReleaseVersion.Core(version))) is { } stable && stable.Commit != source.Source)
        {
            problems.Add($"{ReleaseVersion.Text(stable.Version)} is already released ({stable.Name} marks commit {Abbreviated(stable.Commit)}), so {text} could never be released");
        }

        if (problems.Count > 0)
        {
            return Fail("immutable", $"{string.Join(" and ", problems)}; a release version never moves, so pass another --version");
        }

        var existing = facts.Registry.VersionTagDigest is not null || facts.ReleaseTags.Any(t => Precedence.SemVer.Equals(t.Version, version));
        return Pass("immutable", existing ? $"the tags of {text} already name this image and commit" : $"{text} is not tagged yet");
    }

    private static PromotionCheck ReleaseBranch(ReleaseBranchState? state, PromotionNames? names, ManifestEntry? source)
    {
        if (state is null || names is null || source?.Source is null)
        {
            return Fail("release-branch", "no release branch to check without a version and a source commit (see version and source)");
        }

        var (branch, commit) = (names.ReleaseBranch, Abbreviated(source.Source));
        return state switch
        {
            ReleaseBranchState.Absent => Pass("release-branch", $"{branch} is created at {commit}"),
            ReleaseBranchState.Contains => Pass("release-branch", $"{branch} already holds {commit}"),
            ReleaseBranchState.Behind => Pass("release-branch", $"{branch} fast-forwards to {commit}"),
            _ => Fail("release-branch", $"{branch} has commits that {commit} lacks (a hotfix on that line?); release the branch's tip (Hotfix) or pass a --version on a new line"),
        };
    }

    private static string Needed(int count, string promoter) =>
        count <= 0 ? "leave the promoter out of --approver" : $"add {count} more --approver=<name> (anyone but {promoter})";

    private static string Abbreviated(string commit) => commit[..Math.Min(7, commit.Length)];

    private static string Short(string? digest) => digest is null ? "no digest" : digest.Length > 19 ? digest[..19] + "…" : digest;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static PromotionCheck? Configuration(PromotionFacts facts) =>
        facts.RenderProblem is { } problem ? Fail("configuration", problem)
        : facts.Rendered is { } rendered ? Pass("configuration", $"{rendered.Source} at {ShortCommit.Of(rendered.Commit)} renders {rendered.Files.Count} object(s) into {rendered.Folder}")
        : null;

    private static PromotionCheck Pass(string name, string reason) => new(name, true, reason);

    private static PromotionCheck Fail(string name, string reason) => new(name, false, reason);
}
