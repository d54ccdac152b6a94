namespace Cake.Release.Forges;

/// <summary>A pull request to open, or to bring an open one up to date with.</summary>
/// <param name="Head">The branch proposed (pushed before the request is opened).</param>
/// <param name="Base">The environment's branch it merges into.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">The description, Markdown.</param>
/// <param name="Draft">Whether to open it as a draft.</param>
/// <param name="Labels">Labels to put on it.</param>
public sealed record PullRequestProposal(string Head, string Base, string Title, string Body, bool Draft, IReadOnlyList<string> Labels);
