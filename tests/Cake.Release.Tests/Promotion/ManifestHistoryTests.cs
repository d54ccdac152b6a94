using Cake.Release.GitOps;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>The file history reader on a real repository: every revision's exact text, in two git calls or, for text it cannot measure from lines, one revision at a time.</summary>
public sealed class ManifestHistoryTests : IDisposable
{
    private readonly GitRemote _remote = new();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public void Reads_every_revision_of_a_file_newest_first_including_deletions_and_files_without_a_final_newline()
    {
        var clone = _remote.Clone();
        string[] texts = ["environment: dev\nservices: {}\n", "no final newline", "", "a\n\n\nb\n"];
        var commits = new List<(string Commit, string? Text)>();
        foreach (var text in texts)
        {
            commits.Add((ShopMonorepo.Commit(clone, "write", new Dictionary<string, string?> { ["m/dev.yaml"] = text }), text));
        }

        commits.Add((ShopMonorepo.Commit(clone, "remove", new Dictionary<string, string?> { ["m/dev.yaml"] = null }), null));
        commits.Add((ShopMonorepo.Commit(clone, "back", new Dictionary<string, string?> { ["m/dev.yaml"] = "last\n" }), "last\n"));
        ShopMonorepo.Commit(clone, "unrelated", new Dictionary<string, string?> { ["other.txt"] = "x\n" });

        var history = new ManifestHistory(TestCake.Context(), clone);
        var tip = history.Tip("origin", "main");

        Assert.NotNull(tip);
        Assert.Equal(Enumerable.Reverse(commits).ToList(), history.Revisions(tip, "m/dev.yaml"));
    }

    [Fact]
    public void A_file_with_crlf_line_endings_reads_exactly()
    {
        var clone = _remote.Clone();
        var first = ShopMonorepo.Commit(clone, "crlf", new Dictionary<string, string?> { ["m/dev.yaml"] = "environment: dev\r\nservices: {}\r\n" });
        var second = ShopMonorepo.Commit(clone, "lf", new Dictionary<string, string?> { ["m/dev.yaml"] = "environment: dev\n" });

        var history = new ManifestHistory(TestCake.Context(), clone);

        Assert.Equal([(second, "environment: dev\n"), (first, "environment: dev\r\nservices: {}\r\n")], history.Revisions(history.Tip("origin", "main")!, "m/dev.yaml"));
    }

    [Fact]
    public void A_branch_the_remote_lacks_has_no_tip()
    {
        Assert.Null(new ManifestHistory(TestCake.Context(), _remote.Clone()).Tip("origin", "gitops/nowhere"));
    }
}
