using System.Numerics;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Versioning;
using Xunit.Abstractions;

namespace Cake.Release.Tests.Interop;

/// <summary>
/// <see cref="Precedence"/> and <see cref="ReleaseVersion"/>'s grammar against node-semver in strict mode, on
/// versions generated with a fixed seed. Where the two differ, the difference must be one the spec explains.
/// </summary>
public sealed class SemVerInteropTests(ITestOutputHelper output)
{
    // node-semver keeps a numeric identifier as a JavaScript number, exact only below 2^53 (Number.MAX_SAFE_INTEGER).
    private static readonly BigInteger JavaScriptExact = BigInteger.Pow(2, 53);

    [Fact]
    public void Precedence_agrees_with_node_semver_on_generated_pairs_but_for_numbers_javascript_cannot_hold()
    {
        var pairs = Pairs(new Random(20250106)).ToList();
        var node = NodeInterop.Ask(new { semver = new { pairs = pairs.Select(p => new[] { p.Left, p.Right }) } }).GetProperty("semver").GetProperty("compare");

        var classes = new Dictionary<string, int>();
        var unexplained = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (left, right, kind) = pairs[i];
            classes[kind] = classes.GetValueOrDefault(kind) + 1;
            var ours = Precedence.SemVer.Compare(ReleaseVersion.Parse(left, "pair"), ReleaseVersion.Parse(right, "pair"));
            var theirs = node[i].GetInt32();
            if (ours == theirs)
            {
                continue;
            }

            // The only class where node and the spec part: two numeric identifiers that differ only beyond 2^53
            // become one double in JavaScript, so node calls them equal (never the other way round).
            var explained = theirs == 0 && FirstDifference(left, right) is var (a, b) && a.All(char.IsAsciiDigit) && b.All(char.IsAsciiDigit)
                && BigInteger.Max(BigInteger.Parse(a), BigInteger.Parse(b)) >= JavaScriptExact;
            if (explained)
            {
                classes["node: equal beyond 2^53"] = classes.GetValueOrDefault("node: equal beyond 2^53") + 1;
            }
            else
            {
                unexplained.Add($"{left} vs {right}: ours {ours}, node {theirs}");
            }
        }

        output.WriteLine(string.Join("\n", classes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(pairs.Count >= 2000, $"{pairs.Count} pairs");
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} of {pairs.Count} pairs differ from node-semver where the spec explains no difference:\n{string.Join("\n", unexplained.Take(20))}");
        Assert.True(classes.GetValueOrDefault("node: equal beyond 2^53") > 0, "the generator no longer reaches numbers beyond 2^53");
    }

    [Fact]
    public void The_grammar_agrees_with_node_semver_strict_but_where_node_trims_or_takes_a_v_or_we_stop_at_Int32()
    {
        var texts = Grammar(new Random(20250107)).Distinct().ToList();
        var node = NodeInterop.Ask(new { semver = new { valid = texts } }).GetProperty("semver").GetProperty("valid");

        var classes = new Dictionary<string, int>();
        var unexplained = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var ours = ReleaseVersion.TryParse(text, out _, out var problem);
            var theirs = node[i].ValueKind != System.Text.Json.JsonValueKind.Null;
            string? why = (ours, theirs) switch
            {
                _ when ours == theirs => null,
                // node-semver trims the input and takes a leading "v" even when strict; the spec's grammar has neither.
                (false, true) when text != text.Trim() => "node trims whitespace",
                (false, true) when text.StartsWith('v') => "node takes a leading v",
                // NuGet.Versioning holds MAJOR.MINOR.PATCH in Int32; node takes up to 2^53 - 1, the spec any size.
                (false, true) when problem!.Contains("above 2147483647", StringComparison.Ordinal) => "we stop at Int32",
                // node refuses versions longer than 256 characters; the spec sets no length.
                (true, false) when text.Length > 256 => "node stops at 256 characters",
                _ => "unexplained",
            };
            if (why is null)
            {
                classes[ours ? "both valid" : "both invalid"] = classes.GetValueOrDefault(ours ? "both valid" : "both invalid") + 1;
                continue;
            }

            classes[why] = classes.GetValueOrDefault(why) + 1;
            if (why == "unexplained")
            {
                unexplained.Add($"{Escape(text)}: ours {ours} ({problem}), node {theirs}");
            }
        }

