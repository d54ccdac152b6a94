using System.Text.RegularExpressions;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Manifests;

namespace Cake.Release.Changes;

/// <summary>
/// Finds each service's base, makes every base reachable (deepening a shallow clone), and measures the changes from
/// it: one <c>git diff</c> per distinct base, however many services share it. A service without a base counts as
/// changed, with the reason why there was none; nothing is ever "everything changed" without saying so.
/// </summary>
internal sealed partial class ChangeDetection(ReleaseConfig config, IChangeHistory history, ICakeLog log)
{
    private const int FirstDeepening = 50;
    private HeadProbe _head = null!;
    private IReadOnlyDictionary<string, string>? _remoteTips;
    private EnvironmentManifest? _manifest;

    public ChangeSet Detect(string? baseArgument, string? headArgument)
    {
        var head = Revision(headArgument, "--head") ?? "HEAD";
        var wanted = Revision(baseArgument, "--base");
        var nullBase = wanted is not null && NullCommit().IsMatch(wanted);
        _head = history.Probe(head, nullBase ? null : wanted);

        var plans = config.Services.Select(service => (Service: service, Plan: wanted is not null
            ? new BasePlan(BaseSource.Argument, wanted)
            : RecordedCommit(service) is { } recorded ? new BasePlan(BaseSource.Manifest, recorded) : new BasePlan(BaseSource.MergeBase, null))).ToList();

        var resolved = plans.Select(p => p.Plan).Distinct().ToDictionary(plan => plan, Resolve);
        var changed = new Dictionary<string, ChangedService>(StringComparer.Ordinal);
        var outside = new List<ChangedFile>();
        foreach (var group in plans.GroupBy(p => resolved[p.Plan].Commit, StringComparer.Ordinal))
        {
            if (group.Key is null)
            {
                foreach (var (service, plan) in group)
                {
                    changed[service.Name] = new ChangedService(service.Name, null, BaseSource.None, [ChangeReason.NoBase(resolved[plan].Problem!)]);
                }

                continue;
            }

            var match = ServiceMatcher.Match(config.Services, history.Diff(group.Key, _head.Head), config.ConfigurationPaths);
            outside.AddRange(match.Outside.Where(file => !outside.Contains(file)));
            foreach (var (service, plan) in group)
            {
                if (match.ReasonsFor(service.Name) is { } reasons)
                {
                    changed[service.Name] = new ChangedService(service.Name, group.Key, plan.Source, reasons);
                }
            }
        }

        var sources = plans.Select(p => resolved[p.Plan].Commit is null ? BaseSource.None : p.Plan.Source).Distinct().ToList();
        var mode = sources.Count != 1 ? ChangeMode.Mixed : sources[0] switch
        {
            BaseSource.Argument => ChangeMode.Argument,
            BaseSource.Manifest => ChangeMode.Manifest,
            BaseSource.MergeBase => ChangeMode.MergeBase,
            _ => ChangeMode.Everything,
        };

        return new ChangeSet(
            _head.Head,
            mode,
            config.Services.Where(s => changed.ContainsKey(s.Name)).Select(s => changed[s.Name]).ToList(),
            config.Services.Where(s => !changed.ContainsKey(s.Name)).Select(s => s.Name).ToList(),
            outside);
    }

    private (string? Commit, string? Problem) Resolve(BasePlan plan) => plan.Source switch
    {
        BaseSource.Argument => ResolveArgument(plan.Revision!),
        BaseSource.Manifest => ResolveRecorded(plan.Revision!),
        _ => ResolveMergeBase(),
    };

    private (string? Commit, string? Problem) ResolveArgument(string revision)
    {
        if (NullCommit().IsMatch(revision))
        {
            return (null, $"--base {revision} is the null commit (a branch's first push): there is nothing to compare with");
        }

        if (_head.Base is { } commit)
        {
            return (commit, null);
        }

        // A commit id that is not here may lie below a shallow boundary, or may have been force-pushed away; a name
        // that is not here is a typo.
        if (!CommitId().IsMatch(revision))
        {
            throw new ReleaseException($"--base '{revision}' is not a commit, branch or tag in {history.Location}; pass one that exists (git fetch first for {config.Git.Remote}/{config.Git.MainBranch}).");
        }

        return Reach(() => history.Resolve(revision), $"the base {revision}") is { } found
            ? (found, null)
            : (null, $"--base {Short(revision)} is not in the history (rewritten by a force push?): there is nothing to compare with");
    }

