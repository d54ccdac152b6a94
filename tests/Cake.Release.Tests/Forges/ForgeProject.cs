using System.Security.Cryptography;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// What the forge emulator keeps for its one project (a GitHub repository, a GitLab project): the users and their
/// tokens, the pull requests with their reviews, comments and labels, and the real bare repository under it all.
/// Forge-neutral; GitHub's and GitLab's APIs each render it their own way. Callers hold the emulator's lock.
/// </summary>
internal sealed class ForgeProject(string bareRepository, string path)
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _users = [];
    private long _nextId = 1000;

    public ForgeRepository Repository { get; } = new(bareRepository);

    /// <summary>"acme/shop".</summary>
    public string Path { get; } = path;

    public string Owner => Path[..Path.IndexOf('/', StringComparison.Ordinal)];

    public string Name => Path[(Path.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public List<PullRequestRecord> PullRequests { get; } = [];

    /// <summary>GitLab's deployments: the job that deployed, to which environment, and who approved or rejected it.</summary>
    public List<(long Id, long Job, string Environment, List<(string User, string Status)> Approvals)> Deployments { get; } = [];

    /// <summary>GitHub Actions' review log per workflow run: who approved or rejected its deployment to which environment.</summary>
    public Dictionary<long, List<(string Environment, string User, string State)>> RunReviews { get; } = [];

    /// <summary>A user with a new random token, the way a forge issues a personal access token.</summary>
    public string AddUser(string login, string tokenPrefix)
    {
        if (!_users.Contains(login, StringComparer.Ordinal))
        {
            _users.Add(login);
        }

        var token = tokenPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        _tokens[token] = login;
        return token;
    }

    public string? UserOf(string? token) => token is not null && _tokens.TryGetValue(token, out var login) ? login : null;

    /// <summary>Any token of a user, for calls the emulator makes on a user's behalf.</summary>
    public string TokenOf(string login) => _tokens.First(t => t.Value == login).Key;

    /// <summary>A stable numeric id per user, as forges give them.</summary>
    public long UserId(string login) => _users.IndexOf(login) is var index and >= 0 ? 5001 + index : 9000 + (uint)StringComparer.Ordinal.GetHashCode(login) % 1000;

    public long NextId() => Interlocked.Increment(ref _nextId);

    public PullRequestRecord? Find(int number) => PullRequests.FirstOrDefault(p => p.Number == number);

    /// <summary>The head commit now: read from the bare repository on every question, so a push to the head moves it.</summary>
    public string HeadSha(PullRequestRecord pull)
    {
        if (pull.State == "open" && Repository.BranchSha(pull.Head) is { } sha)
        {
            pull.HeadSha = sha;
        }

        return pull.HeadSha;
    }

    public string BaseSha(PullRequestRecord pull) => Repository.BranchSha(pull.Base) ?? new string('0', 40);

    /// <summary>What the pull request changes; once merged, against the base as it was before the merge.</summary>
    public (int Commits, int Additions, int Deletions, int Files) Changes(PullRequestRecord pull) =>
        pull.MergeCommitSha is { } merge ? Repository.Changes(merge + "^1", pull.HeadSha)
        : Repository.Changes($"refs/heads/{pull.Base}", HeadSha(pull));
}