        output.WriteLine(string.Join("\n", classes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));
        Assert.Empty(unexplained);
        Assert.True(classes.GetValueOrDefault("both invalid") > 100 && classes.GetValueOrDefault("both valid") > 100, string.Join(", ", classes));
    }

    // Pairs of valid versions, each drawn to exercise one rule of §11 (the kind says which).
    private static IEnumerable<(string Left, string Right, string Kind)> Pairs(Random random)
    {
        for (var i = 0; i < 300; i++)
        {
            var core = Core(random);
            var id = Alphanumeric(random);
            yield return ($"{core}-{id}", $"{core}-{Flip(random, id)}", "case");
            yield return ($"{core}-{id}.{Number(random)}", $"{core}-{id}.{Alphanumeric(random)}", "numeric vs alphanumeric");
            yield return ($"{core}-{id}.-{random.Next(0, 20)}", $"{core}-{id}.{random.Next(0, 20)}", "leading hyphen");
            var big = Big(random);
            yield return ($"{core}-rc.{big}", $"{core}-rc.{big + random.Next(-3, 4)}", "numbers beyond Int64");
            yield return ($"{core}-{Identifiers(random, random.Next(1, 4))}", $"{core}-{Identifiers(random, random.Next(1, 5))}", "pre-release lengths");
            yield return ($"{core}-{id}+{Build(random)}", $"{core}-{id}+{Build(random)}", "build metadata");
            yield return ($"{Core(random)}{Pre(random)}", $"{Core(random)}{Pre(random)}", "cores");
        }
    }

    // Texts near the grammar of §2, §9 and §10: valid ones and ones with one flaw each.
    private static IEnumerable<string> Grammar(Random random)
    {
        for (var i = 0; i < 150; i++)
        {
            var valid = $"{Core(random)}{Pre(random)}{(random.Next(2) == 0 ? "" : "+" + Build(random))}";
            yield return valid;
            yield return $"{Core(random)}-{Identifiers(random, 2)}.0{random.Next(0, 100)}";           // leading zero in a numeric identifier
            yield return $"0{random.Next(0, 10)}.{random.Next(0, 10)}.{random.Next(0, 10)}";          // leading zero in the core
            yield return $"{Core(random)}-{Identifiers(random, 1)}..{Identifiers(random, 1)}";         // empty identifier
            yield return $"{Core(random)}+{Build(random)}.";                                           // empty build identifier
            yield return $"{Core(random)}-{Identifiers(random, 1)}_{random.Next(0, 9)}";               // a character outside [0-9A-Za-z-]
            yield return $"{random.Next(0, 10)}.{random.Next(0, 10)}";                                 // two numbers
            yield return $"{Core(random)}.{random.Next(0, 10)}";                                       // four numbers
            yield return $"{Core(random)}-{Identifiers(random, 2)}\n";                                  // a final line break
            yield return $" {valid}";
            yield return $"v{valid}";
            yield return $"{(long)int.MaxValue + random.Next(1, 1000)}.{random.Next(0, 10)}.0";        // above Int32, below 2^53
            yield return $"{Core(random)}-build-{new string('x', random.Next(240, 260))}";             // long
            yield return $"{Core(random)}-{Identifiers(random, 1)}-";                                  // hyphens are allowed anywhere
            yield return $"{Core(random)}-00a.--.0";                                                   // digits with a letter or hyphen are alphanumeric
        }
    }

    private static string Core(Random random) => $"{random.Next(0, 3)}.{random.Next(0, 3)}.{random.Next(0, 3)}";

    private static string Pre(Random random) => random.Next(3) == 0 ? "" : "-" + Identifiers(random, random.Next(1, 4));

    private static string Identifiers(Random random, int count) =>
        string.Join('.', Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? Number(random) : Alphanumeric(random)));

    private static string Number(Random random) => random.Next(4) switch
    {
        0 => "0",
        1 => random.Next(1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => random.NextInt64(int.MaxValue - 5L, int.MaxValue + 5L).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Big(random).ToString(),
    };

    private static string Alphanumeric(Random random)
    {
        const string letters = "abcxyzABCXYZ-019";
        var text = new string(Enumerable.Range(0, random.Next(1, 6)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
        return text.All(char.IsAsciiDigit) ? text + "a" : text;
    }

    private static string Build(Random random) => string.Join('.', Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(2) == 0 ? "00" + random.Next(0, 9) : Alphanumeric(random)));

    // 2^53 ± a little, Int64's edge, and far beyond.
    private static BigInteger Big(Random random) => random.Next(3) switch
    {
        0 => JavaScriptExact + random.Next(-3, 4),
        1 => new BigInteger(long.MaxValue) + random.Next(-3, 4),
        _ => BigInteger.Parse("1" + new string('0', random.Next(19, 40))) + random.Next(0, 5),
    };

    private static string Flip(Random random, string text) =>
        new(text.Select(c => random.Next(2) == 0 ? c : char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

    // The first pre-release identifiers the two versions differ in (build metadata left out).
    private static (string, string)? FirstDifference(string left, string right)
    {
        static string[] Labels(string v) => v.Split('+')[0].Split('-', 2) is [_, var pre] ? pre.Split('.') : [];
        var (a, b) = (Labels(left), Labels(right));
        return a.Zip(b).Where(p => p.First != p.Second).Select(p => ((string, string)?)p).FirstOrDefault();
    }

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
