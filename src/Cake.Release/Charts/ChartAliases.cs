using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Changelog;
using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.GitOps;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Charts;

/// <summary>Bumps Helm charts, checks their versions the way chart-testing does, and releases a chart: bump, changelog, one commit and the release tag.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Charts")]
[CakeNamespaceImport("Cake.Release.Versioning")]
public static class ChartAliases
{
    /// <summary>
    /// Sets the chart's <c>version</c> (and <c>appVersion</c> when it belongs to a service) in the working tree, by
    /// rule or explicitly, and the <c>dependencies[].version</c> pin of each local parent chart (with a patch bump of
    /// the parent). Edits are byte-exact: only the version values change. Nothing to do when the chart already
    /// carries the version.
    /// </summary>
    /// <example><code>BumpChart(new BumpChartSettings { Service = "blue", Bump = VersionBump.Minor });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Charts")]
    public static ReleaseStepResult BumpChart(this ICakeContext context, BumpChartSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return ReleaseStep.InWorkingTree(context, settings, bumpChart: true, writeChangelog: false, ReleaseSession.Of(context).Today, new ChangelogFormat());
    }

    /// <summary>
    /// chart-testing's version gate: every chart with a file changed since the base (merge-base with
    /// <c>--base</c>, working tree included) must have a version greater than on the base. A failure names each
    /// chart, both versions and the fix, and throws after listing all of them.
    /// </summary>
    /// <example><code>CheckChartVersions(new CheckChartVersionsSettings { Base = "origin/main" });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Charts")]
    public static IReadOnlyList<ChartVersionCheck> CheckChartVersions(this ICakeContext context, CheckChartVersionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var history = new GitHistory(context, config.RepositoryRoot, settings.Git);
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var baseRef = settings.Base ?? $"{config.Git.Remote}/{config.Git.MainBranch}";
        var mergeBase = history.MergeBase(baseRef);
        var source = ReleaseSource.WorkingTree(config.RepositoryRoot, history);

        var charts = history.ChangedSince(mergeBase)
            .Select(file => ChartDirOf(source, file))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var checks = new List<ChartVersionCheck>();
        foreach (var dir in charts)
        {
            var file = $"{dir}/Chart.yaml";
            var chart = ChartDocument.Parse(file, source.Read(file)!);
            var before = repository.ReadFiles(mergeBase, [file]).GetValueOrDefault(file) is { } old
                ? ChartDocument.Parse($"{baseRef}:{file}", System.Text.Encoding.UTF8.GetString(old.Content)).Version
                : null;
            var problem = ChartVersionRule.Problem(file, chart.VersionLine, baseRef, before, chart.Version);
            checks.Add(new ChartVersionCheck(file, before is null ? null : ReleaseVersion.Text(before), ReleaseVersion.Text(chart.Version), problem));
            if (problem is null)
            {
                context.Log.Information("{0}: {1} → {2} ok", file, before is null ? "new" : ReleaseVersion.Text(before), ReleaseVersion.Text(chart.Version));
            }
            else
            {
                context.Log.Error("{0}", problem);
            }
        }

        var failures = checks.Where(c => c.Problem is not null).ToList();
        if (failures.Count == 1)
        {
            throw new ReleaseException(failures[0].Problem!);
        }

        if (failures.Count > 1)
        {
            throw new ReleaseException($"{failures.Count} charts changed since {baseRef} without a version bump: {string.Join(", ", failures.Select(f => $"{f.Chart} ({f.BaseVersion} → {f.Version})"))}; bump each (BumpChart --chart=<folder> --bump=patch).");
        }

        context.Log.Information(checks.Count == 0 ? $"No chart changed since {baseRef}." : $"{checks.Count} changed chart(s) carry a new version.");
        return checks;
    }

