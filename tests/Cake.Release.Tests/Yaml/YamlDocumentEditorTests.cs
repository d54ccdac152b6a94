using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

public sealed class YamlDocumentEditorTests
{
    private static string Set(string text, string path, string value, bool create = false, int? document = 0) =>
        YamlDocumentEditor.SetScalar(text, YamlPath.Parse(path), value, new YamlSetOptions { CreateMissing = create, Document = document });

    [Theory]
    [InlineData("tag: 1.0.0 # pinned\n", "tag: 1.0.1 # pinned\n")]
    [InlineData("tag: '1.0.0'   # pinned\n", "tag: '1.0.1'   # pinned\n")]
    [InlineData("tag: \"1.0.0\"\t# tab before the comment\n", "tag: \"1.0.1\"\t# tab before the comment\n")]
    [InlineData("tag: 1.0.0\r\nnext: x\r\n", "tag: 1.0.1\r\nnext: x\r\n")]
    [InlineData("tag: 1.0.0", "tag: 1.0.1")]
    [InlineData("\uFEFFtag: 1.0.0\n", "\uFEFFtag: 1.0.1\n")]
    [InlineData("tag: &t 1.0.0\nother: *t\n", "tag: &t 1.0.1\nother: *t\n")]
    [InlineData("tag: !!str 1.0.0\n", "tag: !!str 1.0.1\n")]
    [InlineData("{tag: 1.0.0, x: [a, b]}\n", "{tag: 1.0.1, x: [a, b]}\n")]
    public void Changes_only_the_characters_of_the_value(string text, string expected)
    {
        Assert.Equal(expected, Set(text, "tag", "1.0.1"));
    }

    [Theory]
    [InlineData("v: 1.0\n", "1.10", "v: \"1.10\"\n")]
    [InlineData("v: a\n", "yes", "v: \"yes\"\n")]
    [InlineData("v: a\n", "off", "v: \"off\"\n")]
    [InlineData("v: a\n", "~", "v: \"~\"\n")]
    [InlineData("v: a\n", "null", "v: \"null\"\n")]
    [InlineData("v: a\n", "*star", "v: \"*star\"\n")]
    [InlineData("v: a\n", "&amp", "v: \"&amp\"\n")]
    [InlineData("v: a\n", "a: b", "v: \"a: b\"\n")]
    [InlineData("v: a\n", "a #b", "v: \"a #b\"\n")]
    [InlineData("v: a\n", " padded", "v: \" padded\"\n")]
    [InlineData("v: a\n", "", "v: \"\"\n")]
    [InlineData("v: a\n", "42", "v: \"42\"\n")]
    [InlineData("v: a\n", "0x1F", "v: \"0x1F\"\n")]
    [InlineData("v: a\n", "2025-01-20", "v: \"2025-01-20\"\n")]
    [InlineData("v: a\n", "line\nbreak", "v: \"line\\nbreak\"\n")]
    [InlineData("v: a\n", "1.6.1", "v: 1.6.1\n")]
    [InlineData("v: a\n", "sha256:abc", "v: sha256:abc\n")]
    [InlineData("v: a\n", "v1.10", "v: v1.10\n")]
    [InlineData("v: 'a'\n", "it's", "v: 'it''s'\n")]
    [InlineData("v: 'a'\n", "two\nlines", "v: \"two\\nlines\"\n")]
    [InlineData("v: \"a\"\n", "say \"hi\" \\o/", "v: \"say \\\"hi\\\" \\\\o/\"\n")]
    [InlineData("v: [a, b]\n", "x,y", "v: [a, \"x,y\"]\n")]
    public void Keeps_the_style_when_the_value_reads_back_the_same_and_quotes_when_not(string text, string value, string expected)
    {
        var path = text.Contains('[') ? "v[1]" : "v";

        Assert.Equal(expected, Set(text, path, value));
        Assert.Equal(value, YamlDocumentEditor.GetScalar(expected, YamlPath.Parse(path)));
    }

    [Fact]
    public void Returns_the_same_instance_when_the_value_is_already_there()
    {
        var text = "image:\n  tag: \"1.0\"\n";

        Assert.Same(text, Set(text, "image.tag", "1.0"));
    }

    [Fact]
    public void A_block_scalar_given_one_line_becomes_a_scalar_on_the_key_line()
    {
        const string text = "a: |\n  old\n  text\n\nb: 1\n";

        Assert.Equal("a: new\n\nb: 1\n", Set(text, "a", "new"));
    }

    [Fact]
    public void A_block_scalar_given_lines_stays_a_literal_block_at_its_indentation()
    {
        const string text = "a:\r\n  script: >\r\n      old\r\n  b: 1\r\n";

        var edited = Set(text, "a.script", "echo one\n\necho two\n");

        Assert.Equal("a:\r\n  script: |\r\n      echo one\r\n\r\n      echo two\r\n  b: 1\r\n", edited);
        Assert.Equal("1", YamlDocumentEditor.GetScalar(edited, YamlPath.Parse("a.b")));
    }

