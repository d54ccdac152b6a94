using Cake.Release.Registry;

namespace Cake.Release.Tests.Registry;

public sealed class TagPolicyTests
{
    private static readonly ImageReference Image = ImageReference.Parse("127.0.0.1:5000/acme/blue:sha-3f2c1ab");
    private static readonly string Built = ImageDigest.Of("built"u8);
    private static readonly string Older = ImageDigest.Of("older"u8);
    private static readonly HashSet<string> Environments = ["dev", "stg", "prd"];

    [Fact]
    public void New_tags_are_created_movable_ones_move_and_tags_already_there_are_left()
    {
        var current = new Dictionary<string, string?> { ["stg"] = Older, ["1.6.0"] = null, ["dev"] = Built };

        var changes = TagPolicy.Plan(Image, Built, ["stg", "1.6.0", "dev"], current, Environments);

        Assert.Equal(
            [new TagChange("1.6.0", TagAction.Created, null), new TagChange("stg", TagAction.Moved, Older), new TagChange("dev", TagAction.Unchanged, Built)],
            changes);
    }

    [Fact]
    public void A_version_tag_that_names_another_digest_is_refused_with_both_digests()
    {
        var current = new Dictionary<string, string?> { ["1.6.0"] = Older };

        var error = Assert.Throws<ReleaseException>(() => TagPolicy.Plan(Image, Built, ["stg", "1.6.0"], current, Environments));

        Assert.Contains($"127.0.0.1:5000/acme/blue:1.6.0 already names {Older}, not {Built}; a version tag never moves", error.Message);
    }

    [Fact]
    public void Latest_is_refused_as_a_version_but_may_be_declared_movable()
    {
        var error = Assert.Throws<ReleaseException>(() => TagPolicy.CheckNames(Image, ["latest"], Environments));
        Assert.Contains("'latest' is refused as a version tag", error.Message);

        Assert.Equal(["latest"], TagPolicy.CheckNames(Image, ["latest"], new HashSet<string> { "latest" }));
    }

    [Theory]
    [InlineData(new string[0], "no tag given")]
    [InlineData(new[] { "1.6.0", ".hidden" }, "'.hidden' is not a tag")]
    public void Tags_that_cannot_be_set_are_refused(string[] tags, string message) =>
        Assert.Contains(message, Assert.Throws<ReleaseException>(() => TagPolicy.CheckNames(Image, tags, Environments)).Message);
}