    private (string? Commit, string? Problem) ResolveRecorded(string commit)
    {
        var auto = config.AutoEnvironment!;
        // The recorded commit is on main: bring main's tip in first, so a clone that is merely behind is not taken for a rewritten history.
        FetchMain();
        return Reach(() => history.HasCommit(commit) ? history.Resolve(commit) : null, $"commit {Short(commit)} that {auto.Name} runs") is { } found
            ? (found, null)
            : (null, $"{auto.Name} runs {Short(commit)}, which is no longer in the history (rewritten by a force push?): there is nothing to compare with");
    }

    private (string? Commit, string? Problem) ResolveMergeBase()
    {
        var main = $"{config.Git.Remote}/{config.Git.MainBranch}";
        if (_head.Parents == 0 && !_head.Shallow)
        {
            return (null, $"head {Short(_head.Head)} is the first commit: there is nothing to compare with");
        }

        if (FetchMain() is not { } mainTip)
        {
            return (null, $"{config.Git.Remote} has no {config.Git.MainBranch} branch to compare with");
        }

        var mergeBase = Reach(() => history.MergeBase(_head.Head, mainTip), $"the merge-base of {Short(_head.Head)} and {main}");
        if (mergeBase is null)
        {
            return (null, $"head {Short(_head.Head)} and {main} share no history: there is nothing to compare with");
        }

        if (mergeBase == _head.Head)
        {
            var recorded = config.AutoEnvironment is { } auto ? $"{auto.Name} records no deployment of it" : "no environment is auto";
            return (null, $"head {Short(_head.Head)} is on {main} and {recorded}: there is nothing to compare with (pass --base to choose one)");
        }

        return (mergeBase, null);
    }

    // Looks for a commit, deepening a shallow clone in growing steps until it is found or the history is complete.
    private string? Reach(Func<string?> find, string wanted)
    {
        var found = find();
        for (var step = FirstDeepening; found is null && _head.Shallow; step *= 2)
        {
            log.Information("Shallow clone: fetching {0} more commits of history to find {1}.", step, wanted);
            history.Deepen(config.Git.Remote, step, _head.ShallowFile, wanted);
            _head = _head with { Shallow = history.IsShallow() };
            found = find();
        }

        return found;
    }

    private string? RecordedCommit(ServiceConfig service)
    {
        if (config.AutoEnvironment is not { } auto || !RemoteTips().TryGetValue(auto.Branch, out var tip))
        {
            return null;
        }

        _manifest ??= ReadManifest(auto, tip);
        return _manifest.Entry(service.Name)?.Commit;
    }

    private EnvironmentManifest ReadManifest(EnvironmentConfig auto, string tip)
    {
        history.FetchTip(config.Git.Remote, auto.Branch, tip, _head.Shallow);
        var path = config.Git.ManifestPath(auto.Name);
        var source = $"{config.Git.Remote}/{auto.Branch}:{path}";
        return history.ReadText(tip, path) is { } text ? EnvironmentManifest.Parse(text, source) : EnvironmentManifest.Empty(auto.Name);
    }

    private string? FetchMain()
    {
        if (!RemoteTips().TryGetValue(config.Git.MainBranch, out var tip))
        {
            return null;
        }

        history.FetchTip(config.Git.Remote, config.Git.MainBranch, tip, _head.Shallow);
        return tip;
    }

    // One ls-remote for both branches: the remote is the truth about what dev runs and where main is, not local refs.
    private IReadOnlyDictionary<string, string> RemoteTips() =>
        _remoteTips ??= config.AutoEnvironment is { } auto
            ? history.RemoteBranches(config.Git.Remote, auto.Branch, config.Git.MainBranch)
            : history.RemoteBranches(config.Git.Remote, config.Git.MainBranch);

    private static string? Revision(string? value, string argument) => value switch
    {
        null or "" => null,
        _ when value.StartsWith('-') => throw new ReleaseException($"{argument} '{value}' is not a revision; pass a commit id, branch or tag, e.g. {argument}=origin/main."),
        _ => value.Trim(),
    };

    private static string Short(string commit) => commit.Length > 7 && CommitId().IsMatch(commit) ? commit[..7] : commit;

    [GeneratedRegex("^0{7,64}$")]
    private static partial Regex NullCommit();

    [GeneratedRegex("^[0-9a-f]{7,64}$")]
    private static partial Regex CommitId();

    private sealed record BasePlan(BaseSource Source, string? Revision);
}
