using System.Text;
using Cake.Core.Diagnostics;
using Cake.Release.Changes;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Reporting;
using Cake.Release.Session;

namespace Cake.Release.Building;

/// <summary>
/// One DetectChanged: the change set, reported, written to <c>artifacts/changed.json</c> and the CI outputs, and
/// left in the session, where BuildOnce of the same run finds it.
/// </summary>
internal static class DetectChangedRun
{
    public static ChangeSet Run(ReleaseSession session, DetectChangedSettings settings)
    {
        var context = session.Context;
        var config = session.Config(settings.ConfigFile);
        var history = new ChangeHistory(context, config.RepositoryRoot, settings.Git);
        var changes = new ChangeDetection(config, history, context.Log).Detect(settings.Base, settings.Head);

        Report(context.Log, config, changes);
        if (settings.WriteOutputs)
        {
            var file = Path.Combine(config.RepositoryRoot, ChangeSetJson.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, ChangeSetJson.Write(changes), new UTF8Encoding(false));
            context.Log.Verbose("Wrote {0}", ChangeSetJson.RelativePath);

            var ci = CiOutputs.For(context);
            ci.SetOutput("services", ChangeSummary.ServicesArray(changes));
            ci.AppendSummary(ChangeSummary.Markdown(changes, config.Services.Count));
        }

        session.Keep(new DetectedChanges(config.RepositoryRoot, changes));
        return changes;
    }

    /// <summary>What DetectChanged found in this run, and in which repository: BuildOnce takes it only for the same one.</summary>
    internal sealed record DetectedChanges(string RepositoryRoot, ChangeSet Changes);

    private static void Report(ICakeLog log, ReleaseConfig config, ChangeSet changes)
    {
        log.Information("{0} of {1} services changed at {2} ({3}).", changes.Services.Count, config.Services.Count, ShortCommit.Of(changes.Head), ChangeSummary.DescribeMode(changes.Mode));
        var width = changes.Services.Select(s => s.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var service in changes.Services)
        {
            log.Information("  {0}  {1}  {2}", service.Name.PadRight(width), ChangeSummary.DescribeBase(service), string.Join("; ", service.Reasons.Select(r => r.Describe())));
        }

        if (changes.Unchanged.Count > 0)
        {
            log.Information("Unchanged: {0}", string.Join(", ", changes.Unchanged));
        }

        foreach (var file in changes.Outside)
        {
            log.Verbose("Outside every service (marks nothing): {0}", file);
        }
    }
}
