using Cake.Release.Fragments;
using Cake.Release.Tests.Config;

namespace Cake.Release.Tests.Fragments;

/// <summary>The facts read from a manifest history and from release tags, without git: what changed makes a fact, nothing else does.</summary>
public sealed class ReleaseFactsTests : IDisposable
{
    private const string Repository = "github.com/acme/shop";
    private static readonly HashSet<string> NoHotfixes = [];
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private Cake.Release.Config.ReleaseConfig Config() => _repository.Parse("""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
          production:
            branch: gitops/production
            from: dev
        services:
          blue:
            path: projects/blue
          green:
            path: projects/green
            kind: frontend
        publish:
          repository: github.com/acme/shop
        """);

    private static string Manifest(string environment, params (string Service, string Version, string Deployed)[] entries) =>
        $"environment: {environment}\nservices:\n" + string.Concat(entries.Select(e =>
            $"  {e.Service}:\n    version: \"{e.Version}\"\n    image: r/{e.Service}\n    digest: sha256:{e.Version.Replace(".", "", StringComparison.Ordinal)}\n    commit: c0ffee\n    deployed: \"{e.Deployed}\"\n"));

    [Fact]
    public void Each_change_of_an_entry_is_one_fact_with_its_commit_action_and_approvers_and_untouched_entries_make_none()
    {
        // Newest first, as git log lists them.
        var revisions = new List<ManifestRevision>
        {
            new(new string('c', 40), "rollback(blue): 1.0.0 → production\n\nService: blue\nVersion: 1.0.0\nPromoted-by: alice\nSource-Commit: c0ffee",
                Manifest("production", ("blue", "1.0.0", "2026-12-03T10:00:00Z"), ("green", "2.0.0", "2026-12-01T09:00:00Z"))),
            new(new string('b', 40), "promote(blue): 1.1.0 dev → production\n\nService: blue\nVersion: 1.1.0\nPromoted-by: alice\nApproved-by: bob\nApproved-by: carol (unverified)\nSource-Commit: c0ffee",
                Manifest("production", ("blue", "1.1.0", "2026-12-02T10:00:00Z"), ("green", "2.0.0", "2026-12-01T09:00:00Z"))),
            new(new string('a', 40), "deploy: blue, green → production\n\nService: blue\nVersion: 1.0.0\nApproved-by: dave\n\nService: green\nVersion: 2.0.0\nApproved-by: erin",
                Manifest("production", ("blue", "1.0.0", "2026-12-01T09:00:00Z"), ("green", "2.0.0", "2026-12-01T09:00:00Z"))),
        };

        var facts = ReleaseFacts.Deployments(Config(), Repository, "production", null, revisions, NoHotfixes);

        Assert.Equal(["blue 1.0.0 deploy aaa", "green 2.0.0 deploy aaa", "blue 1.1.0 promote bbb", "blue 1.0.0 rollback ccc"],
            facts.Select(f => $"{f.Service} {f.Version} {f.Action} {f.Record[..3]}"));
        Assert.Equal(["dave"], facts[0].ApprovedBy);
        Assert.Equal(["erin"], facts[1].ApprovedBy);
        Assert.Equal(["bob", "carol (unverified)"], facts[2].ApprovedBy);
        Assert.Equal("frontend#github.com/acme/shop/green@production#2026-12-01T09:00:00Z", facts[1].SortKey);
    }

    [Fact]
    public void Past_a_published_commit_only_what_changed_since_is_a_fact_and_a_record_that_moves_deployed_alone_replaces_its_own_fact()
    {
        var baseline = Manifest("production", ("blue", "1.0.0", "2026-12-01T09:00:00Z"));
        var revisions = new List<ManifestRevision>
        {
            // After a pull request's merge the record moves deployed: to the merge; the proposal's fact becomes the merge's.
            new(new string('e', 40), "promote(blue): 1.1.0 dev → production\n\nService: blue\nPull-Request: https://forge/pr/7",
                Manifest("production", ("blue", "1.1.0", "2026-12-05T12:00:00Z"))),
            new(new string('d', 40), "promote(blue): 1.1.0 dev → production\n\nService: blue",
                Manifest("production", ("blue", "1.1.0", "2026-12-04T08:00:00Z"))),
        };

        var facts = ReleaseFacts.Deployments(Config(), Repository, "production", baseline, revisions, new HashSet<string> { "blue/1.1.0" });

        var fact = Assert.Single(facts);
        Assert.Equal(("1.1.0", FragmentActions.Hotfix, "2026-12-05T12:00:00Z", 'e'), (fact.Version, fact.Action, FragmentTime.Format(fact.At), fact.Record[0]));
    }

    [Fact]
    public void Release_tags_are_release_facts_with_their_date_digest_and_promoter_and_a_hotfix_tag_is_a_hotfix()
    {
        var at = DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var tags = new List<ReleaseTagRecord>
        {
            new("blue/1.1.0", new string('1', 40), at, "blue 1.1.0\n\nDigest: sha256:abc\nPromoted-by: alice\n"),
            new("blue/1.1.1", new string('2', 40), at.AddDays(1), "blue 1.1.1\n\nHotfix: 1234 on release/blue-1.1"),
            new("green/not-a-version", new string('3', 40), at, ""),
            new("red/1.0.0", new string('4', 40), at, ""),
        };

        var facts = ReleaseFacts.Releases(Config(), Repository, tags);

        Assert.Equal(["1.1.0 release", "1.1.1 hotfix"], facts.Select(f => $"{f.Version} {f.Action}"));
        Assert.Equal(("sha256:abc", "alice", "blue/1.1.0", "backend#github.com/acme/shop/blue", at), (facts[0].Digest, facts[0].By, facts[0].Tag, facts[0].SortKey, facts[0].At));
    }
}
