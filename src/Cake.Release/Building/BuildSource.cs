using Cake.Release.GitOps;

namespace Cake.Release.Building;

/// <summary>
/// The files a build reads: the checkout itself when the commit is checked out (the usual CI case, where the
/// service's build step has just written its output folder there), else the commit's tree exported to a temporary
/// folder, deleted afterwards, so that the image tagged with a commit holds that commit's files.
/// </summary>
internal sealed class BuildSource : IDisposable
{
    private readonly bool _temporary;

    private BuildSource(string root, bool temporary)
    {
        Root = root;
        _temporary = temporary;
    }

    public string Root { get; }

    public static BuildSource For(BuildCheckout checkout, string checkoutFolder, string? head, string commit, Action<string> log)
    {
        if (head == commit)
        {
            return new BuildSource(checkoutFolder, temporary: false);
        }

        var folder = Directory.CreateTempSubdirectory("cake-release-tree-").FullName;
        try
        {
            checkout.Export(commit, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        log($"BuildOnce: {ShortCommit.Of(commit)} is not checked out in {checkoutFolder}; building from its committed files (untracked build outputs are not part of them).");
        return new BuildSource(folder, temporary: true);
    }

    public void Dispose()
    {
        if (_temporary)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
