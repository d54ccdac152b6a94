using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Yaml;

namespace Cake.Release.GitOps;

/// <summary>
/// Works out the files one deployment changes on its environment's branch: the manifest entry, and every
/// <c>updates:</c> file (Kustomize overlays, Helm values, Argo CD Applications), edited in place so that only the
/// changed values differ. Pure: it reads the branch through a function, so a writer that lost a push race can run it
/// again on the new tip.
/// </summary>
public static class DeploymentEdits
{
    /// <summary>
    /// The commit for <paramref name="deployment"/>, composed against the branch as <paramref name="snapshot"/> shows
    /// it. <paramref name="rule"/>, when given, judges the entry the snapshot holds for the service: a reason it
    /// returns is thrown as <see cref="DeploymentSupersededException"/> (an entry equal to the deployment is never judged).
    /// </summary>
    /// <remarks>The rendered configuration, when the environment renders (<see cref="RenderConfig"/>), goes in the same commit: the service's folder holds exactly its files.</remarks>
    public static BranchChange Compose(ReleaseConfig config, Deployment deployment, string action, BranchSnapshot snapshot, Func<ManifestEntry?, string?>? rule = null, RenderedConfiguration? rendered = null, IReadOnlyList<string>? trailers = null)
    {
        var environment = config.Environment(deployment.Environment);
        var service = config.Service(deployment.Service);
        var edits = new List<FileEdit> { Manifest(config, deployment, snapshot, rule) };
        var renders = new List<OverlayRelease>();
        // for: keeps image updates (a kustomize images: entry) off chart-only services, and chart pins off images.
        foreach (var update in environment.Updates.Where(u => u.AppliesTo(service)))
        {
            switch (update)
            {
                case KustomizeUpdate kustomize:
                    var (edit, release) = Overlay(kustomize, service, deployment, snapshot);
                    edits.Add(edit);
                    renders.Add(release);
                    break;
                case FileValueUpdate value:
                    edits.Add(Value(value, deployment, snapshot));
                    break;
                default:
                    throw new InvalidOperationException($"unhandled update {update}");
            }
        }

        if (rendered is not null)
        {
            edits.AddRange(rendered.Edits(snapshot));
        }

        var message = new ManifestCommitMessage(action, deployment.Service, deployment.Version, deployment.Digest, deployment.Environment, deployment.From, deployment.By, deployment.ApprovedBy, deployment.Commit, deployment.Config, trailers)
        {
            Waivers = deployment.Waivers,
            ApproversVerified = deployment.ApproversVerified,
        };
        return new BranchChange(message.ToString(), edits, renders);
    }

    // The entry keeps its recorded deploy time when it already names this version and digest, so a re-run is a no-op.
    /// <summary>
    /// The record of a merged promotion: the entry the pull request's merge brought, with <c>deployed:</c> set to when
    /// it took effect (the merge, not the proposal) and a commit whose trailers name the pull request and the approvers
    /// the forge reported. No edit when the entry already says so, or when the branch has moved on to another release.
    /// </summary>
    public static BranchChange Record(ReleaseConfig config, Deployment deployment, BranchSnapshot snapshot, IReadOnlyList<string> trailers)
    {
        var path = config.Git.ManifestPath(deployment.Environment);
        var text = snapshot.ReadText(path);
        var manifest = text is null ? null : EnvironmentManifest.Parse(text, snapshot.Describe(path));
        var current = manifest?.Entry(deployment.Service);
        var message = new ManifestCommitMessage("promote", deployment.Service, deployment.Version, deployment.Digest, deployment.Environment, deployment.From, deployment.By, deployment.ApprovedBy, deployment.Commit, deployment.Config, trailers)
        {
            Waivers = deployment.Waivers,
            ApproversVerified = deployment.ApproversVerified,
        };
        return current is null || current.Version != deployment.Version || current.Digest != deployment.Digest || current.Deployed == deployment.At
            ? new BranchChange(message.ToString(), [])
            : new BranchChange(message.ToString(), [new FileEdit(path, manifest!.WithEntry(deployment.Service, current with { Deployed = deployment.At }).Render())]);
    }

