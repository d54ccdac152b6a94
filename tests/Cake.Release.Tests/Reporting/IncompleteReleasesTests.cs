using Cake.Release.Fragments;
using Cake.Release.Reporting;
using Cake.Release.Tests.Fragments;

namespace Cake.Release.Tests.Reporting;

/// <summary>The incomplete mark and the defensive reduction of current facts, on facts in memory.</summary>
public sealed class IncompleteReleasesTests
{
    private const string Shop = ReleaseRecordSeed.Shop;

    private static ReleaseFragment Fact(string service, string version, string? environment, int hours, string repository = Shop) =>
        ReleaseRecordSeed.Fact(repository, "backend", service, version, environment, hours);

    private static IReadOnlyDictionary<(string, string), string> Find(IEnumerable<ReleaseFragment> current, IEnumerable<ReleaseFragment> partitions) =>
        IncompleteReleases.Find(CurrentFacts.Reduce(current), partitions.GroupBy(f => f.Version).ToDictionary(g => g.Key, g => (IReadOnlyList<ReleaseFragment>)[.. g]));

    [Fact]
    public void A_release_running_for_some_members_in_an_environment_marks_the_others_there()
    {
        var a = Fact("a", "2.0.0", "production", 5);
        var b = Fact("b", "2.0.0", "production", 6);
        var c = Fact("c", "1.9.0", "production", 1);
        var cReleased = Fact("c", "2.0.0", null, 4);
        var d = Fact("d", "2.0.0", "staging", 3, repository: "gitlab.example.com/other");   // another repository, same names

        var notes = Find([a, b, c, d], [a, b, cReleased, d]);

        Assert.Equal("incomplete: 2.0.0 is in production for github.com/acme/shop/a, github.com/acme/shop/b, not here", notes[($"{Shop}/c", "production")]);
        // d's repository has no production (it runs only in staging, and publishes nothing else): not marked there.
        Assert.DoesNotContain(("gitlab.example.com/other/d", "production"), notes.Keys);
        // In staging only d runs 2.0.0; shop has no staging in this record (nothing runs there, no mark): nothing marked.
        Assert.Single(notes);

        // Once shop publishes staging, its members missing there are marked.
        var published = new Dictionary<string, IReadOnlyList<string>> { [Shop] = ["staging", "production"] };
        var withMarks = IncompleteReleases.Find(CurrentFacts.Reduce([a, b, c, d]), new Dictionary<string, IReadOnlyList<ReleaseFragment>> { ["2.0.0"] = [a, b, cReleased, d] }, published);
        Assert.Equal(["a", "b", "c"], withMarks.Keys.Where(k => k.Item2 == "staging").Select(k => k.Item1.Split('/')[^1]).Order());
        Assert.Equal(4, withMarks.Count);
    }

    [Fact]
    public void A_version_of_one_component_is_never_incomplete_and_a_member_past_the_release_is_not_marked()
    {
        var alone = Fact("a", "3.0.0", "production", 1);
        var bNewer = Fact("b", "2.1.0", "production", 2);
        var aOld = Fact("a", "2.0.0", "staging", 0);
        var b2 = Fact("b", "2.0.0", "staging", 0);
        var aProd2 = Fact("a", "2.0.0", "dev", 0);

        var notes = Find([alone, bNewer, aOld, b2, aProd2], [alone, aOld, b2, aProd2]);

        // 3.0.0 has one member; in staging both run 2.0.0; in production b runs 2.1.0, past 2.0.0, and a runs 3.0.0.
        // In dev a runs 2.0.0 and b nothing: b is marked there.
        Assert.Equal([($"{Shop}/b", "dev")], notes.Keys);
    }

    [Fact]
    public void A_member_deployed_past_a_shared_build_tag_is_not_marked_but_one_left_behind_is()
    {
        // One DeployDev gives every service it deploys the same build tag: sha-4fd4ffe is a version partition of three.
        var blueFirst = Fact("blue", "sha-4fd4ffe", "dev", 1);
        var green = Fact("green", "sha-4fd4ffe", "dev", 1);
        var red = Fact("red", "sha-4fd4ffe", "dev", 1);
        var blueFix = Fact("blue", "sha-5c7aea7", "dev", 2);   // blue alone rebuilt later: past the shared build
        var redBack = Fact("red", "sha-0000001", "dev", 0);     // red's older build, current again after a rollback
        var redRollback = redBack with { At = red.At.AddHours(1), Action = FragmentActions.Rollback };

        var moved = Find([blueFirst, green, red, blueFix], [blueFirst, green, red]);
        Assert.Empty(moved);

        // red rolled back to an older build after the shared one: later, but a rollback goes back, so it is marked.
        var rolledBack = Find([blueFirst, green, red, redRollback], [blueFirst, green, red]);
        Assert.Equal([($"{Shop}/red", "dev")], rolledBack.Keys);

        // A member whose current build reached dev before the shared one (it was never deployed there since) is behind.
        var behind = Find([blueFirst, green, redBack], [blueFirst, green, red]);
        Assert.Equal([($"{Shop}/red", "dev")], behind.Keys);
    }

    [Fact]
    public void Two_facts_marked_current_for_one_component_reduce_to_the_newest_then_the_greater_sort_key()
    {
        var older = Fact("a", "1.0.0", "production", 1);
        var newer = Fact("a", "1.1.0", "production", 2);
        var tieLow = Fact("b", "1.0.0", "production", 3);
        var tieHigh = Fact("b", "1.0.1", "production", 3) with { Kind = "frontend" };

        var current = CurrentFacts.Reduce([newer, older, tieHigh, tieLow]);

        Assert.Equal("1.1.0", current[($"{Shop}/a", "production")].Version);
        Assert.Equal("1.0.1", current[($"{Shop}/b", "production")].Version);
        Assert.Equal(current, CurrentFacts.Reduce([older, tieLow, newer, tieHigh]));
    }
}
