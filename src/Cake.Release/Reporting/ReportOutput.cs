using System.Text;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;

namespace Cake.Release.Reporting;

/// <summary>
/// Where a report (Status, Metrics) goes: the log line by line, the GitHub job summary for Markdown, or a file under
/// the repository's artifacts/ (or <c>--output</c>) for JSON and HTML, which a dry run names and does not write.
/// </summary>
internal static class ReportOutput
{
    /// <summary>Writes <paramref name="text"/> to the log, a line per line.</summary>
    public static void Print(ICakeContext context, string text)
    {
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            context.Log.Information("{0}", line);
        }
    }

    /// <summary>Prints <paramref name="markdown"/> and appends it to the job summary on GitHub Actions (not in a dry run).</summary>
    // what: the report, as the log names it ("the matrix", "the metrics").
    public static void Summary(ICakeContext context, string markdown, string what, bool dryRun)
    {
        Print(context, markdown);
        var ci = CiOutputs.For(context);
        if (ci.IsGitHubActions && dryRun)
        {
            context.Log.Information("Dry run: {0} would be added to the job summary.", what);
        }
        else if (ci.AppendSummary(markdown))
        {
            context.Log.Information("Added {0} to the job summary.", what);
        }
    }

    /// <summary>
    /// The file <paramref name="text"/> goes to (<paramref name="output"/>, else artifacts/<paramref name="defaultName"/>
    /// under <paramref name="root"/>), written unless <paramref name="dryRun"/>; null in a dry run, which says where it would go.
    /// </summary>
    // planned: what a dry run says it would write, e.g. "the matrix (4 services in 3 environments)".
    public static string? Write(ICakeContext context, FilePath? output, string root, string defaultName, string text, bool dryRun, string planned)
    {
        var file = output?.MakeAbsolute(context.Environment).FullPath ?? System.IO.Path.Combine(root, "artifacts", defaultName);
        if (dryRun)
        {
            context.Log.Information("Dry run: {0} would be written to {1}.", planned, file);
            return null;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return file;
    }
}
