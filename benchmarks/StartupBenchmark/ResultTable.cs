using System.Globalization;
using System.Text;

namespace StartupBenchmark;

/// <summary>The figures as a Markdown table, each median set against the peer's measured in the same run.</summary>
public static class ResultTable
{
    public static string Format(IReadOnlyList<Contender> contenders, IReadOnlyDictionary<Contender, List<TimeSpan>> times, Contender peer, Contender goalContender, double goalRatio)
    {
        var peerMedian = Median(times[peer]);
        var table = new StringBuilder()
            .AppendLine($"| Contender | Median ms | Min ms | × {peer.Name} |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var contender in contenders)
        {
            var runs = times[contender];
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {contender.Name} | {Median(runs):F0} | {runs.Min().TotalMilliseconds:F0} | {Median(runs) / peerMedian:F2}× |");
        }

        var ratio = Median(times[goalContender]) / peerMedian;
        var verdict = ratio <= goalRatio ? "met" : "NOT met";
        return table
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Goal {goalContender.Name} ≤ {goalRatio:F1}× {peer.Name}: {verdict} ({ratio:F2}×, {times[peer].Count} runs each).")
            .ToString();
    }

    /// <summary>The same table, with an absolute goal for one contender.</summary>
    public static string FormatAgainstGoal(IReadOnlyList<Contender> contenders, IReadOnlyDictionary<Contender, List<TimeSpan>> times, Contender peer, Contender goalContender, double goalMilliseconds)
    {
        var peerMedian = Median(times[peer]);
        var table = new StringBuilder()
            .AppendLine($"| Consumer pipeline | Median ms | Min ms | × {peer.Name} |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var contender in contenders)
        {
            var runs = times[contender];
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {contender.Name} | {Median(runs):F0} | {runs.Min().TotalMilliseconds:F0} | {Median(runs) / peerMedian:F2}× |");
        }

        var median = Median(times[goalContender]);
        return table
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Goal {goalContender.Name} ≤ {goalMilliseconds:F0} ms: {(median <= goalMilliseconds ? "met" : "NOT met")} ({median:F0} ms, {times[peer].Count} runs each).")
            .ToString();
    }

    private static double Median(List<TimeSpan> runs)
    {
        var sorted = runs.Select(r => r.TotalMilliseconds).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