    private static FileEdit Manifest(ReleaseConfig config, Deployment deployment, BranchSnapshot snapshot, Func<ManifestEntry?, string?>? rule)
    {
        var path = config.Git.ManifestPath(deployment.Environment);
        var text = snapshot.ReadText(path);
        var manifest = text is null ? EnvironmentManifest.Empty(deployment.Environment) : EnvironmentManifest.Parse(text, snapshot.Describe(path));
        var current = manifest.Entry(deployment.Service);
        if (current is not null && current.Version == deployment.Version && current.Digest == deployment.Digest && current.Config == deployment.Config)
        {
            return new FileEdit(path, text!);
        }

        if (rule?.Invoke(current) is { } problem)
        {
            throw new DeploymentSupersededException(problem, current);
        }

        var entry = new ManifestEntry(deployment.Version, deployment.Image, deployment.Digest, deployment.Commit, deployment.At, deployment.By, deployment.From, deployment.Config);
        return new FileEdit(path, manifest.WithEntry(deployment.Service, entry).Render());
    }

    // The entries kustomize applies to the service's containers get the tag and digest in place; only a container no
    // entry reaches gets a new one, under the name it has there. The check of the rendered overlay goes along.
    private static (FileEdit Edit, OverlayRelease Release) Overlay(KustomizeUpdate update, ServiceConfig service, Deployment deployment, BranchSnapshot snapshot)
    {
        var path = KustomizationTree.KustomizationFile(update.Directory.TrimEnd('/'), snapshot.ReadText)
            ?? throw new ReleaseException($"{snapshot.Describe(update.Directory)} has no kustomization.yaml; add the overlay on {snapshot.Branch} (or main, before the branch exists), or fix its `kustomize:` entry in release.yaml.");
        var text = snapshot.ReadText(path)!;
        var names = ServiceImageEntries.NamesOf(deployment.Image ?? throw new InvalidOperationException($"{deployment.Service} has no image for {update.Directory}"), service.Image);
        try
        {
            var entries = KustomizeImages.Entries(text);
            var input = KustomizationTree.Read(update.Directory.TrimEnd('/'), snapshot.ReadText);
            var plan = ServiceImageEntries.Plan(entries, input.ImageNames, names);
            // Resources that cannot be read leave only the entries that name the service to go by; readable ones
            // without the service leave the overlay as it is.
            var entriesToSet = plan.IsEmpty && input.Unresolved.Count > 0 ? ServiceImageEntries.Naming(entries, names) : plan.Update;
            if (entriesToSet.Count == 0 && plan.Add.Count == 0 && input.Unresolved.Count > 0)
            {
                throw new ReleaseException($"{snapshot.Describe(path)}: cannot tell which image name the containers of {deployment.Service} use there, since {string.Join(", ", input.Unresolved)} cannot be read from the branch; add an images: entry named as the containers write the image ({string.Join(" or ", names.Order(StringComparer.Ordinal))}) and run again.");
            }

            var image = new KustomizeImage("", null, deployment.Version, deployment.Digest);
            text = entriesToSet.Aggregate(text, (current, index) => KustomizeImages.SetEntry(current, index, image));
            text = plan.Add.Aggregate(text, (current, name) => KustomizeImages.AddEntry(current, image with { Name = name }));
            var rendered = names.Concat(plan.RenderedNames).Concat(entriesToSet.Select(i => entries[i].NewName).OfType<string>()).ToHashSet(StringComparer.Ordinal);
            return (new FileEdit(path, text), new OverlayRelease(update.Directory.TrimEnd('/'), deployment.Service, rendered, deployment.Version, deployment.Digest));
        }
        catch (YamlEditException error)
        {
            throw new ReleaseException($"{snapshot.Describe(path)}: {error.Message}", error);
        }
    }

    private static FileEdit Value(FileValueUpdate update, Deployment deployment, BranchSnapshot snapshot)
    {
        var values = new TemplateValues { Service = deployment.Service, Version = deployment.Version, Sha = deployment.Commit, Environment = deployment.Environment, Date = deployment.At };
        var file = update.FileFor(values);
        var text = snapshot.ReadText(file)
            ?? throw new ReleaseException($"{snapshot.Describe(file)} does not exist; add it on {snapshot.Branch} (or main, before the branch exists), or fix its `file:` entry in release.yaml.");
        try
        {
            return new FileEdit(file, PathValue.Set(text, update.Path.Render(values), update.Value.Render(values)));
        }
        catch (YamlEditException error)
        {
            throw new ReleaseException($"{snapshot.Describe(file)}: {error.Message}", error);
        }
    }
}