    /// <summary>
    /// Releases a chart: bumps it (as <see cref="BumpChart"/>) and writes its changelog section (as
    /// <see cref="ChangelogAliases.WriteChangelog"/>) in ONE commit on the remote's main branch, made without a
    /// checkout and retried on the new tip when other pipelines push first; then an annotated release tag
    /// (<c>tags.chartRelease</c>, <c>blue/chart-1.6.0</c>) on that commit, pushed. Idempotent: a released version says so and changes nothing,
    /// and a release whose commit landed but whose tag did not is completed by tagging that commit. A dry run shows
    /// the diffs and the refs it would push.
    /// </summary>
    /// <example><code>ReleaseChart(new ReleaseChartSettings { Service = "blue", PreRelease = "rc" });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Charts")]
    public static ReleaseStepResult ReleaseChart(this ICakeContext context, ReleaseChartSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var (remote, main) = (config.Git.Remote, config.Git.MainBranch);
        var history = new GitHistory(context, config.RepositoryRoot, settings.Git);
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var unit = ReleaseUnit.Resolve(config, settings.Service, settings.Chart, needsChart: true, dir => ReleaseStep.ChartName(ReleaseSource.WorkingTree(config.RepositoryRoot, history), dir));
        var request = settings.Request();
        var tags = history.RemoteTags(remote);
        var remoteUrl = history.RemoteUrl(remote);

        ReleasePlan? plan = null;
        var write = new BranchWriter(repository, context.Log, settings.Retry).Write(remote, main, main, snapshot =>
        {
            plan = new ReleasePlanner(config, history, ReleaseSource.Commit(snapshot, history, tags), settings.Rules, settings.Format)
                .Plan(unit, request, bumpChart: true, writeChangelog: true, settings.Date ?? ReleaseSession.Of(context).Today, remoteUrl);
            return plan.NothingToRelease || plan.AlreadyTagged is not null
                ? new BranchChange("", [])
                : new BranchChange($"chore(release): {unit.Name} {ReleaseVersion.Text(plan.Version!)}\n\n{ReleaseCommit.Trailer}: {plan.Tag}\n", plan.Edits);
        }, ReleaseSession.Of(context).IsDryRun(settings), unit.ChartDir is { } chartDir ? new ChartLint(context, repository, chartDir).Verify : null);

        ReleaseStep.Notes(context.Log, plan!);
        if (ReleaseStep.Finished(context.Log, plan!) is { } finished)
        {
            return finished;
        }

        var (version, tag) = (ReleaseVersion.Text(plan!.Version!), plan.Tag!);
        var target = $"{remote}/{main}";
        if (write.Outcome == BranchWriteOutcome.Planned)
        {
            context.Log.Information("Dry run: would push the release commit \"{0}\" to {1} on top of {2}, then the annotated tag {3} on it (git push {4} refs/tags/{3}):",
                write.Message.Split('\n')[0], target, ShortCommit.Of(write.Parent), tag, remote);
            ReleaseStep.ShowDiffs(context.Log, write.Changes);
            return new ReleaseStepResult(unit.Name, version, tag, ReleaseOutcome.Planned, write.Changes);
        }

        // Unchanged: main already holds this release's edits (an earlier run pushed the commit, not the tag).
        var commit = write.Commit ?? history.FindCommit(write.Parent, $"{ReleaseCommit.Trailer}: {tag}") ?? write.Parent;
        if (write.Outcome == BranchWriteOutcome.Unchanged)
        {
            context.Log.Information("{0} already has {1} {2} in its chart and changelog (commit {3}) but no tag {4}: tagging it.", target, unit.Name, version, ShortCommit.Of(commit), tag);
        }

        if (ReleaseSession.Of(context).IsDryRun(settings))
        {
            context.Log.Information("Dry run: would push the annotated tag {0} on {1} (git push {2} refs/tags/{0}).", tag, ShortCommit.Of(commit), remote);
            return new ReleaseStepResult(unit.Name, version, tag, ReleaseOutcome.Planned, [], commit);
        }

        var tagObject = history.CreateTagObject(tag, commit, $"{unit.Name} {version}");
        var push = history.PushTag(remote, tagObject, tag);
        if (!push.IsAccepted)
        {
            throw new ReleaseException($"{remote} refused the tag {tag}: {push.Reason}; the release commit {ShortCommit.Of(commit)} is on {target}, so running ReleaseChart again only adds the tag once the cause is fixed.");
        }

        if (write.Outcome == BranchWriteOutcome.Committed)
        {
            context.Log.Information("Released {0} {1}: pushed {2} to {3}{4}", unit.Name, version, ShortCommit.Of(commit), target, write.Attempts > 1 ? $" after {write.Attempts} attempts (other pipelines pushed first)" : "");
            write.Changes.ToList().ForEach(change => context.Log.Information("  {0}", change.Path));
        }

        context.Log.Information("Tagged {0} ({1}) and pushed it to {2}. Your checkout is behind {3} now: git pull --tags.", tag, ShortCommit.Of(commit), remote, target);
        ReleasePublishing.Publish(ReleaseSession.Of(context), config, settings.Git, "ReleaseChart", dryRun: false);
        return new ReleaseStepResult(unit.Name, version, tag, ReleaseOutcome.Done, write.Changes, commit);
    }

    // The nearest folder holding a Chart.yaml, from a changed file up (a sub-chart's files belong to the sub-chart).
    private static string? ChartDirOf(ReleaseSource source, string file)
    {
        for (var dir = Path.GetDirectoryName(file)?.Replace('\\', '/') ?? ""; dir.Length > 0; dir = Path.GetDirectoryName(dir)?.Replace('\\', '/') ?? "")
        {
            if (source.Read($"{dir}/Chart.yaml") is not null)
            {
                return dir;
            }
        }

        return null;
    }
}
