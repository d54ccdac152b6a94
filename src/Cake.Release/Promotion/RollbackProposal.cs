using System.Text;
using Cake.Release.Config;
using Cake.Release.Diffs;
using Cake.Release.Forges;
using Cake.Release.GitOps;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Promotion;

/// <summary>
/// A rollback into an environment promoted by pull request: the rollback commit a push would make goes to
/// <c>rollback/{env}/{service}-{version}</c> and a revert pull request (labelled <c>rollback</c>, never a draft)
/// proposes it. A re-run updates it; a newer rollback of the same service there closes the older one.
/// </summary>
internal static class RollbackProposal
{
    public static (ManifestUpdateResult Manifest, ForgePullRequest? PullRequest) Open(ReleaseSession session, ReleaseConfig config, RollbackSettings settings, ManifestStep write, ManifestInput entry, string fromVersion, bool dryRun)
    {
        var environment = config.Environment(entry.Environment);
        var head = $"rollback/{environment.Name}/{entry.Service}-{entry.Version}";
        var manifest = dryRun ? write.Plan(entry with { Proposal = head }) : write.Apply(entry with { Proposal = head });
        if (manifest.Write.Outcome == BranchWriteOutcome.Unchanged && manifest.Write.Commit is null)
        {
            return (manifest, null);
        }

        using var forge = ForgeConnection.Open(session, config, settings.Git, settings.ForgeTimeout);
        var current = forge.PullRequests(environment.Branch, head, openOnly: true).FirstOrDefault(p => p.Head == head);
        var title = $"rollback({entry.Service}): {fromVersion} → {entry.Version} in {environment.Name}";
        var proposal = new PullRequestProposal(head, environment.Branch, title, Body(environment, entry, fromVersion, manifest.Write.Changes), false,
            ["rollback", $"env:{environment.Name}", $"service:{entry.Service}"]);
        var step = new PullRequestStep(forge, session.Log, session.Log.Redact);
        var input = new PullRequestInput(proposal, current, other => PromotionPullRequest.Supersedes("rollback", environment.Name, entry.Service, other));
        var (pullRequest, _) = dryRun ? step.Plan(input) : step.Apply(input);
        return (manifest, pullRequest);
    }

    private static string Body(EnvironmentConfig environment, ManifestInput entry, string fromVersion, IReadOnlyList<FileChange> changes)
    {
        var text = new StringBuilder();
        text.Append("## Roll ").Append(entry.Service).Append(" in ").Append(environment.Name).Append(" back: ").Append(fromVersion).Append(" → ").Append(entry.Version).Append("\n\n");
        text.Append("The release it returns to ran in ").Append(environment.Name).Append(" before, as the manifest's history records it: image `")
            .Append(entry.Digest ?? "no digest").Append("`, source commit `").Append(entry.Commit).Append("`. Nothing is rebuilt.\n\n```diff\n");
        foreach (var change in changes)
        {
            text.Append(UnifiedDiff.Create(change.Before ?? "", change.After ?? "", $"a/{change.Path}", change.After is null ? "/dev/null" : $"b/{change.Path}").TrimEnd('\n')).Append('\n');
        }

        text.Append("```\n\nAfter the merge, `./build.sh --target=Rollback --env=").Append(environment.Name).Append(" --service=").Append(entry.Service)
            .Append("` (or the merge's CI job) moves ").Append(environment.ImageTag is { } tag ? $"the `{tag}` image tag" : "nothing else (no imageTag)").Append(" to match.\n");
        return text.ToString();
    }
}
