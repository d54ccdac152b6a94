using System.Text.Json;
using Cake.Release.Changes;

namespace Cake.Release.Reporting;

/// <summary>How a change set reads for people (log lines, a step summary) and for CI matrices.</summary>
public static class ChangeSummary
{
    /// <summary>The changed services as a compact JSON array, <c>["blue","green"]</c>: what <c>fromJSON</c> turns into a matrix.</summary>
    /// <param name="changes">The change set.</param>
    public static string ServicesArray(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return JsonSerializer.Serialize(changes.Names);
    }

    /// <summary>A Markdown step summary: a heading and one table row per changed service with its base and reasons.</summary>
    /// <param name="changes">The change set.</param>
    /// <param name="services">How many services release.yaml has.</param>
    public static string Markdown(ChangeSet changes, int services)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var heading = $"### DetectChanged: {changes.Services.Count} of {services} services changed at `{ShortCommit.Of(changes.Head)}`\n\n";
        if (changes.Services.Count == 0)
        {
            return heading + $"Nothing to build ({DescribeMode(changes.Mode)}).\n";
        }

        var rows = changes.Services.Select(s => (IReadOnlyList<string>)[s.Name, DescribeBase(s), string.Join("; ", s.Reasons.Select(r => r.Describe()))]);
        return heading + MarkdownTable.Render(["Service", "Base", "Why"], rows);
    }

    /// <summary>Where a service's base came from, in words: <c>3f2c1a0 (dev runs it)</c>.</summary>
    /// <param name="service">A changed service.</param>
    public static string DescribeBase(ChangedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var commit = service.Base is null ? "" : service.Base[..Math.Min(7, service.Base.Length)] + " ";
        return service.BaseSource switch
        {
            BaseSource.Argument => commit + "(--base)",
            BaseSource.Manifest => commit + "(deployed)",
            BaseSource.MergeBase => commit + "(merge-base)",
            _ => "(no base)",
        };
    }

    /// <summary>How the bases were chosen, in words.</summary>
    /// <param name="mode">The change set's mode.</param>
    public static string DescribeMode(ChangeMode mode) => mode switch
    {
        ChangeMode.Argument => "compared with --base",
        ChangeMode.Manifest => "each service compared with the commit it runs in the auto environment",
        ChangeMode.MergeBase => "compared with the merge-base with the main branch",
        ChangeMode.Everything => "no base to compare with: every service counts as changed",
        _ => "bases from the auto environment, the merge-base and none",
    };
}
