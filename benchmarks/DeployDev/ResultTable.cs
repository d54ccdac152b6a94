using System.Globalization;
using System.Text;

namespace DeployDevBenchmark;

/// <summary>The figures of one run as the README's table, the slopes below it.</summary>
internal static class ResultTable
{
    public static string Format(int runs, IReadOnlyList<Contender> contenders, IReadOnlyDictionary<Contender, Dictionary<int, List<double>>> times, IReadOnlyDictionary<(Contender, int), ProcessCount> counts)
    {
        var peer = contenders[^1];
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Monorepo.Services} services, K changed by the last push, every image already in the registry; {runs} runs each, round-robin after one warm-up.")
            .AppendLine()
            .AppendLine("| K | Contender | Median ms | Min ms | git processes | Commits | Pushes | × peer |")
            .AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var k in Monorepo.ChangedCounts)
        {
            foreach (var contender in contenders)
            {
                var list = times[contender][k];
                var count = counts.TryGetValue((contender, k), out var c) ? $"{c.Git} | {c.Commits} | {c.Pushes}" : "(as above) | 1 | 1";
                table.AppendLine(CultureInfo.InvariantCulture, $"| {k} | {contender.Name} | {Median(list):0} | {list.Min():0} | {count} | {Median(list) / Median(times[peer][k]):0.00}× |");
            }
        }

        var (low, high) = (Monorepo.ChangedCounts[0], Monorepo.ChangedCounts[^1]);
        table.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Marginal cost per extra service, (median at K={high} − median at K={low}) / {high - low}:").AppendLine();
        foreach (var contender in contenders)
        {
            var slope = (Median(times[contender][high]) - Median(times[contender][low])) / (high - low);
            table.AppendLine(CultureInfo.InvariantCulture, $"- {contender.Name}: {slope:0.00} ms");
        }

        return table.ToString();
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
