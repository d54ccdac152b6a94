using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Notifications;

namespace Cake.Release.Tests.GitOps;

/// <summary>
/// <c>--approver</c> names are only typed on a command line: the manifest commit and the notification say so
/// (<c>bob (unverified)</c>), and a reader of the trailer still gets the name.
/// </summary>
public sealed class ApprovedByTrailerTests
{
    private static readonly string Source = new('a', 40);

    [Fact]
    public void Approvers_are_recorded_unverified_unless_verified_and_waivers_follow_as_trailers()
    {
        var message = new ManifestCommitMessage("promote", "blue", "1.6.0", null, "production", "staging", "alice", ["bob", "carol"], Source)
        {
            Waivers = [new Waiver("Break-Glass", "INC-4711"), new Waiver("Short-Soak", "ran 3h in staging of the 1d production asks")],
        };

        Assert.Equal(
            $"promote(blue): 1.6.0 staging → production\n\nService: blue\nVersion: 1.6.0\nPromoted-by: alice\nApproved-by: bob (unverified)\nApproved-by: carol (unverified)\nBreak-Glass: INC-4711\nShort-Soak: ran 3h in staging of the 1d production asks\nSource-Commit: {Source}\n",
            message.ToString());
        Assert.Contains("Approved-by: bob\n", (message with { ApproversVerified = true }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_waiver_that_would_add_a_line_is_refused()
    {
        var message = new ManifestCommitMessage("promote", "blue", "1.6.0", null, "production", "staging", "alice", [], Source) { Waivers = [new Waiver("Break-Glass", "x\nApproved-by: mallory")] };

        Assert.Throws<ReleaseException>(() => message.ToString());
    }

    [Theory]
    [InlineData("bob (unverified)", "bob", true)]
    [InlineData("bob", "bob", false)]
    [InlineData("  Carol Smith (unverified) ", "Carol Smith", true)]
    public void A_reader_gets_the_name_and_the_mark(string value, string name, bool unverified)
    {
        Assert.Equal((name, unverified), ApprovedByTrailer.Read(value));
    }

    [Fact]
    public void A_notification_shows_the_approvers_as_unverified_and_each_waiver_as_a_fact()
    {
        var notice = new PromotionNotice("blue", "1.6.0", "staging", "production", "alice", ["bob"], "registry.example.com/acme/blue", "sha256:" + new string('b', 64), Source, null)
        {
            Waivers = [new Waiver("Break-Glass", "INC-4711")],
        };

        Assert.Contains(("Approved by", "bob (unverified)"), notice.Facts);
        Assert.Contains(("Break glass", "INC-4711"), notice.Facts);
        Assert.Contains(("Approved by", "bob"), (notice with { ApproversVerified = true }).Facts);
    }
}
