using System.Globalization;
using System.Text;

namespace GitOpsWriters;

/// <summary>Wall time until every writer finished, and updates lost, per contender, beside ours.</summary>
public static class ResultTable
{
    public static string Format(IReadOnlyList<Contender> contenders, IReadOnlyDictionary<Contender, List<Outcome>> results, int writers)
    {
        var ours = Median(results[contenders[0]]);
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"| {writers} writers, one branch | Median s | × ours | Landed (median of {results[contenders[0]].Count}) | Lost updates (all runs) |")
            .AppendLine("|---|---:|---:|---:|---:|");
        foreach (var contender in contenders)
        {
            var outcomes = results[contender];
            var landed = outcomes.Select(o => o.Landed).Order().ElementAt(outcomes.Count / 2);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {contender.Name} | {Median(outcomes):F1} | {Median(outcomes) / ours:F2}× | {landed}/{writers} | {outcomes.Sum(o => writers - o.Landed)} |");
        }

        return table.ToString();
    }

    private static double Median(List<Outcome> outcomes)
    {
        var sorted = outcomes.Select(o => o.Wall.TotalSeconds).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
