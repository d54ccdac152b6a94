using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Yaml;

namespace Cake.Release.Manifests;

/// <summary>
/// Works out the files one deployment changes on its environment's branch: the manifest entry, and every
/// <c>updates:</c> file (Kustomize overlays, Helm values, Argo CD Applications), edited in place so that only the
/// changed values differ. Pure: it reads the branch through a function, so a writer that lost a push race can run it
/// again on the new tip.
/// </summary>
public static class DeploymentEdits
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>
    /// The commit for <paramref name="deployment"/>, composed against the branch as <paramref name="snapshot"/> shows
    /// it. <paramref name="rule"/>, when given, judges the entry the snapshot holds for the service: a reason it
    /// returns is thrown as <see cref="DeploymentSupersededException"/> (an entry equal to the deployment is never judged).
    /// </summary>
    public static BranchChange Compose(ReleaseConfig config, Deployment deployment, string action, BranchSnapshot snapshot, Func<ManifestEntry?, string?>? rule = null)
    {
        var environment = config.Environment(deployment.Environment);
        var service = config.Service(deployment.Service);
        var edits = new List<FileEdit> { Manifest(config, deployment, snapshot, rule) };
        foreach (var update in environment.Updates)
        {
            edits.Add(update switch
            {
                KustomizeUpdate kustomize => Overlay(kustomize, service, deployment, snapshot),
                FileValueUpdate value => Value(value, deployment, snapshot),
                _ => throw new InvalidOperationException($"unhandled update {update}"),
            });
        }

        var message = new ManifestCommitMessage(action, deployment.Service, deployment.Version, deployment.Digest, deployment.Environment, deployment.From, deployment.By, deployment.ApprovedBy, deployment.Commit);
        return new BranchChange(message.ToString(), edits);
    }

    // The entry keeps its recorded deploy time when it already names this version and digest, so a re-run is a no-op.
    private static FileEdit Manifest(ReleaseConfig config, Deployment deployment, BranchSnapshot snapshot, Func<ManifestEntry?, string?>? rule)
    {
        var path = config.Git.ManifestPath(deployment.Environment);
        var text = snapshot.ReadText(path);
        var manifest = text is null ? EnvironmentManifest.Empty(deployment.Environment) : EnvironmentManifest.Parse(text, snapshot.Describe(path));
        var current = manifest.Entry(deployment.Service);
        if (current is not null && current.Version == deployment.Version && current.Digest == deployment.Digest)
        {
            return new FileEdit(path, text!);
        }

        if (rule?.Invoke(current) is { } problem)
        {
            throw new DeploymentSupersededException(problem, current);
        }

        var entry = new ManifestEntry(deployment.Version, deployment.Image, deployment.Digest, deployment.Commit, deployment.At, deployment.By, deployment.From);
        return new FileEdit(path, manifest.WithEntry(deployment.Service, entry).Render());
    }

    private static FileEdit Overlay(KustomizeUpdate update, ServiceConfig service, Deployment deployment, BranchSnapshot snapshot)
    {
        var path = KustomizationNames.Select(name => $"{update.Directory.TrimEnd('/')}/{name}").FirstOrDefault(p => snapshot.ReadText(p) is not null)
            ?? throw new ReleaseException($"{snapshot.Describe(update.Directory)} has no kustomization.yaml; add the overlay on {snapshot.Branch} (or main, before the branch exists), or fix its `kustomize:` entry in release.yaml.");
        var text = snapshot.ReadText(path)!;
        try
        {
            return new FileEdit(path, KustomizeImages.SetImage(text, new KustomizeImage(service.Image, null, deployment.Version, deployment.Digest)));
        }
        catch (YamlEditException error)
        {
            throw new ReleaseException($"{snapshot.Describe(path)}: {error.Message}", error);
        }
    }

    private static FileEdit Value(FileValueUpdate update, Deployment deployment, BranchSnapshot snapshot)
    {
        var values = new TemplateValues { Service = deployment.Service, Version = deployment.Version, Sha = deployment.Commit, Environment = deployment.Environment, Date = deployment.At };
        var text = snapshot.ReadText(update.File)
            ?? throw new ReleaseException($"{snapshot.Describe(update.File)} does not exist; add it on {snapshot.Branch} (or main, before the branch exists), or fix its `file:` entry in release.yaml.");
        try
        {
            return new FileEdit(update.File, PathValue.Set(text, update.Path.Render(values), update.Value.Render(values)));
        }
        catch (YamlEditException error)
        {
            throw new ReleaseException($"{snapshot.Describe(update.File)}: {error.Message}", error);
        }
    }
}
