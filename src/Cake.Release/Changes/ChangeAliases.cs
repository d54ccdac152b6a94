using System.Text;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Session;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Reporting;

namespace Cake.Release.Changes;

/// <summary>Finds the services a change touches, for the build and deploy steps that follow.</summary>
[CakeAliasCategory("Release")]
public static class ChangeAliases
{
    /// <summary>
    /// The services changed between each one's base and head, through their paths and <c>dependsOn</c>, each with
    /// its reasons. The base is <see cref="DetectChangedSettings.Base"/>; else what the auto environment runs; else
    /// the merge-base with the main branch; without any (first commit, unrelated or rewritten history) every service
    /// counts, and says why. A shallow clone is deepened until the base is reachable. Writes
    /// <c>artifacts/changed.json</c> and, on GitHub Actions, the <c>services</c> output and a step summary.
    /// </summary>
    /// <example><code>var changes = DetectChanged(new DetectChangedSettings { Base = "origin/main" }); foreach (var name in changes.Names) { ... }</code></example>
    [CakeMethodAlias]
    public static ChangeSet DetectChanged(this ICakeContext context, DetectChangedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);

        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var history = new ChangeHistory(context, config.RepositoryRoot, settings.Git);
        var changes = new ChangeDetection(config, history, () => new GitRepository(context, config.RepositoryRoot, settings.Git), context.Log)
            .Detect(settings.Base, settings.Head);

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

        return changes;
    }

    private static void Report(ICakeLog log, ReleaseConfig config, ChangeSet changes)
    {
        log.Information("{0} of {1} services changed at {2} ({3}).", changes.Services.Count, config.Services.Count, changes.Head[..7], ChangeSummary.DescribeMode(changes.Mode));
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
