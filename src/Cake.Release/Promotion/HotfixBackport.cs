using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Forges;
using Cake.Release.GitOps;
using Cake.Release.Secrets;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// After a hotfix's pull request into an environment is merged, the same release is proposed to each earlier
/// environment of the chain that lacks the fix, one back-port pull request each (<c>backport/{env}/{service}-{version}</c>),
/// so no environment before it runs without the fix. An environment has the fix when it runs the hotfix's image, or a
/// build whose source commit contains the fix (the commit the hotfix cherry-picked, as its <c>-x</c> line names it,
/// or the hotfix commit itself); one that runs a higher version is never taken back down, only warned about.
/// Each is idempotent like a promotion's pull request.
/// </summary>
internal static class HotfixBackport
{
    public static IReadOnlyList<StepEffect> Open(ReleaseSession session, ReleaseConfig config, PromoteEnvSettings settings, GitRepository repository, IForge forge, PromotionPlan plan, string source, string promoter, bool dryRun)
    {
        var target = config.Environment(plan.Target);
        var earlier = config.PromotionChain(target).Where(e => e.Name != target.Name).ToArray();
        var manifests = new RemoteManifests(repository).Read(config, earlier);
        var version = ReleaseVersion.Parse(plan.Version!, "the hotfix version");
        var fixes = Fixes(repository, source);
        var effects = new List<StepEffect>();
        foreach (var environment in earlier)
        {
            var running = manifests[environment.Name]?.Entry(plan.Service);
            if (running is not null && (running.Digest == plan.Digest || (running.Source is { } at && repository.HasCommit(at) && fixes.Any(fix => repository.IsAncestor(fix, at)))))
            {
                session.Log.Information("{0} runs {1} {2}, which has the fix: no back-port.", environment.Name, plan.Service, running.Version);
                continue;
            }

            if (running is not null && ReleaseVersion.TryParse(running.Version, out var current, out _) && Precedence.SemVer.Compare(current!, version) > 0)
            {
                session.Log.Warning("{0} runs {1} {2}, above the hotfix {3}, without its fix: no back-port of an older version; release the fix on the main line ({4}).", environment.Name, plan.Service, running.Version, plan.Version, string.Join(", ", fixes.Select(ShortCommit.Of)));
                continue;
            }

            var head = $"backport/{environment.Name}/{plan.Service}-{plan.Version}";
            var step = new ManifestStep(session, config, repository, settings.Retry);
            var input = new ManifestInput(environment.Name, plan.Service, plan.Version!, plan.Digest, source, promoter, target.Name, [], "backport",
                current => PromotionPolicy.Replaces(plan.Service, environment.Name, plan.Version!, current), Proposal: head);
            var written = dryRun ? step.Plan(input) : step.Apply(input);
            if (written.Write is { Outcome: BranchWriteOutcome.Unchanged, Commit: null })
            {
                continue;
            }

            var proposal = new PullRequestProposal(head, environment.Branch, $"backport({plan.Service}): hotfix {plan.Version} {target.Name} → {environment.Name}",
                $"The hotfix {plan.Service} {plan.Version} (image `{plan.Digest}`, source commit `{source}`) runs in {target.Name}; {environment.Name} runs {running?.Version ?? "no release of it"}. Merging this brings the fix to {environment.Name} too, so the next promotion does not take it out of {target.Name} again.\n",
                false, ["backport", $"env:{environment.Name}", $"service:{plan.Service}"]);
            var open = forge.PullRequests(environment.Branch, head, openOnly: true).FirstOrDefault(p => p.Head == head);
            var pullRequests = new PullRequestStep(forge, session.Log, session.Log.Redact);
            var request = new PullRequestInput(proposal, open, other => PromotionPullRequest.Supersedes("backport", environment.Name, plan.Service, other));
            effects.Add((dryRun ? pullRequests.Plan(request) : pullRequests.Apply(request)).Effect with { Step = "backport" });
        }

        return effects;
    }

    // The hotfix commit, and the commit it was cherry-picked from (Hotfix picks with -x), whichever the clone holds.
    private static List<string> Fixes(GitRepository repository, string hotfix)
    {
        var fixes = new List<string> { hotfix };
        const string picked = "(cherry picked from commit ";
        foreach (var line in repository.Message(hotfix).Split('\n'))
        {
            if (line.StartsWith(picked, StringComparison.Ordinal) && line.TrimEnd().EndsWith(')') && line[picked.Length..].TrimEnd().TrimEnd(')') is { Length: 40 } original && repository.HasCommit(original))
            {
                fixes.Add(original);
            }
        }

        return fixes;
    }
}
