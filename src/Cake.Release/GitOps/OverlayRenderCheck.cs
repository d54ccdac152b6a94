using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Diffs;
using Cake.Release.Manifests;
using YamlDotNet.Core;
using Path = System.IO.Path;

namespace Cake.Release.GitOps;

/// <summary>
/// Proves an edited Kustomize overlay runs the release before anything is pushed: the branch tip's tree, with the
/// edits in place, is written to a temporary folder (overlays reach bases anywhere in the repository) and rendered
/// with <c>kubectl kustomize</c>, kustomize's own implementation; every container of the service must come out with
/// the release's digest or tag. Active when kubectl is on PATH.
/// </summary>
internal sealed class OverlayRenderCheck(ICakeContext context, GitRepository repository)
{
    private readonly RenderTool _kubectl = new(context, "kubectl");

    /// <summary>Throws a <see cref="ReleaseException"/> naming the overlay and the container when an edited overlay does not render the release.</summary>
    public void Verify(BranchSnapshot snapshot, BranchChange change, IReadOnlyList<FileChange> changes)
    {
        var edited = (change.Renders ?? []).Where(release => changes.Any(c => Path.GetDirectoryName(c.Path)?.Replace('\\', '/') == release.Overlay)).ToList();
        if (!_kubectl.Found || edited.Count == 0)
        {
            return;
        }

        var scratch = Directory.CreateTempSubdirectory("cake-release-render-");
        try
        {
            var tree = repository.MaterialiseWith(snapshot.Tip, changes, scratch.FullName);

            foreach (var release in edited)
            {
                var rendered = Render(tree, release.Overlay, snapshot);
                if (release.Problem(rendered) is { } problem)
                {
                    throw new ReleaseException($"{snapshot.Remote}/{snapshot.Branch}:{problem} Nothing was pushed.");
                }

                context.Log.Verbose($"kubectl kustomize {release.Overlay}: every container of {release.Service} runs {release.Version}");
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private IReadOnlyList<ContainerImage> Render(string tree, string overlay, BranchSnapshot snapshot)
    {
        var output = _kubectl.Run(new ProcessArgumentBuilder().Append("kustomize").AppendQuoted(overlay), tree, out var reason);
        if (output is null)
        {
            throw new ReleaseException($"{snapshot.Remote}/{snapshot.Branch}:{overlay} does not render with the edit (kubectl kustomize {overlay}: {reason}); fix the overlay so that it renders, and run again. Nothing was pushed.");
        }

        try
        {
            return ContainerImages.In(output);
        }
        catch (YamlException error)
        {
            throw new ReleaseException($"kubectl kustomize {overlay} printed no YAML ({error.Message}); check the kubectl on PATH. Nothing was pushed.", error);
        }
    }
}
