using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// One service's entries along a manifest's history, read from its own lines (and skipped where they did not change),
/// against the full read of every revision, on a real repository, across the shapes a manifest takes.
/// </summary>
public sealed class ServiceRevisionsTests : IDisposable
{
    private const string Path = "release-manifests/production.yaml";
    private readonly GitRemote _remote = new();

    public void Dispose() => _remote.Dispose();

    public static TheoryData<string> Services => ["blue", "green", "red"];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_revision_gives_the_entry_a_full_read_gives(string service)
    {
        var clone = _remote.Clone();
        string[] texts =
        [
            "environment: production\nservices:\n  blue:\n    version: \"1.0.0\"\n    image: registry.example.com:5000/acme/blue\n    digest: sha256:" + new string('1', 64) + "\n    deployed: \"2025-01-20T10:04:00Z\"\n",
            // Another service deployed: blue's lines are the same bytes.
            "environment: production\nservices:\n  blue:\n    version: \"1.0.0\"\n    image: registry.example.com:5000/acme/blue\n    digest: sha256:" + new string('1', 64) + "\n    deployed: \"2025-01-20T10:04:00Z\"\n  green:\n    version: '2.0.0'\n    deployed: 2025-01-21T10:04:00Z\n",
            // Comments, a blank line and a comment at the first column inside blue's entry; green quoted as a key.
            "environment: production\nservices:\n  # the web front\n  blue:\n    version: \"1.1.0\" # hotfix\n\n# kept by hand\n    image: registry.example.com:5000/acme/blue\n    deployed: \"2025-01-22T10:04:00Z\"\n    by: \"Jo # Ops\"\n  \"green\":\n    version: \"2.0.0\"\n    deployed: \"2025-01-21T10:04:00Z\"\n",
            // Four spaces of indentation, a key a newer version added, and a top-level key after services:.
            "environment: production\nservices:\n    blue:\n        version: \"1.2.0\"\n        image: registry.example.com:5000/acme/blue\n        deployed: \"2025-01-23T10:04:00Z\"\n        signed: true\n    green:\n        version: \"2.1.0\"\n        deployed: \"2025-01-23T11:04:00Z\"\nwaivers:\n  red: {}\n",
            // A top-level key before services: holding a key named like the service.
            "environment: production\nnotes:\n  blue:\n    version: \"9.9.9\"\nservices:\n  blue:\n    version: \"1.2.0\"\n    deployed: \"2025-01-23T10:04:00Z\"\n",
            // Flow style and CR LF endings.
            "environment: production\nservices: { blue: { version: \"1.3.0\", deployed: \"2025-01-24T10:04:00Z\" }, red: { version: \"0.1.0\", deployed: \"2025-01-24T10:04:00Z\" } }\n",
            "environment: production\r\nservices:\r\n  blue:\r\n    version: \"1.3.0\"\r\n    deployed: \"2025-01-24T10:04:00Z\"\r\n",
            // Blue's entry does not read; then blue gone, and nothing at all.
            "environment: production\nservices:\n  blue:\n    image: registry.example.com/acme/blue\n  red:\n    version: \"0.2.0\"\n    deployed: \"2025-01-25T10:04:00Z\"\n",
            "environment: production\nservices:\n  red:\n    version: \"0.2.0\"\n    deployed: \"2025-01-25T10:04:00Z\"\n",
            "environment: production\nservices:\n",
            // Back, twice the same bytes, with a service whose name holds blue's.
            "environment: production\nservices:\n  blue:\n    version: \"1.4.0\"\n    deployed: \"2025-01-26T10:04:00Z\"\n  blue-worker:\n    version: \"1.4.0\"\n    deployed: \"2025-01-26T10:04:00Z\"\n",
            "environment: production\nservices:\n  blue:\n    version: \"1.4.0\"\n    deployed: \"2025-01-26T10:04:00Z\"\n  blue-worker:\n    version: \"1.5.0\"\n    deployed: \"2025-01-27T10:04:00Z\"\n",
        ];
        foreach (var text in texts)
        {
            ShopMonorepo.Commit(clone, "write", new Dictionary<string, string?> { [Path] = text });
        }

        ShopMonorepo.Commit(clone, "remove", new Dictionary<string, string?> { [Path] = null });
        ShopMonorepo.Commit(clone, "back", new Dictionary<string, string?> { [Path] = texts[^1] });
        var history = new ManifestHistory(TestCake.Context(), clone);
        var tip = history.Tip("origin", "main")!;

        var expected = history.Revisions(tip, Path).Select(r => Full(r.Commit, r.Text, service)).ToList();
        var actual = history.ServiceRevisions(tip, Path, service, Where).Select(r => (r.Commit, r.Entry, r.Unreadable?.Message)).ToList();

        // A revision that does not read only because of another service's entry is read for this one's alone.
        var elsewhere = expected.Select(r => r.Message is { } message && !message.Contains($"services.{service} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(texts.Length + 2, actual.Count);
        Assert.Equal(expected.Where((_, i) => !elsewhere[i]), actual.Where((_, i) => !elsewhere[i]));
        Assert.All(actual.Where((_, i) => elsewhere[i]), r => Assert.Null(r.Message));
        Assert.Equal(service == "blue" ? 0 : 1, elsewhere.Count(e => e));
    }

    [Fact]
    public void A_revision_that_does_not_read_elsewhere_still_gives_the_service_its_entry_and_the_newest_reads_in_full()
    {
        var clone = _remote.Clone();
        var entry = "  blue:\n    version: \"1.0.0\"\n    deployed: \"2025-01-20T10:04:00Z\"\n";
        var old = ShopMonorepo.Commit(clone, "broken elsewhere", new Dictionary<string, string?> { [Path] = $"environment: production\nservices:\n{entry}  red:\n    image: x\n" });
        var newest = ShopMonorepo.Commit(clone, "broken elsewhere", new Dictionary<string, string?> { [Path] = $"environment: production\nservices:\n{entry}  red:\n    image: y\n" });
        var history = new ManifestHistory(TestCake.Context(), clone);

        var revisions = history.ServiceRevisions(history.Tip("origin", "main")!, Path, "blue", Where);

        Assert.Equal(newest, revisions[0].Commit);
        Assert.Contains("services.red has no deployed:", revisions[0].Unreadable!.Message, StringComparison.Ordinal);
        Assert.Equal((old, "1.0.0"), (revisions[1].Commit, revisions[1].Entry?.Version));
    }

    private static string Where(string commit) => $"origin/main:{Path} at {commit[..7]}";

    private static (string Commit, ManifestEntry? Entry, string? Message) Full(string commit, string? text, string service)
    {
        try
        {
            return (commit, text is null ? null : EnvironmentManifest.Parse(text, Where(commit)).Entry(service), null);
        }
        catch (ManifestFormatException error)
        {
            return (commit, null, error.Message);
        }
    }
}
