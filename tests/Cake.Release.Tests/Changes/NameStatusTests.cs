using Cake.Release.Changes;
using Cake.Release.GitOps;

namespace Cake.Release.Tests.Changes;

public sealed class NameStatusTests
{
    [Fact]
    public void Reads_each_status_and_both_paths_of_a_rename()
    {
        var files = ChangeHistory.ParseNameStatus("M\0a b.txt\0R087\0old/x\0new/x\0D\0gone\0A\0added\0T\0link\0C100\0src\0copy\0");

        Assert.Equal(
            [
                new ChangedFile(FileChangeStatus.Modified, "a b.txt"),
                new ChangedFile(FileChangeStatus.Renamed, "new/x", "old/x"),
                new ChangedFile(FileChangeStatus.Deleted, "gone"),
                new ChangedFile(FileChangeStatus.Added, "added"),
                new ChangedFile(FileChangeStatus.Modified, "link"),
                new ChangedFile(FileChangeStatus.Added, "copy"),
            ],
            files);
    }

    [Fact]
    public void Keeps_line_breaks_inside_paths_that_git_wrote_unquoted()
    {
        Assert.Equal([new ChangedFile(FileChangeStatus.Added, "odd\nname")], ChangeHistory.ParseNameStatus("A\0odd\nname\0"));
    }

    [Fact]
    public void No_output_is_no_change()
    {
        Assert.Empty(ChangeHistory.ParseNameStatus(""));
    }
}
