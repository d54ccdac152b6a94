using System.Globalization;
using System.Text;

namespace GitOpsWriters;

/// <summary>
/// One write with no other writer, per contender: wall time (median and minimum of the timed runs) beside git's
/// plumbing as a script, and, from one traced run, how many git commands it started and how long they ran, which
/// tells the write's own git work from the pipeline around it.
/// </summary>
public static class SingleWriteTable
{
    public static string Format(IReadOnlyList<Contender> contenders, IReadOnlyDictionary<Contender, List<TimeSpan>> times, IReadOnlyDictionary<Contender, (int Processes, TimeSpan Time)> traces, Contender floor)
    {
        var floorMedian = Medians.Of(times[floor].Select(t => t.TotalMilliseconds));
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"| One uncontended write ({times[floor].Count} runs) | Median ms | Min ms | × plumbing script | git commands | ms in git |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var contender in contenders)
        {
            var median = Medians.Of(times[contender].Select(t => t.TotalMilliseconds));
            var (processes, time) = traces[contender];
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {contender.Name} | {median:F0} | {times[contender].Min(t => t.TotalMilliseconds):F0} | {median / floorMedian:F1}× | {processes} | {time.TotalMilliseconds:F0} |");
        }

        return table.ToString();
    }
}
