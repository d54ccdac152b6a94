using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

/// <summary>
/// Each corpus file, edited as its .expect file says, differs from the original in exactly the expected lines, and
/// an independent YAML reader finds the new value at the path and every other value as it was.
/// </summary>
public sealed class FidelityCorpusTests
{
    public static TheoryData<string> Cases() => [.. CorpusCase.Names()];

    [Fact]
    public void The_corpus_holds_at_least_25_files_each_with_its_expectation()
    {
        Assert.True(CorpusCase.Names().Count() >= 25);
        Assert.All(CorpusCase.Names(), name => Assert.True(File.Exists(Path.Combine(CorpusCase.Folder, name + ".expect")), name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_edit_changes_exactly_the_expected_lines(string name)
    {
        var corpus = CorpusCase.Load(name);

        var edited = corpus.Apply();

        var (removed, added) = ChangedLines(corpus.Text, edited);
        Assert.Equal(corpus.Removed, removed.Select(WithoutLineEnding));
        Assert.Equal(corpus.Added, added.Select(WithoutLineEnding));
        // Lines the edit writes end the way the file's lines do; only the file's last line may end without a break.
        var newline = corpus.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        Assert.All(added.SkipLast(1), line => Assert.EndsWith(newline, line));
        Assert.Equal(corpus.Text.EndsWith('\n'), edited.EndsWith('\n'));
        Assert.Equal(corpus.Text.StartsWith('\uFEFF'), edited.StartsWith('\uFEFF'));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_back_the_path_holds_the_new_value_and_every_other_value_is_unchanged(string name)
    {
        var corpus = CorpusCase.Load(name);
        var before = ScalarInventory.Of(corpus.Text);

        var edited = corpus.Apply();

        var after = ScalarInventory.Of(edited);
        var expected = new Dictionary<string, string>(before, StringComparer.Ordinal);
        foreach (var (key, value) in ExpectedChanges(corpus, before, after))
        {
            expected[key] = value;
        }

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), after.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Editing_again_with_the_same_value_returns_the_same_text_instance(string name)
    {
        var corpus = CorpusCase.Load(name);
        var edited = corpus.Apply();

        var again = corpus with { Text = edited };

        Assert.Same(edited, again.Apply());
    }

    private static IEnumerable<(string Key, string Value)> ExpectedChanges(CorpusCase corpus, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        if (corpus.IsImage)
        {
            var image = corpus.Image;
            var entry = Enumerable.Range(0, 100).First(i => after.GetValueOrDefault(ScalarInventory.Key(0, YamlPath.Parse($"images[{i}].name"))) == image.Name);
            yield return (ScalarInventory.Key(0, YamlPath.Parse($"images[{entry}].name")), image.Name);
            foreach (var (field, value) in new[] { ("newName", image.NewName), ("newTag", image.NewTag), ("digest", image.Digest) })
            {
                if (value is not null)
                {
                    yield return (ScalarInventory.Key(0, YamlPath.Parse($"images[{entry}].{field}")), value);
                }
            }

            yield break;
        }

        var path = YamlPath.Parse(corpus.Edit["path"]);
        var document = corpus.Edit.GetValueOrDefault("document") switch
        {
            null => 0,
            "any" => Enumerable.Range(0, 100).First(d => before.ContainsKey(ScalarInventory.Key(d, path))),
            var index => int.Parse(index, System.Globalization.CultureInfo.InvariantCulture),
        };
        yield return (ScalarInventory.Key(document, path), corpus.Edit["value"]);
        if (corpus.Edit.TryGetValue("also", out var also))
        {
            yield return (ScalarInventory.Key(document, YamlPath.Parse(also)), corpus.Edit["value"]);
        }
    }

    // The lines between the longest common run of whole lines (endings included) at the start and at the end.
    private static (List<string> Removed, List<string> Added) ChangedLines(string before, string after)
    {
        var old = SplitKeepingEndings(before);
        var changed = SplitKeepingEndings(after);
        var prefix = 0;
        while (prefix < old.Count && prefix < changed.Count && old[prefix] == changed[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < changed.Count - prefix && old[^(suffix + 1)] == changed[^(suffix + 1)])
        {
            suffix++;
        }

        return (old[prefix..^suffix], changed[prefix..^suffix]);
    }

    private static List<string> SplitKeepingEndings(string text) =>
        [.. System.Text.RegularExpressions.Regex.Split(text, "(?<=\n)").Where(line => line.Length > 0)];

    private static string WithoutLineEnding(string line) => line.TrimEnd('\n').TrimEnd('\r').TrimStart('\uFEFF');
}