    [Fact]
    public void An_empty_value_gets_the_new_value_after_its_colon_keeping_the_comment()
    {
        Assert.Equal("a: x # later\nb: 1\n", Set("a: # later\nb: 1\n", "a", "x"));
    }

    [Fact]
    public void Creates_a_missing_key_at_the_end_of_its_mapping_with_the_siblings_indentation()
    {
        const string text = "image:\n    repository: blue # the app\n    # pullPolicy: Always\nservice:\n    port: 80\n";

        var edited = Set(text, "image.tag", "1.2.3", create: true);

        Assert.Equal("image:\n    repository: blue # the app\n    tag: 1.2.3\n    # pullPolicy: Always\nservice:\n    port: 80\n", edited);
    }

    [Fact]
    public void Creates_nested_mappings_with_the_document_indent_step_in_CRLF_without_a_final_newline()
    {
        const string text = "a:\r\n   x: 1\r\nb: 2";

        var edited = Set(text, "a.c.d.e", "v", create: true);

        Assert.Equal("a:\r\n   x: 1\r\n   c:\r\n      d:\r\n         e: v\r\nb: 2", edited);
    }

    [Fact]
    public void Creates_a_root_key_at_the_end_of_a_file_without_a_final_newline()
    {
        Assert.Equal("a: 1\nb: \"2\"", Set("a: 1", "b", "2", create: true));
        Assert.Equal("a: 1\r\nc: 2\r\nb: x", Set("a: 1\r\nc: 2", "b", "x", create: true));
    }

    [Fact]
    public void Creates_under_an_empty_key_and_in_an_empty_file()
    {
        Assert.Equal("spec:\n  source:\n    targetRevision: v2\nx: 1\n", Set("spec:\nx: 1\n", "spec.source.targetRevision", "v2", create: true));
        Assert.Equal("a:\n  b: c\n", Set("", "a.b", "c", create: true));
        Assert.Equal("# only a comment\na: b\n", Set("# only a comment\n", "a", "b", create: true));
    }

    [Fact]
    public void Creates_inside_flow_mappings()
    {
        Assert.Equal("a: {x: 1, z: \"2\"}\n", Set("a: {x: 1}\n", "a.z", "2", create: true));
        // `y` is a boolean to YAML 1.1 readers, so even as a key it is quoted.
        Assert.Equal("a: {x: 1, \"y\": v}\n", Set("a: {x: 1}\n", "a.y", "v", create: true));
        Assert.Equal("a: {b: {c: \"d,e\"}}\n", Set("a: {}\n", "a.b.c", "d,e", create: true));
        Assert.Equal("a: {\n  x: 1, w: z\n}\n", Set("a: {\n  x: 1\n}\n", "a.w", "z", create: true));
    }

    [Fact]
    public void Creates_a_key_that_needs_quotes_in_quotes()
    {
        Assert.Equal("m:\n  a: 1\n  \"app.kubernetes.io/name: x\": v\n", Set("m:\n  a: 1\n", "m.\"app.kubernetes.io/name: x\"", "v", create: true));
        Assert.Equal("m:\n  a: 1\n  \"8080\": v\n", Set("m:\n  a: 1\n", "m.\"8080\"", "v", create: true));
    }

    [Fact]
    public void Reads_quoted_keys_by_their_value()
    {
        const string text = "metadata:\n  annotations:\n    \"app.kubernetes.io/name\": blue\n    'x y': 1\n";

        Assert.Equal("blue", YamlDocumentEditor.GetScalar(text, YamlPath.Parse("metadata.annotations.\"app.kubernetes.io/name\"")));
        Assert.Equal("1", YamlDocumentEditor.GetScalar(text, YamlPath.Parse("metadata.annotations.\"x y\"")));
        Assert.Null(YamlDocumentEditor.GetScalar(text, YamlPath.Parse("metadata.labels.app")));
    }

    [Fact]
    public void Edits_the_chosen_document_or_the_first_that_has_the_path()
    {
        const string text = "kind: A\n---\nkind: B\nspec:\n  tag: 1\n...\n";

        Assert.Equal("kind: A\n---\nkind: C\nspec:\n  tag: 1\n...\n", Set(text, "kind", "C", document: 1));
        Assert.Equal("kind: A\n---\nkind: B\nspec:\n  tag: \"2\"\n...\n", Set(text, "spec.tag", "2", document: null));
        Assert.Equal("B", YamlDocumentEditor.GetScalar(text, YamlPath.Parse("kind"), document: 1));
        Assert.Null(YamlDocumentEditor.GetScalar(text, YamlPath.Parse("kind"), document: 2));
    }

    [Fact]
    public void A_merge_key_is_not_followed_so_creating_the_key_overrides_the_anchor_only_here()
    {
        const string text = "base: &base\n  tag: 1\nblue:\n  <<: *base\n  name: blue\n";

        var edited = Set(text, "blue.tag", "2", create: true);

        Assert.Equal("base: &base\n  tag: 1\nblue:\n  <<: *base\n  name: blue\n  tag: \"2\"\n", edited);
    }
}
