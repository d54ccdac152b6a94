using Cake.Core.Diagnostics;

namespace Cake.Release.Forges;

/// <summary>One promotion's pull request to open or bring up to date, and the older ones it supersedes.</summary>
/// <param name="Proposal">What to open.</param>
/// <param name="Current">The open pull request of the same promotion, when an earlier run opened it.</param>
/// <param name="Supersedes">Whether an open pull request's head branch is an older promotion of the same service into the same environment.</param>
internal sealed record PullRequestInput(PullRequestProposal Proposal, ForgePullRequest? Current, Func<string, bool> Supersedes);

/// <summary>
/// Opens a promotion's pull request, or updates the one an earlier run opened (a re-run never opens a second), and
/// closes, with a comment, the open pull requests of older promotions of the same service into the same environment.
/// </summary>
internal sealed class PullRequestStep(IForge forge, ICakeLog log, Func<string, string> redact) : IReleaseStep<PullRequestInput, (ForgePullRequest? PullRequest, StepEffect Effect)>
{
    public (ForgePullRequest? PullRequest, StepEffect Effect) Plan(PullRequestInput input)
    {
        var stale = Stale(input);
        var what = input.Current is { } current ? $"update {forge.Noun} #{current.Number} ({current.Url})" : $"open a {(input.Proposal.Draft ? "draft " : "")}{forge.Noun} {input.Proposal.Head} → {input.Proposal.Base}";
        log.Information("Dry run: would {0}{1}.", what, stale.Count == 0 ? "" : $" and close {string.Join(", ", stale.Select(p => $"#{p.Number}"))}, which it supersedes");
        return (input.Current, new StepEffect("pull-request", true, what));
    }

    public (ForgePullRequest? PullRequest, StepEffect Effect) Apply(PullRequestInput input)
    {
        // Everything sent to the forge passes the redactor: a commit subject or a rendered file can carry a secret.
        var proposal = input.Proposal with { Title = redact(input.Proposal.Title), Body = redact(input.Proposal.Body) };
        ForgePullRequest pullRequest;
        bool changed;
        if (input.Current is { } current)
        {
            changed = current.Title != proposal.Title || current.Body.ReplaceLineEndings("\n") != proposal.Body;
            pullRequest = changed ? forge.Update(current, proposal) : current;
            log.Information(changed ? "Updated {0} #{1}: {2}" : "{0} #{1} is open and up to date: {2}", forge.Noun, pullRequest.Number, pullRequest.Url);
        }
        else
        {
            pullRequest = forge.Open(proposal);
            changed = true;
            log.Information("Opened {0}{1} #{2}: {3}", proposal.Draft ? "draft " : "", forge.Noun, pullRequest.Number, pullRequest.Url);
        }

        foreach (var stale in Stale(input).Where(p => p.Number != pullRequest.Number))
        {
            forge.Close(stale, $"Superseded by #{pullRequest.Number} ({proposal.Title}), a newer promotion into the same environment. Closed by Cake.Release.");
            log.Information("Closed {0} #{1} ({2}): superseded by #{3}.", forge.Noun, stale.Number, stale.Head, pullRequest.Number);
        }

        return (pullRequest, new StepEffect("pull-request", changed, $"{forge.Noun} #{pullRequest.Number} {pullRequest.Url}"));
    }

    private List<ForgePullRequest> Stale(PullRequestInput input) =>
        forge.PullRequests(input.Proposal.Base, null, openOnly: true)
            .Where(p => p.Head != input.Proposal.Head && input.Supersedes(p.Head))
            .ToList();
}
