using System.Security.Cryptography;
using System.Text;
using Cake.Release.Config;
using Cake.Release.Session;

namespace Cake.Release.Fragments;

/// <summary>
/// The facts of one repository as git holds them, for one publish: the repository's name in the table (its
/// <c>publish.repository</c>, else its remote), the remote's branch tips and release tags (read once), and each
/// environment's deployments past a commit.
/// </summary>
internal sealed class FragmentSource
{
    private readonly ReleaseConfig _config;
    private readonly FragmentHistory _history;
    private IReadOnlyList<ReleaseFragment>? _releases;
    private IReadOnlyDictionary<string, string>? _tips;

    public FragmentSource(ReleaseSession session, ReleaseConfig config, Cake.Release.GitOps.GitSettings? git)
    {
        ArgumentNullException.ThrowIfNull(session);
        _config = config;
        _history = new FragmentHistory(session.Context, config.RepositoryRoot, git);
        var remoteUrl = Cake.Release.GitOps.GitTool.For(session.Context, git).RemoteUrl(new Cake.Core.IO.DirectoryPath(config.RepositoryRoot), config.Git.Remote);
        Repository = FragmentConnection.Repository(config.Publish!, remoteUrl);
    }

    /// <summary>This repository's name in the table.</summary>
    public string Repository { get; }

    /// <summary>The git history adapter.</summary>
    public FragmentHistory History => _history;

    /// <summary>The tip of <paramref name="environment"/>'s branch on the remote, or null before its first deployment.</summary>
    public string? Tip(EnvironmentConfig environment)
    {
        _tips ??= _history.Tips(_config.Git.Remote, _config.Environments.Select(e => e.Branch));
        return _tips.GetValueOrDefault(environment.Branch);
    }

    /// <summary>The release facts of the remote's release tags (and chart release tags).</summary>
    public IReadOnlyList<ReleaseFragment> Releases()
    {
        if (_releases is null)
        {
            var matchers = _config.Services.SelectMany(s => new[] { _config.Tags.Release.Matcher(s.Name), _config.Tags.ChartRelease.Matcher(s.Name) }).ToList();
            var tags = _history.Tags(_config.Git.Remote, name => matchers.Any(m => m.IsMatch(name)));
            _releases = ReleaseFacts.Releases(_config, Repository, tags);
        }

        return _releases;
    }

    /// <summary>The deployments of <paramref name="environment"/> from <paramref name="tip"/> back to <paramref name="since"/> (null: all of them), oldest first.</summary>
    public IReadOnlyList<ReleaseFragment> Deployments(EnvironmentConfig environment, string tip, string? since)
    {
        var (baseline, revisions) = _history.Manifest(_config.Git.Remote, environment.Branch, tip, _config.Git.ManifestPath(environment.Name), since);
        var releases = Releases();
        var hotfixes = releases.Where(r => r.Action == FragmentActions.Hotfix && r.ChartVersion is null).Select(r => $"{r.Service}/{r.Version}").ToHashSet(StringComparer.Ordinal);
        return ReleaseFacts.Deployments(_config, Repository, environment.Name, baseline, revisions, hotfixes);
    }

    /// <summary>What the tags mark holds once <paramref name="releases"/> are published: a digest of their keys and records.</summary>
    public static string Fingerprint(IEnumerable<ReleaseFragment> releases)
    {
        var lines = releases.Select(r => $"{r.Version} {r.SortKey} {r.Record} {FragmentTime.Format(r.At)}").Order(StringComparer.Ordinal);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}
