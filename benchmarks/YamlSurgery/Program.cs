using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cake.Release.Yaml;
using YamlDotNet.RepresentationModel;
using YamlSurgery;

// One value set in a 2,000-line values file: our surgery against YamlDotNet's load-modify-save round trip, both
// timed in this process, medians over N runs each, and how many bytes of the file each one changed.
var runs = 51;
if (args is ["--runs", var count] && int.TryParse(count, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
{
    runs = parsed;
}
else if (args.Length > 0)
{
    Console.Error.WriteLine("usage: YamlSurgery [--runs N]   (N > 0, default 51)");
    return 2;
}

var original = ValuesFile.Generate();
var target = ValuesFile.Name(ValuesFile.Services / 2);
const string NewTag = "2.0.0";

(string Name, Func<string, string> Set)[] methods =
[
    ("Cake.Release surgery", text => YamlDocumentEditor.SetScalar(text, YamlPath.Parse($"{target}.image.tag"), NewTag)),
    ("YamlDotNet load-modify-save", text =>
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        ((YamlScalarNode)root[target]["image"]["tag"]).Value = NewTag;
        var output = new StringWriter();
        stream.Save(output, assignAnchors: false);
        return output.ToString();
    }),
];

var results = new List<(string Name, double MedianMs, long BytesChanged, int LinesChanged, int CommentsKept)>();
var comments = CommentCount(original);
foreach (var (name, set) in methods)
{
    var edited = set(original); // untimed: JIT and first-use costs are not what a pipeline pays per file
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        set(original);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    results.Add((name, Median(times), BytesChanged(original, edited), LinesChanged(original, edited), CommentCount(edited)));
}

var ours = results[0].MedianMs;
var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"{original.Split('\n').Length - 1}-line values file, {Encoding.UTF8.GetByteCount(original)} bytes; set {target}.image.tag \"1.{ValuesFile.Services / 2}.0\" → \"{NewTag}\"; {runs} runs each")
    .AppendLine()
    .AppendLine("| Method | Median ms | × surgery | Bytes changed | Lines changed | Comments kept |")
    .AppendLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.MedianMs:F3} | {r.MedianMs / ours:F1}× | {r.BytesChanged} | {r.LinesChanged} | {r.CommentsKept} of {comments} |");
}

Console.Write(table);
return 0;

static double Median(List<double> times)
{
    var sorted = times.Order().ToList();
    var middle = sorted.Count / 2;
    return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The differing span of the UTF-8 bytes once the common start and end are set aside: for an edit of one value,
// the value's own bytes.
static long BytesChanged(string before, string after)
{
    var a = Encoding.UTF8.GetBytes(before);
    var b = Encoding.UTF8.GetBytes(after);
    var prefix = a.AsSpan().CommonPrefixLength(b);
    var suffix = 0;
    while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
    {
        suffix++;
    }

    return Math.Max(a.Length - prefix - suffix, b.Length - prefix - suffix);
}

static int LinesChanged(string before, string after)
{
    var old = before.Split('\n');
    var changed = after.Split('\n');
    var remaining = old.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
    var kept = changed.Count(line => remaining.TryGetValue(line, out var n) && n > 0 && (remaining[line] = n - 1) >= 0);
    return Math.Max(old.Length, changed.Length) - kept;
}

static int CommentCount(string text) => text.Split('\n').Count(line => line.Contains('#', StringComparison.Ordinal));
