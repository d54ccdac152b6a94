using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

/// <summary>Every refusal is one line that starts with line and column, so a caller's "file:" prefix completes it.</summary>
public sealed class YamlEditErrorTests
{
    private const string Kustomization = """
        resources:
          - base
        images:
          - name: blue
            newTag: 1.0.0
          - name: green
            newTag: &g 2.0.0
        alias: *g
        """;

    [Theory]
    [InlineData("images[0]", 4, 5, "images[0] is a mapping, not a value; point the path at a scalar")]
    [InlineData("images", 4, 3, "images is a sequence, not a value; point the path at a scalar")]
    [InlineData("images[0].newTag.major", 5, 13, "images[0].newTag is a value, not a mapping, so the path images[0].newTag.major cannot go on")]
    [InlineData("images.name", 4, 3, "images is a sequence, not a mapping")]
    [InlineData("resources[0][1]", 2, 5, "resources[0] is a value, not a sequence")]
    [InlineData("images[2].newTag", 4, 3, "images has 2 entries, no [2]; use an index below 2 (entries are never created)")]
    [InlineData("images[0].digest", 4, 5, "images[0] has no key 'digest' (looking for images[0].digest); add it or allow creating missing keys")]
    [InlineData("alias", 8, 8, "alias is an alias of &g; set the value where the anchor is")]
    [InlineData("alias.x", 8, 8, "alias is an alias of &g; the path cannot go through an alias")]
    public void A_path_that_does_not_fit_names_line_column_and_the_fix(string path, int line, int column, string expected)
    {
        var error = Assert.Throws<YamlEditException>(() => YamlDocumentEditor.SetScalar(Kustomization, YamlPath.Parse(path), "x"));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"line {line}, column {column}: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Creating_never_adds_sequence_entries()
    {
        var error = Assert.Throws<YamlEditException>(() =>
            YamlDocumentEditor.SetScalar("a: 1\n", YamlPath.Parse("list[0].x"), "v", YamlSetOptions.CreatingMissing));

        Assert.Contains("sequence entries are never created; add the entry first", error.Message);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_YamlDotNet_line_and_column_without_its_prefix()
    {
        var error = Assert.Throws<YamlEditException>(() => YamlDocumentEditor.SetScalar("a: 1\nb: [1\n", YamlPath.Parse("a"), "2"));

        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Equal("line 3, column 1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'; fix the syntax there", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void A_broken_flow_sequence_that_trips_YamlDotNet_scanner_is_still_one_located_line()
    {
        // YamlDotNet 16.3 throws InvalidOperationException here rather than a YamlException.
        var error = Assert.Throws<YamlEditException>(() => YamlDocumentEditor.SetScalar("a: 1\nb: [1, 2\nc: 3\n", YamlPath.Parse("a"), "2"));

        Assert.Equal(2, error.Line);
        Assert.Contains("not valid YAML after this point (an unclosed bracket or quote?)", error.Message);
    }

    [Fact]
    public void A_document_that_is_not_there_is_refused()
    {
        var error = Assert.Throws<YamlEditException>(() =>
            YamlDocumentEditor.SetScalar("a: 1\n---\na: 2\n", YamlPath.Parse("a"), "3", new YamlSetOptions { Document = 2 }));

        Assert.Contains("there is no document 2: the text holds 2; choose a document from 0 to 1", error.Message);
    }

    [Fact]
    public void An_empty_document_is_refused_rather_than_guessed_at()
    {
        var error = Assert.Throws<YamlEditException>(() =>
            YamlDocumentEditor.SetScalar("---\n...\n", YamlPath.Parse("a"), "3", YamlSetOptions.CreatingMissing));

        Assert.Contains("is an empty document; write `{}` in it first", error.Message);
    }

    [Fact]
    public void A_refused_edit_leaves_the_caller_text_untouched_because_it_returns_nothing()
    {
        var text = Kustomization;

        Assert.Throws<YamlEditException>(() => YamlDocumentEditor.SetScalar(text, YamlPath.Parse("images"), "x"));

        Assert.Equal(Kustomization, text);
    }
}
