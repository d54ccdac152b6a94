using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Changelog;
using Cake.Release.Config;
using Cake.Release.Diffs;
using Cake.Release.GitOps;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Charts;

/// <summary>The part BumpChart, WriteChangelog and NextVersion share: plan the release against the working tree, then write (or show) the edits.</summary>
internal static class ReleaseStep
{
    public static ReleaseStepResult InWorkingTree(ICakeContext context, ReleaseRequestSettings settings, bool bumpChart, bool writeChangelog, DateOnly date, ChangelogFormat format, bool write = true)
    {
        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var history = new GitHistory(context, config.RepositoryRoot, settings.Git);
        var source = ReleaseSource.WorkingTree(config.RepositoryRoot, history);
        var unit = ReleaseUnit.Resolve(config, settings.Service, settings.Chart, bumpChart, dir => ChartName(source, dir));
        var plan = new ReleasePlanner(config, history, source, settings.Rules, format)
            .Plan(unit, settings.Request(), bumpChart, writeChangelog, date, writeChangelog ? history.RemoteUrl(config.Git.Remote) : null);
        Notes(context.Log, plan);
        if (Finished(context.Log, plan) is { } finished)
        {
            return finished;
        }

        var changes = plan.Edits.Select(e => new FileChange(e.Path, source.Read(e.Path), e.Text)).ToList();
        var version = ReleaseVersion.Text(plan.Version!);
        if (!write)
        {
            context.Log.Information("{0}: next version {1} (tag {2})", unit.Name, version, plan.Tag);
            return new ReleaseStepResult(unit.Name, version, plan.Tag, ReleaseOutcome.Planned, changes);
        }

        if (changes.Count == 0)
        {
            context.Log.Information("{0} {1}: the files already say so; nothing to do.", unit.Name, version);
            return new ReleaseStepResult(unit.Name, version, plan.Tag, ReleaseOutcome.Unchanged, []);
        }

        if (ReleaseSession.Of(context).IsDryRun(settings))
        {
            context.Log.Information("Dry run: {0} {1} would change {2} file(s):", unit.Name, version, changes.Count);
            ShowDiffs(context.Log, changes);
            return new ReleaseStepResult(unit.Name, version, plan.Tag, ReleaseOutcome.Planned, changes);
        }

        foreach (var change in changes)
        {
            ReleaseSource.Write(config.RepositoryRoot, change.Path, change.After!);
            context.Log.Information("{0} {1}: wrote {2}", unit.Name, version, change.Path);
        }

        return new ReleaseStepResult(unit.Name, version, plan.Tag, ReleaseOutcome.Done, changes);
    }

    public static string ChartName(ReleaseSource source, string dir) =>
        ChartDocument.Parse($"{dir}/Chart.yaml", source.Read($"{dir}/Chart.yaml")
            ?? throw new ReleaseException($"--chart={dir}: there is no {dir}/Chart.yaml; pass the folder that holds the chart's Chart.yaml, e.g. --chart=helm/charts/blue.")).Name;

    public static void Notes(ICakeLog log, ReleasePlan plan) => plan.Notes.ToList().ForEach(note => log.Information("{0}", note));

    /// <summary>The result when there is nothing to do (nothing changed, or already tagged), having said so; else null.</summary>
    public static ReleaseStepResult? Finished(ICakeLog log, ReleasePlan plan)
    {
        var unit = plan.Unit;
        if (plan.NothingToRelease)
        {
            var since = plan.LatestTag is null ? "" : $" since {plan.LatestTag.Name} ({ShortCommit.Of(plan.LatestTag.Commit)})";
            log.Information("{0}: nothing to release: no commit touched {1}{2}; nothing to do.", unit.Name, string.Join(", ", unit.Paths), since);
            return new ReleaseStepResult(unit.Name, null, null, ReleaseOutcome.NothingToRelease, []);
        }

        if (plan.AlreadyTagged is { } tag)
        {
            log.Information("{0} {1} is already released (tag {2} at {3}); nothing to do.", unit.Name, ReleaseVersion.Text(tag.Version), tag.Name, ShortCommit.Of(tag.Commit));
            return new ReleaseStepResult(unit.Name, ReleaseVersion.Text(tag.Version), tag.Name, ReleaseOutcome.AlreadyReleased, [], tag.Commit);
        }

        return null;
    }

    public static void ShowDiffs(ICakeLog log, IEnumerable<FileChange> changes)
    {
        foreach (var change in changes)
        {
            log.Information("{0}", UnifiedDiff.Create(change.Before ?? "", change.After!, change.Before is null ? "/dev/null" : $"a/{change.Path}", $"b/{change.Path}").TrimEnd('\n'));
        }
    }
}
