using System.Globalization;
using System.Text;

namespace GitOpsWriters;

/// <summary>Wall time until every writer finished, and updates lost, per contender, beside ours and the careful script.</summary>
public static class ResultTable
{
    public static string Format(IReadOnlyList<Contender> contenders, IReadOnlyDictionary<Contender, List<Outcome>> results, int writers, Contender ours, Contender peer)
    {
        var (oursMedian, peerMedian) = (Median(results[ours]), Median(results[peer]));
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"| {writers} writers, one branch | Median s | Min s | × careful script | × ours (pipeline) | Landed (median of {results[ours].Count}) | Lost updates (all runs) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var contender in contenders)
        {
            var outcomes = results[contender];
            var landed = outcomes.Select(o => o.Landed).Order().ElementAt(outcomes.Count / 2);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {contender.Name} | {Median(outcomes):F1} | {outcomes.Min(o => o.Wall.TotalSeconds):F1} | {Median(outcomes) / peerMedian:F2}× | {Median(outcomes) / oursMedian:F2}× | {landed}/{writers} | {outcomes.Sum(o => writers - o.Landed)} |");
        }

        return table.ToString();
    }

    private static double Median(List<Outcome> outcomes) => Medians.Of(outcomes.Select(o => o.Wall.TotalSeconds));
}

/// <summary>The median of a set of measurements.</summary>
public static class Medians
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
