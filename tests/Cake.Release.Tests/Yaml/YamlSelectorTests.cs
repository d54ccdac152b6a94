using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

/// <summary>
/// Selectors (<c>[key=value]</c>) pick a list entry or a document by a key's value. Every edit is checked twice:
/// byte for byte against the expected text, and with YamlDotNet's representation model (a reader independent of
/// the surgery) that exactly the selected value changed.
/// </summary>
public sealed class YamlSelectorTests
{
    // Three Argo CD Applications of one environment, as seed 004 keeps them, with comments and CRLF line endings.
    private const string Applications =
        "# Applications of the staging environment\r\n" +
        "apiVersion: argoproj.io/v1alpha1\r\n" +
        "kind: Application\r\n" +
        "metadata:\r\n" +
        "  name: blue-staging # the blue app\r\n" +
        "spec:\r\n" +
        "  source:\r\n" +
        "    repoURL: https://github.com/acme/shop.git\r\n" +
        "    path: helm/charts/blue\r\n" +
        "    targetRevision: \"blue/chart-1.0.0\"   # pinned by the release\r\n" +
        "---\r\n" +
        "# payments: a chart without an image\r\n" +
        "apiVersion: argoproj.io/v1alpha1\r\n" +
        "kind: Application\r\n" +
        "metadata:\r\n" +
        "  name: payments-staging\r\n" +
        "  labels: {team: money}\r\n" +
        "spec:\r\n" +
        "  source:\r\n" +
        "    repoURL: https://github.com/acme/shop.git\r\n" +
        "    path: charts/payments\r\n" +
        "    targetRevision: payments/chart-0.3.0\r\n" +
        "---\r\n" +
        "apiVersion: argoproj.io/v1alpha1\r\n" +
        "kind: Application\r\n" +
        "metadata:\r\n" +
        "  name: 'green.v2-staging'\r\n" +
        "spec:\r\n" +
        "  sources:\r\n" +
        "    - repoURL: https://charts.example.com\r\n" +
        "      chart: green\r\n" +
        "      targetRevision: 2.0.0\r\n" +
        "    - repoURL: https://github.com/acme/shop.git\r\n" +
        "      targetRevision: main # values only\r\n" +
        "      ref: values\r\n";

    private static string Set(string text, string path, string value) =>
        YamlDocumentEditor.SetScalar(text, YamlPath.Parse(path), value, new YamlSetOptions { Document = null });

    /// <summary>The one scalar an edit changed, by document and path, as YamlDotNet reads before and after.</summary>
    private static (string Key, string Before, string After) OnlyChange(string before, string after)
    {
        var (was, now) = (ScalarInventory.Of(before), ScalarInventory.Of(after));
        Assert.Equal(was.Keys.Order(StringComparer.Ordinal), now.Keys.Order(StringComparer.Ordinal));
        var changed = was.Keys.Where(k => was[k] != now[k]).ToList();
        Assert.Single(changed);
        return (changed[0], was[changed[0]], now[changed[0]]);
    }

    [Fact]
    public void A_leading_selector_edits_the_document_it_names_and_only_its_value()
    {
        var edited = Set(Applications, "[metadata.name=payments-staging].spec.source.targetRevision", "payments/chart-0.4.0");

        Assert.Equal(Applications.Replace("targetRevision: payments/chart-0.3.0\r\n", "targetRevision: payments/chart-0.4.0\r\n", StringComparison.Ordinal), edited);
        Assert.Equal(("1:spec.source.targetRevision", "payments/chart-0.3.0", "payments/chart-0.4.0"), OnlyChange(Applications, edited));
    }

    [Fact]
    public void The_first_document_keeps_its_quotes_and_comments()
    {
        var edited = Set(Applications, "[metadata.name=blue-staging].spec.source.targetRevision", "blue/chart-1.1.0");

        Assert.Equal(Applications.Replace("\"blue/chart-1.0.0\"   # pinned", "\"blue/chart-1.1.0\"   # pinned", StringComparison.Ordinal), edited);
        Assert.Equal(("0:spec.source.targetRevision", "blue/chart-1.0.0", "blue/chart-1.1.0"), OnlyChange(Applications, edited));
    }

    [Fact]
    public void A_value_with_dots_is_written_as_is_and_a_quoted_one_reads_the_same()
    {
        var plain = Set(Applications, "[metadata.name=green.v2-staging].spec.sources[repoURL=https://charts.example.com].targetRevision", "2.1.0");
        var quoted = Set(Applications, "[metadata.name=\"green.v2-staging\"].spec.sources[repoURL=\"https://charts.example.com\"].targetRevision", "2.1.0");

        Assert.Equal(Applications.Replace("targetRevision: 2.0.0\r\n", "targetRevision: 2.1.0\r\n", StringComparison.Ordinal), plain);
        Assert.Equal(plain, quoted);
        Assert.Equal(("2:spec.sources[0].targetRevision", "2.0.0", "2.1.0"), OnlyChange(Applications, plain));
    }

    [Fact]
    public void A_list_entry_is_picked_by_its_key_and_by_a_dotted_key()
    {
        const string list = "apiVersion: v1\nkind: List\nitems:\n  - metadata:\n      name: blue-dev\n    spec: {source: {targetRevision: a}}\n  - metadata:\n      name: blue-staging # this one\n    spec:\n      source:\n        targetRevision: b\n";

        var edited = Set(list, "items[metadata.name=blue-staging].spec.source.targetRevision", "c");
        var flow = Set(list, "items[metadata.name=blue-dev].spec.source.targetRevision", "c");

        Assert.Equal(list.Replace("targetRevision: b\n", "targetRevision: c\n", StringComparison.Ordinal), edited);
        Assert.Equal(("0:items[1].spec.source.targetRevision", "b", "c"), OnlyChange(list, edited));
        Assert.Equal(list.Replace("{targetRevision: a}", "{targetRevision: c}", StringComparison.Ordinal), flow);
        Assert.Equal("b", YamlDocumentEditor.GetScalar(list, YamlPath.Parse("items[metadata.name=blue-staging].spec.source.targetRevision")));
    }

