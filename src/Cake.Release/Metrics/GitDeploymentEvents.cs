using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Charts;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Versioning;

namespace Cake.Release.Metrics;

/// <summary>
/// Deployment events from the remote's GitOps branches: each environment's manifest history (one <c>git log</c> and
/// one <c>git cat-file --batch</c> for the texts, one <c>git log</c> for the messages, whatever its length), the main
/// branch to tell hotfixes apart, and one <c>git log</c> over the service's paths per release in the window for its
/// first commit. Nothing is checked out, no ref moves.
/// </summary>
internal sealed class GitDeploymentEvents : IDeploymentEvents
{
    private const char Field = '\0';
    private const char Record = '\u001e';
    private readonly ICakeContext _context;
    private readonly ReleaseConfig _config;
    private readonly GitRepository _repository;
    private readonly GitHistory _history;
    private readonly ManifestHistory _manifests;
    private readonly IGit _git;
    private readonly Dictionary<string, bool> _onMain = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Service, string? Since, string Until), DateTimeOffset?> _firstCommits = [];
    private string? _mainTip;
    private bool _mainRead;

    public GitDeploymentEvents(ICakeContext context, ReleaseConfig config, GitSettings? settings = null)
    {
        _context = context;
        _config = config;
        _repository = new GitRepository(context, config.RepositoryRoot, settings);
        _history = new GitHistory(context, config.RepositoryRoot, settings);
        _manifests = new ManifestHistory(context, config.RepositoryRoot, settings);
        _git = GitTool.For(context, settings);
    }

    private DirectoryPath Root => _repository.Root;

    public IReadOnlyList<DeploymentEvent> Read(IReadOnlyList<string> environments, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentNullException.ThrowIfNull(window);
        var events = new List<DeploymentEvent>();
        foreach (var name in environments)
        {
            var environment = _config.Environment(name);
            var tip = _manifests.Tip(_config.Git.Remote, environment.Branch);
            if (tip is null)
            {
                continue;
            }

            var changes = ManifestChanges.Events(environment.Name, Revisions(environment, tip), IsHotfix);
            events.AddRange(WithFirstCommits(changes, window));
        }

        return events;
    }

    // The texts come oldest last from ManifestHistory; the messages from one log over the same path and tip.
    private List<ManifestRevision> Revisions(EnvironmentConfig environment, string tip)
    {
        var path = _config.Git.ManifestPath(environment.Name);
        var source = $"{_config.Git.Remote}/{environment.Branch}:{path}";
        var messages = Messages(tip, path);
        var revisions = new List<ManifestRevision>();
        foreach (var (commit, text) in _manifests.Revisions(tip, path).Reverse())
        {
            try
            {
                var manifest = text is null ? null : EnvironmentManifest.Parse(text, $"{source} at {ShortCommit.Of(commit)}");
                revisions.Add(new ManifestRevision(commit, messages.GetValueOrDefault(commit) ?? "", manifest));
            }
            catch (ManifestFormatException error)
            {
                // A revision edited by hand that does not read is left out, as Rollback leaves it out: said, not fatal.
                _context.Log.Warning("Skipping a revision of the manifest that does not read: {0}", error.Message);
            }
        }

        return revisions;
    }

    private Dictionary<string, string> Messages(string tip, string path)
    {
        var log = new ProcessArgumentBuilder().Append("log").Append("--no-color").Append("--format=%H%x00%B%x1e").Append(tip).Append("--").AppendQuoted(path);
        var output = _git.Run(Root, log).OrFail(Root, $"read the history of {path} at {ShortCommit.Of(tip)}", "check the repository").Output;
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in string.Join('\n', output).Split(Record))
        {
            var fields = record.TrimStart('\n').Split(Field, 2);
            if (fields is [{ Length: 40 } commit, var message])
            {
                messages[commit] = message;
            }
        }

        return messages;
    }

    // A hotfix is a promoted patch built off the main branch (Hotfix cherry-picks onto the release branch and tags
    // there); a commit the clone lacks after fetching the main branch is not on it either.
    private bool IsHotfix(string service, ManifestEntry entry)
    {
        if (entry.From is null || entry.Commit is not { } commit || !ReleaseVersion.TryParse(entry.Version, out var version, out _) || version!.Patch == 0)
        {
            return false;
        }

        if (MainTip() is not { } main)
        {
            return false;
        }

        if (!_onMain.TryGetValue(commit, out var onMain))
        {
            onMain = _onMain[commit] = _repository.IsAncestor(commit, main);
        }

        return !onMain;
    }

    private string? MainTip()
    {
        if (!_mainRead)
        {
            _mainRead = true;
            _mainTip = _repository.RemoteBranches(_config.Git.Remote, _config.Git.MainBranch).GetValueOrDefault(_config.Git.MainBranch);
            if (_mainTip is not null)
            {
                _repository.FetchObjects(_config.Git.Remote, _config.Git.MainBranch, _mainTip);
            }
        }

        return _mainTip;
    }

    // Only deployments in the window need their first commit: the metrics read nothing else, and a long history
    // would otherwise cost a git log per release ever made.
    private IEnumerable<DeploymentEvent> WithFirstCommits(IReadOnlyList<DeploymentEvent> changes, MetricsWindow window)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            previous.TryGetValue(change.Service, out var since);
            previous[change.Service] = change.SourceCommit;
            yield return change.IsDeployment && window.Contains(change.Deployed) && change.SourceCommit is { } source
                ? change with { FirstCommitAt = FirstCommit(change.Service, since, source) }
                : change;
        }
    }

    // The oldest commit on the service's paths (its folder, dependsOn, chart and configuration) after the previous
    // release's source, up to this one's: when the change this release brings started. Cherry-picks keep their
    // author date, so a hotfix's lead time starts when its fix was first written.
    private DateTimeOffset? FirstCommit(string service, string? since, string source)
    {
        if (_firstCommits.TryGetValue((service, since, source), out var known))
        {
            return known;
        }

        // The source is on the main branch (or a release branch Hotfix pushed): fetched first, as for hotfixes.
        MainTip();
        DateTimeOffset? first = null;
        if (_config.Services.Any(s => s.Name == service) && _repository.HasCommit(source))
        {
            var paths = ReleaseUnit.Resolve(_config, service, null, needsChart: false, dir => dir).Paths;
            var commits = _history.Log(source, since is not null && _repository.HasCommit(since) ? since : null, paths);
            // The earliest author date, not the last commit listed: a rebase or a merge of an old branch lists commits
            // out of the order their work began in.
            first = commits.Count > 0 ? commits.Min(c => c.Date) : null;
        }

        return _firstCommits[(service, since, source)] = first;
    }
}
