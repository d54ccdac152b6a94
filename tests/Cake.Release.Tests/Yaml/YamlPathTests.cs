using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

public sealed class YamlPathTests
{
    [Theory]
    [InlineData("image.tag", new[] { "image", "tag" })]
    [InlineData("images[0].newTag", new[] { "images", "[0]", "newTag" })]
    [InlineData("[2].name", new[] { "[2]", "name" })]
    [InlineData("metadata.annotations.\"app.kubernetes.io/name\"", new[] { "metadata", "annotations", "app.kubernetes.io/name" })]
    [InlineData("\"key with spaces\".\"say \\\"hi\\\"\"", new[] { "key with spaces", "say \"hi\"" })]
    [InlineData("matrix[1][12]", new[] { "matrix", "[1]", "[12]" })]
    [InlineData("spec.sources[repoURL=https://x.example/a=b].targetRevision", new[] { "spec", "sources", "{repoURL=https://x.example/a=b}", "targetRevision" })]
    [InlineData("[metadata.name=blue-dev].spec", new[] { "{metadata|name=blue-dev}", "spec" })]
    [InlineData("items[metadata.name=\"a.b\"][0]", new[] { "items", "{metadata|name=a.b}", "[0]" })]
    [InlineData("l[\"a=b\".\"c d\"=\" x]\\\"\"]", new[] { "l", "{a=b|c d= x]\"}" })]
    [InlineData("l[name=\"\"]", new[] { "l", "{name=}" })]
    public void Parses_keys_indexes_and_quoted_keys(string text, string[] expected)
    {
        var path = YamlPath.Parse(text);

        var segments = path.Segments.Select(s => s switch
        {
            YamlPathSegment.MappingKey key => key.Name,
            YamlPathSegment.SequenceIndex index => $"[{index.Position}]",
            YamlPathSegment.ItemSelector selector => $"{{{string.Join('|', selector.Key)}={selector.Value}}}",
            _ => throw new InvalidOperationException(),
        });
        Assert.Equal(expected, segments);
        Assert.Equal(path.Segments, YamlPath.Parse(path.ToString()).Segments);
    }

    [Theory]
    [InlineData("", "character 1")]
    [InlineData("a..b", "character 3")]
    [InlineData("a.", "character 3")]
    [InlineData("a[x]", "an index is a number")]
    [InlineData("a[-1]", "an index is a number")]
    [InlineData("a[1", "an index is a number")]
    [InlineData("a.\"b", "missing its closing quote")]
    [InlineData("a b", "cannot follow")]
    [InlineData("a. b", "white space goes in double quotes")]
    [InlineData("a[0]b", "cannot follow")]
    [InlineData("a.\"b\\n\"", "only \\\" and \\\\ are escapes")]
    [InlineData("a[name]", "a selector is [key=value]")]
    [InlineData("a[=x]", "a key is missing")]
    [InlineData("a[n=]", "write an empty value")]
    [InlineData("a[n= x]", "white space at its ends, in double quotes")]
    [InlineData("a[n=x", "a selector's value goes up to the closing bracket")]
    [InlineData("a[n=\"x\"y]", "a selector ends with ']' right after its value")]
    [InlineData("a[n=\"x]", "a quoted value is missing its closing quote")]
    [InlineData("a[n x=y]", "a selector is [key=value]")]
    public void Refuses_bad_syntax_with_one_line_that_shows_how(string text, string expected)
    {
        var error = Assert.Throws<ReleaseException>(() => YamlPath.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith($"YAML path '{text}' is not valid", error.Message);
        Assert.Contains("images[0].newTag", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