    [Fact]
    public void A_value_holding_equals_a_bracket_or_a_quote_goes_in_quotes()
    {
        const string text = "env:\n  - name: \"A=B]\"\n    value: x\n  - name: 'say \"hi\"'\n    value: y\n  - name: a=b\n    value: z\n";

        Assert.Equal(text.Replace("value: x", "value: 1x", StringComparison.Ordinal), Set(text, "env[name=\"A=B]\"].value", "1x"));
        Assert.Equal(text.Replace("value: y", "value: 1y", StringComparison.Ordinal), Set(text, "env[name=\"say \\\"hi\\\"\"].value", "1y"));
        Assert.Equal(text.Replace("value: z", "value: 1z", StringComparison.Ordinal), Set(text, "env[name=a=b].value", "1z"));
    }

    [Fact]
    public void In_a_single_document_whose_root_is_a_list_a_leading_selector_picks_an_entry()
    {
        const string text = "- name: blue\n  tag: 1\n- name: green\n  tag: 2\n";

        Assert.Equal("- name: blue\n  tag: 1\n- name: green\n  tag: \"3\"\n", Set(text, "[name=green].tag", "3"));
    }

    [Fact]
    public void A_re_run_returns_the_same_text_instance()
    {
        var once = Set(Applications, "[metadata.name=payments-staging].spec.source.targetRevision", "payments/chart-0.4.0");

        Assert.Same(once, Set(once, "[metadata.name=payments-staging].spec.source.targetRevision", "payments/chart-0.4.0"));
    }

    [Fact]
    public void The_value_a_document_was_selected_by_can_itself_be_set()
    {
        var edited = Set(Applications, "[metadata.name=payments-staging].metadata.name", "payments-stg");

        Assert.Equal(("1:metadata.name", "payments-staging", "payments-stg"), OnlyChange(Applications, edited));
    }

    [Fact]
    public void A_document_selector_that_matches_nothing_names_the_values_there()
    {
        var error = Assert.Throws<YamlEditException>(() => Set(Applications, "[metadata.name=red-staging].spec.source.targetRevision", "x"));

        Assert.Equal("line 2, column 1: the stream has no document whose metadata.name is \"red-staging\" (metadata.name found: \"blue-staging\", \"payments-staging\", \"green.v2-staging\"); fix the selector, or add the document first (documents are never created)", error.Message);
    }

    [Fact]
    public void A_list_selector_that_matches_nothing_names_the_list_and_the_values_there()
    {
        var error = Assert.Throws<YamlEditException>(() =>
            Set(Applications, "[metadata.name=green.v2-staging].spec.sources[repoURL=https://charts.example.org].targetRevision", "x"));

        Assert.Equal(30, error.Line);
        Assert.Equal("[metadata.name=green.v2-staging].spec.sources has no entry whose repoURL is \"https://charts.example.org\" (repoURL found: \"https://charts.example.com\", \"https://github.com/acme/shop.git\"); fix the selector, or add the entry first (entries are never created)", error.Problem);
    }

    [Fact]
    public void A_selector_over_entries_without_the_key_or_an_empty_list_says_so()
    {
        var without = Assert.Throws<YamlEditException>(() => Set("l:\n  - a: 1\n  - 2\n", "l[name=x].a", "v"));
        var empty = Assert.Throws<YamlEditException>(() => Set("l: []\nm:\n", "l[name=x].a", "v"));
        var nothing = Assert.Throws<YamlEditException>(() => Set("l: []\nm:\n", "m[name=x].a", "v"));

        Assert.Contains("l has no entry whose name is \"x\" (none of its 2 entries has name)", without.Message);
        Assert.Contains("l has no entry whose name is \"x\" (it has no entries)", empty.Message);
        Assert.Contains("m has no entry whose name is \"x\"", nothing.Message);
    }

    [Fact]
    public void Two_matches_are_refused_with_their_lines()
    {
        var twice = Applications.Replace("name: 'green.v2-staging'", "name: blue-staging", StringComparison.Ordinal);

        var documents = Assert.Throws<YamlEditException>(() => Set(twice, "[metadata.name=blue-staging].spec.source.targetRevision", "x"));
        var entries = Assert.Throws<YamlEditException>(() => Set("l:\n  - n: a\n  - n: b\n  - n: a\n", "l[n=a].v", "x"));

        Assert.Contains("the stream has 2 documents whose metadata.name is \"blue-staging\" (lines 2, 24), and [metadata.name=...] must pick one", documents.Message);
        Assert.Equal((4, 5), (entries.Line, entries.Column));
        Assert.Contains("l has 2 entries whose n is \"a\"", entries.Message);
    }

    [Fact]
    public void Creating_missing_keys_never_creates_a_selected_entry_or_document()
    {
        var inList = Assert.Throws<YamlEditException>(() =>
            YamlDocumentEditor.SetScalar("a: 1\n", YamlPath.Parse("l[name=x].v"), "v", YamlSetOptions.CreatingMissing));
        var inStream = Assert.Throws<YamlEditException>(() =>
            YamlDocumentEditor.SetScalar("", YamlPath.Parse("[name=x].v"), "v", YamlSetOptions.CreatingMissing));

        Assert.Contains("sequence entries are never created", inList.Message);
        Assert.Contains("the stream has no document whose name is \"x\" (it has no documents)", inStream.Message);
    }
}
