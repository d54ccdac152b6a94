using Cake.Release.Manifests;
using Cake.Release.Metrics;

namespace Cake.Release.Tests.Metrics;

/// <summary>How a manifest's history becomes deployment events: the file's entries say what changed, the subject how.</summary>
public sealed class ManifestChangesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ManifestEntry Entry(string version, int minutes, string? from = "staging", string? commit = null) =>
        new(version, "registry.example.com/acme/x", $"sha256:{version}", commit ?? $"c-{version}", Start.AddMinutes(minutes), "bot", from);

    private static ManifestRevision Revision(string message, params (string Service, ManifestEntry Entry)[] entries)
    {
        var manifest = EnvironmentManifest.Empty("production");
        foreach (var (service, entry) in entries)
        {
            manifest = manifest.WithEntry(service, entry);
        }

        return new ManifestRevision(Guid.NewGuid().ToString("N"), message, manifest);
    }

    [Fact]
    public void Each_changed_entry_is_one_event_of_the_kind_its_commit_says()
    {
        var blue1 = Entry("1.0.0", 0);
        var green1 = Entry("2.0.0", 5);
        var blue2 = Entry("1.1.0", 10);
        var blueBack = Entry("1.0.0", 20, from: null);
        var blueFix = Entry("1.0.1", 30, commit: "off-main");
        ManifestRevision[] history =
        [
            Revision("promote(blue): 1.0.0 staging → production\n\nService: blue\n", ("blue", blue1)),
            // green's commit leaves blue's entry as it was: no event for blue.
            Revision("promote(green): 2.0.0 staging → production\n\nService: green\n", ("blue", blue1), ("green", green1)),
            Revision("promote(blue): 1.1.0 staging → production\n\nService: blue\n", ("blue", blue2), ("green", green1)),
            Revision("rollback(blue): 1.0.0 → production\n\nService: blue\n", ("blue", blueBack), ("green", green1)),
            // Promoted like any release; the source commit off the main branch is what makes it a hotfix.
            Revision("promote(blue): 1.0.1 staging → production\n\nService: blue\n", ("blue", blueFix), ("green", green1)),
        ];

        var events = ManifestChanges.Events("production", history, (_, entry) => entry.Commit == "off-main");

        Assert.Equal(
            ["blue 1.0.0 Promote", "green 2.0.0 Promote", "blue 1.1.0 Promote", "blue 1.0.0 Rollback", "blue 1.0.1 Hotfix"],
            events.Select(e => $"{e.Service} {e.Version} {e.Kind}"));
        Assert.Equal([0, 5, 10, 20, 30], events.Select(e => (int)(e.Deployed - Start).TotalMinutes));
        Assert.All(events, e => Assert.Equal("production", e.Environment));
        Assert.Equal(("sha256:1.0.1", "off-main"), (events[^1].Digest, events[^1].SourceCommit));
    }

    [Fact]
    public void A_commit_of_several_services_gives_one_event_each_and_a_record_moves_the_deployed_time()
    {
        ManifestRevision[] history =
        [
            Revision("deploy(blue): sha-1 → dev\n\nService: blue\nService: green\n", ("blue", Entry("sha-1", 0, from: null)), ("green", Entry("sha-2", 0, from: null))),
            // The record of a merged pull request: same release, deployed at the merge.
            Revision("promote(blue): sha-1 → dev\n\nPull-Request: 7\n", ("blue", Entry("sha-1", 45, from: null)), ("green", Entry("sha-2", 0, from: null))),
        ];

        var events = ManifestChanges.Events("dev", history, (_, _) => false);

        Assert.Equal(["blue sha-1 Deploy 45", "green sha-2 Deploy 0"], events.Select(e => $"{e.Service} {e.Version} {e.Kind} {(int)(e.Deployed - Start).TotalMinutes}"));
    }

    [Fact]
    public void A_back_port_subject_is_a_hotfix_but_a_service_named_hotfix_is_not()
    {
        ManifestRevision[] history =
        [
            Revision("promote(hotfix-ui): 1.0.0 staging → production\n\nService: hotfix-ui\n", ("hotfix-ui", Entry("1.0.0", 0))),
            Revision("backport(blue): hotfix 1.6.2 staging → production\n", ("hotfix-ui", Entry("1.0.0", 0)), ("blue", Entry("1.6.2", 5))),
        ];

        var events = ManifestChanges.Events("production", history, (_, _) => false);

        Assert.Equal(["hotfix-ui Promote", "blue Hotfix"], events.Select(e => $"{e.Service} {e.Kind}"));
    }

    [Fact]
    public void A_deleted_manifest_ends_what_ran_so_the_next_entry_is_a_new_deployment()
    {
        var entry = Entry("1.0.0", 0);
        ManifestRevision[] history =
        [
            Revision("promote(blue): 1.0.0 staging → production\n", ("blue", entry)),
            new ManifestRevision("deleted", "chore: remove the manifest", null),
            Revision("promote(blue): 1.0.0 staging → production\n", ("blue", entry)),
        ];

        Assert.Equal(2, ManifestChanges.Events("production", history, (_, _) => false).Count);
    }
}
