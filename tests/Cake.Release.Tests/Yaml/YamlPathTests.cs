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
    public void Parses_keys_indexes_and_quoted_keys(string text, string[] expected)
    {
        var path = YamlPath.Parse(text);

        var segments = path.Segments.Select(s => s switch
        {
            YamlPathSegment.MappingKey key => key.Name,
            YamlPathSegment.SequenceIndex index => $"[{index.Position}]",
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
    public void Refuses_bad_syntax_with_one_line_that_shows_how(string text, string expected)
    {
        var error = Assert.Throws<ReleaseException>(() => YamlPath.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith($"YAML path '{text}' is not valid", error.Message);
        Assert.Contains("images[0].newTag", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
