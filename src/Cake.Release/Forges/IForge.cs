namespace Cake.Release.Forges;

/// <summary>
/// What a promotion by pull request needs from a forge, and no more: find, open, update and close its pull requests
/// and read their reviews. GitHub and GitLab each implement it over their REST APIs.
/// </summary>
internal interface IForge : IDisposable
{
    /// <summary>GitHub or GitLab, for messages.</summary>
    string Name { get; }

    /// <summary>"pull request" or "merge request", for messages.</summary>
    string Noun { get; }

    /// <summary>The pull requests into <paramref name="baseBranch"/>, from <paramref name="head"/> only when given, newest first.</summary>
    IReadOnlyList<ForgePullRequest> PullRequests(string baseBranch, string? head, bool openOnly);

    /// <summary>One pull request with everything the forge knows (who merged it).</summary>
    ForgePullRequest Get(int number);

    /// <summary>Opens <paramref name="proposal"/>.</summary>
    ForgePullRequest Open(PullRequestProposal proposal);

    /// <summary>Brings the open <paramref name="pullRequest"/>'s title and description up to date with <paramref name="proposal"/>.</summary>
    ForgePullRequest Update(ForgePullRequest pullRequest, PullRequestProposal proposal);

    /// <summary>Closes <paramref name="pullRequest"/> without a merge, saying why where people read it.</summary>
    void Close(ForgePullRequest pullRequest, string comment);

    /// <summary>The reviews of <paramref name="pullRequest"/>, oldest first.</summary>
    IReadOnlyList<ForgeReview> Reviews(ForgePullRequest pullRequest);
}
