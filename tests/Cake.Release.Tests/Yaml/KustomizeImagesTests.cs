using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

public sealed class KustomizeImagesTests
{
    private const string Digest = "sha256:3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c3f2c";

    [Fact]
    public void Only_the_entry_of_that_name_changes_and_only_in_the_fields_given()
    {
        const string text = "images:\n- name: green\n  newTag: 1.5.0\n- name: blue\n  newTag: 1.5.0\n  newName: x/blue\n";

        var edited = KustomizeImages.SetImage(text, new KustomizeImage("blue", NewTag: "1.6.0"));

        Assert.Equal("images:\n- name: green\n  newTag: 1.5.0\n- name: blue\n  newTag: 1.6.0\n  newName: x/blue\n", edited);
    }

    [Fact]
    public void A_first_entry_goes_under_an_empty_images_key()
    {
        Assert.Equal("images: # none yet\n- name: blue\n  digest: " + Digest + "\nresources: [a]\n",
            KustomizeImages.SetImage("images: # none yet\nresources: [a]\n", new KustomizeImage("blue", Digest: Digest)));
    }

    [Fact]
    public void An_entry_joins_an_empty_flow_list_in_flow_style()
    {
        Assert.Equal("images: [{name: blue, newTag: \"1.10\"}]\n", KustomizeImages.SetImage("images: []\n", new KustomizeImage("blue", NewTag: "1.10")));
    }

    [Fact]
    public void An_empty_file_gets_an_images_list()
    {
        Assert.Equal("images:\n- name: blue\n  newTag: 1.6.0\n", KustomizeImages.SetImage("", new KustomizeImage("blue", NewTag: "1.6.0")));
    }

    [Fact]
    public void Setting_what_is_there_returns_the_same_instance()
    {
        var text = "images:\n  - name: blue\n    newTag: 1.6.0\n";

        Assert.Same(text, KustomizeImages.SetImage(text, new KustomizeImage("blue", NewTag: "1.6.0")));
    }

    [Theory]
    [InlineData("", "1.0", null, "needs the name the resources use")]
    [InlineData("blue", null, null, "nothing to set for image blue: give a newName, a newTag or a digest")]
    [InlineData("blue", null, "sha256:short", "'sha256:short' for image blue is not a digest; write algorithm:hex")]
    public void Bad_image_fields_are_refused_in_one_line(string name, string? tag, string? digest, string expected)
    {
        var error = Assert.Throws<ReleaseException>(() => KustomizeImages.SetImage("images: []\n", new KustomizeImage(name, NewTag: tag, Digest: digest)));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("images: blue\n", "line 1, column 9: images is a value, but kustomize expects a list of `- name:` entries")]
    [InlineData("images:\n  blue: 1\n", "line 2, column 3: images is a mapping, but kustomize expects a list")]
    [InlineData("- a\n", "line 1, column 1: a kustomization is a block mapping of fields, and this one is a sequence")]
    public void A_kustomization_of_another_shape_is_refused_at_its_line(string text, string expected)
    {
        var error = Assert.Throws<YamlEditException>(() => KustomizeImages.SetImage(text, new KustomizeImage("blue", NewTag: "1")));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Path_values_go_to_the_document_holding_most_of_the_path_creating_what_is_missing()
    {
        const string text = "kind: AppProject\n---\nkind: Application\nspec:\n  source:\n    repoURL: x\n";

        Assert.Equal("kind: AppProject\n---\nkind: Application\nspec:\n  source:\n    repoURL: x\n    targetRevision: blue/1.6.0\n",
            PathValue.Set(text, "spec.source.targetRevision", "blue/1.6.0"));
        Assert.Equal("kind: AppProject\n---\nkind: Application\nspec:\n  source:\n    repoURL: z\n", PathValue.Set(text, "spec.source.repoURL", "z"));
    }
}
