using Cake.Release.Changes;
using Cake.Release.Charts;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Tests.Charts;

/// <summary>
/// What a version bump is computed from, on an in-memory commit log, no git process: the commits since the last
/// stable release tag, their highest change level, and whether anything changed since the latest tag.
/// </summary>
public sealed class ReleasePlanningTests
{
    private const string Head = "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh";
    private const string Stable = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Candidate = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly IReadOnlyList<string> Paths = ["projects/blue"];

    [Theory]
    [InlineData("fix(blue): round the total", ChangeLevel.Patch)]
    [InlineData("chore(blue): tidy up", ChangeLevel.Patch)]
    [InlineData("feat(blue): pay by card", ChangeLevel.Minor)]
    [InlineData("feat(blue)!: drop the old API", ChangeLevel.Major)]
    [InlineData("fix(blue): keep it\n\nBREAKING CHANGE: the total is in cents", ChangeLevel.Major)]
    public void The_highest_change_since_the_stable_tag_sets_the_level(string message, ChangeLevel expected)
    {
        var log = new InMemoryLog { [Stable] = [Commit("fix(blue): earlier"), Commit(message)] };

        var (since, level, changed) = ReleasePlanner.ChangesSince(log, Head, [Tag("1.0.0", Stable)], Paths);

        Assert.Equal(2, since.Count);
        Assert.Equal(expected, level);
        Assert.True(changed);
        Assert.All(log.Asked, asked => Assert.Equal(Paths, asked.Paths));
    }

    [Fact]
    public void Nothing_since_the_stable_tag_is_nothing_to_release()
    {
        var log = new InMemoryLog { [Stable] = [] };

        var (since, level, changed) = ReleasePlanner.ChangesSince(log, Head, [Tag("1.0.0", Stable)], Paths);

        Assert.Empty(since);
        Assert.Equal(ChangeLevel.None, level);
        Assert.False(changed);
    }

    [Fact]
    public void After_a_release_candidate_the_level_counts_from_the_stable_tag_and_changed_from_the_candidate()
    {
        var log = new InMemoryLog { [Stable] = [Commit("feat(blue): pay by card")], [Candidate] = [] };

        var (_, level, changed) = ReleasePlanner.ChangesSince(log, Head, [Tag("1.0.0", Stable), Tag("1.1.0-rc.1", Candidate)], Paths);

        Assert.Equal(ChangeLevel.Minor, level);
        Assert.False(changed);
        Assert.Equal([Stable, Candidate], log.Asked.Select(a => a.Since));
    }

    [Fact]
    public void Without_any_release_tag_every_commit_of_the_paths_counts()
    {
        var log = new InMemoryLog { [""] = [Commit("feat(blue): first")] };

        var (since, level, changed) = ReleasePlanner.ChangesSince(log, Head, [], Paths);

        Assert.Single(since);
        Assert.Equal(ChangeLevel.Minor, level);
        Assert.True(changed);
    }

    private static ReleaseTag Tag(string version, string commit) => new($"blue/{version}", SemanticVersion.Parse(version), commit);

    private static CommitRecord Commit(string message) => new(Guid.NewGuid().ToString("N") + "00000000", 1, DateTimeOffset.UnixEpoch, message);

    /// <summary>Commits by the tag commit they follow ("" for none); records what it was asked.</summary>
    private sealed class InMemoryLog : Dictionary<string, IReadOnlyList<CommitRecord>>, ICommitLog
    {
        public List<(string? Since, IReadOnlyList<string> Paths)> Asked { get; } = [];

        public IReadOnlyList<CommitRecord> Log(string revision, string? since, IReadOnlyList<string> paths)
        {
            Assert.Equal(Head, revision);
            Asked.Add((since, paths));
            return this[since ?? ""];
        }

        public bool Changed(string revision, string? since, IReadOnlyList<string> paths) => Log(revision, since, paths).Count > 0;
    }
}
