using System.Text;
using Cake.Release.Diffs;

namespace Cake.Release.Promotion;

/// <summary>
/// The title and description of a promotion's pull request: what is promoted (service, version, digest, source
/// commit), every check with its result, the changes since what the environment runs, and the manifest and rendered
/// diff, so a reviewer approves what will run without opening anything else. Pure.
/// </summary>
public static class PromotionProposalText
{
    // GitHub refuses a body over 65,536 characters; the diff is cut well before that.
    private const int DiffBudget = 40_000;

    /// <summary><c>promote(blue): 1.6.1 staging → production</c>, the subject of the commit it carries.</summary>
    public static string Title(PromotionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"promote({plan.Service}): {plan.Version} {plan.From} → {plan.Target}";
    }

    /// <summary>The Markdown description.</summary>
    /// <param name="plan">The checked promotion.</param>
    /// <param name="image">The image's name, without tag or digest.</param>
    /// <param name="running">The version the target runs now, or null before the first release there.</param>
    /// <param name="runningCommit">The source commit of what the target runs now, for the comparison link, or null.</param>
    /// <param name="changes">The commits since that version (<c>abc1234 subject</c>), newest first.</param>
    /// <param name="diff">The files the merge changes, with their text before and after.</param>
    /// <param name="links">Where the source commit and the comparison can be read, when the remote is on a known host.</param>
    /// <param name="approvals">The approving reviews the target needs.</param>
    /// <param name="completeWith">The command that completes the promotion after the merge.</param>
    public static string Body(PromotionPlan plan, string image, string? running, string? runningCommit, IReadOnlyList<string> changes, IReadOnlyList<FileChange> diff, Changelog.CompareLinks? links, int approvals, string completeWith)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder();
        text.Append("## ").Append(plan.Service).Append(' ').Append(plan.Version).Append(": ").Append(plan.From).Append(" → ").Append(plan.Target).Append("\n\n");
        text.Append("| | |\n|---|---|\n");
        text.Append("| service | `").Append(plan.Service).Append("` |\n");
        text.Append("| version | `").Append(plan.Version).Append('`').Append(running is null ? $" (first release in {plan.Target})" : $" (replaces `{running}`)").Append(" |\n");
        text.Append("| image | `").Append(image).Append('@').Append(plan.Digest ?? plan.ChartTag).Append("` |\n");
        if (plan.Commit is { } commit)
        {
            text.Append("| source commit | ").Append(links is null ? $"`{commit}`" : $"[`{ShortCommit.Of(commit)}`]({links.Commit(commit)})").Append(" |\n");
            if (links is not null && runningCommit is not null)
            {
                text.Append("| changes | [").Append(ShortCommit.Of(runningCommit)).Append("...").Append(ShortCommit.Of(commit)).Append("](").Append(links.Compare(runningCommit, commit)).Append(") |\n");
            }
        }

        text.Append("\n### Checks\n\n");
        foreach (var check in plan.Checks)
        {
            text.Append("- ").Append(check.Passed ? "✅" : "❌").Append(" **").Append(check.Name).Append("**: ").Append(check.Reason).Append('\n');
        }

        text.Append("\n### Changes since ").Append(running ?? "the start").Append("\n\n");
        if (changes.Count == 0)
        {
            text.Append("No commits under the service's paths.\n");
        }

        foreach (var change in changes.Take(50))
        {
            text.Append("- ").Append(change).Append('\n');
        }

        if (changes.Count > 50)
        {
            text.Append("- … and ").Append(changes.Count - 50).Append(" more\n");
        }

        text.Append("\n### What the merge changes\n\n```diff\n");
        var budget = DiffBudget;
        foreach (var file in diff)
        {
            var unified = UnifiedDiff.Create(file.Before ?? "", file.After ?? "", file.Before is null ? "/dev/null" : $"a/{file.Path}", file.After is null ? "/dev/null" : $"b/{file.Path}");
            if (unified.Length > budget)
            {
                text.Append("# … ").Append(diff.Count).Append(" file(s) in all; the rest is on the branch\n");
                break;
            }

            budget -= unified.Length;
            text.Append(unified.TrimEnd('\n')).Append('\n');
        }

        text.Append("```\n\n");
        text.Append(approvals == 0 ? $"{plan.Target} needs no approving review: merging is the gate." : $"{plan.Target} needs **{approvals} approving review(s)** on the latest commit, by people other than the author and the promoter.");
        text.Append(" After the merge, `").Append(completeWith).Append("` (or the merge's CI job) tags, retags and announces the release; a merge without the approvals is refused there.\n");
        return text.ToString();
    }
}
