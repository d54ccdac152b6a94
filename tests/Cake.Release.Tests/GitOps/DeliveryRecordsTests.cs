using Cake.Release.GitOps;
using Cake.Release.Notifications;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.GitOps;

/// <summary>Delivery records on origin's notes ref: concurrent writers all land, and git's own notes command reads them.</summary>
public sealed class DeliveryRecordsTests : IDisposable
{
    private readonly GitRemote _remote = new();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void Twelve_pipelines_recording_at_once_on_two_commits_all_land_and_git_notes_shows_them()
    {
        var main = GitRemote.Git(_remote.Bare, "rev-parse", "main").Trim();
        GitRemote.Git(_remote.Seed, "commit", "--allow-empty", "--quiet", "-m", "second");
        GitRemote.Git(_remote.Seed, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        var next = GitRemote.Git(_remote.Bare, "rev-parse", "main").Trim();
        var clones = Enumerable.Range(0, 12).Select(_ => _remote.Clone()).ToList();
        var when = new DateTimeOffset(2025, 1, 20, 10, 4, 5, TimeSpan.Zero);

        clones.AsParallel().WithDegreeOfParallelism(12).Select((clone, i) =>
        {
            new DeliveryRecords(TestCake.Context(), clone, "origin").Record(i % 2 == 0 ? main : next, $"webhook ${{HOOK_{i:00}}}", when);
            return i;
        }).ToList();

        foreach (var (commit, parity) in new[] { (main, 0), (next, 1) })
        {
            var note = GitRemote.Git(_remote.Bare, "notes", $"--ref={DeliveryRecords.NotesRef}", "show", commit);
            var expected = Enumerable.Range(0, 12).Where(i => i % 2 == parity).Select(i => $"Notified: webhook ${{HOOK_{i:00}}} at 2025-01-20T10:04:05Z");
            Assert.Equal(expected, note.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Select(line => line["Notified: ".Length..^" at 2025-01-20T10:04:05Z".Length]).ToHashSet(),
                new DeliveryRecords(TestCake.Context(), _remote.Clone(), "origin").Delivered(commit));
        }
    }

    [Fact]
    public void Recording_a_target_twice_writes_it_once()
    {
        var main = GitRemote.Git(_remote.Bare, "rev-parse", "main").Trim();
        var records = new DeliveryRecords(TestCake.Context(), _remote.Clone(), "origin");

        records.Record(main, "teams ${TEAMS_WEBHOOK_URL}", DateTimeOffset.UtcNow);
        var tip = GitRemote.Git(_remote.Bare, "rev-parse", DeliveryRecords.NotesRef).Trim();
        records.Record(main, "teams ${TEAMS_WEBHOOK_URL}", DateTimeOffset.UtcNow);

        Assert.Equal(tip, GitRemote.Git(_remote.Bare, "rev-parse", DeliveryRecords.NotesRef).Trim());
        Assert.Single(GitRemote.Git(_remote.Bare, "notes", $"--ref={DeliveryRecords.NotesRef}", "show", main).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
