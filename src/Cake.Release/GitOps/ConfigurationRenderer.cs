using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Manifests;
using Cake.Release.Registry;
using YamlDotNet.Core;
using File = System.IO.File;
using Path = System.IO.Path;

namespace Cake.Release.GitOps;

/// <summary>
/// Renders one service's configuration for one environment as of one commit (rendered mode, <c>render:</c> in
/// release.yaml): the commit's tree is written from git objects to a temporary folder (never the working tree, which
/// may hold anything), the environment's overlay (or the service's chart, through <c>helm template</c>) is rendered by
/// <c>kubectl kustomize</c> through a wrapper kustomization that pins the service's image to its digest, and the
/// service's objects are kept: all of its own overlay's, or those a shared overlay's label selector picks. What the
/// objects run is checked before anything is written: every container of the service runs the digest.
/// </summary>
internal sealed class ConfigurationRenderer(ICakeContext context, ReleaseConfig config, GitRepository repository)
{
    private const string WrapperFolder = ".cake-release-render";

    /// <summary>The rendered files, or null when the environment edits its files in place (no <c>render:</c>).</summary>
    public RenderedConfiguration? Render(string environmentName, string serviceName, string commit, string version, string digest)
    {
        var environment = config.Environment(environmentName);
        if (environment.Render is not { } render)
        {
            return null;
        }

        var service = config.Service(serviceName);
        var where = $"{config.File}: environments.{environment.Name}.render";
        if (!repository.HasCommit(commit))
        {
            throw new ReleaseException($"{ShortCommit.Of(commit)}, the source commit of {service.Name} {version}, is not in {config.RepositoryRoot}, so its configuration cannot be rendered; fetch it (git fetch {config.Git.Remote}) and run again.");
        }

        var kubectl = new RenderTool(context, "kubectl");
        if (!kubectl.Found)
        {
            throw new ReleaseException($"{where} renders {service.Name}'s configuration with kubectl kustomize, and kubectl is not on PATH; install kubectl (Debian: kubernetes-client), or set render: false for {environment.Name} in release.yaml.");
        }

        var scratch = Directory.CreateTempSubdirectory("cake-release-render-");
        try
        {
            repository.Materialise(commit, scratch.FullName);
            var tree = Path.Combine(scratch.FullName, "tree");
            var (resource, source) = render.Kustomize is not null
                ? Overlay(render.OverlayFor(service.Name, environment.Name)!, tree, commit, where)
                : Chart(service, render.ValuesFor(service.Name, environment.Name)!, tree, environment.Name, where);

            var image = ImageReference.InRegistry(config.Registry, service.Image);
            var names = ServiceImageEntries.NamesOf(image.Name, service.Image);
            var wrapper = Path.Combine(tree, WrapperFolder);
            Directory.CreateDirectory(wrapper);
            File.WriteAllText(Path.Combine(wrapper, "kustomization.yaml"), Wrapper(resource, names, image.IsOciLayout ? null : image.Name, digest));

            var output = kubectl.Run(new ProcessArgumentBuilder().Append("kustomize").AppendQuoted(WrapperFolder), tree, out var error);
            if (output is null)
            {
                throw new ReleaseException($"{source} at {ShortCommit.Of(commit)} does not render (kubectl kustomize: {error}); fix it on {config.Git.MainBranch} and run again. Nothing was pushed.");
            }

            var selected = Select(output, render.SelectorFor(service.Name, environment.Name), source, commit, where);
            Pinned(ContainerImages.In(string.Concat(selected.Select(r => r.Text + "---\n"))), names, service.Name, digest, source, commit);

            var folder = render.PathFor(service.Name, environment.Name);
            var files = RenderedResources.Files(selected).Select(f => new FileEdit($"{folder}/{f.File}", f.Text)).ToList();
            context.Log.Verbose($"Rendered {source} at {ShortCommit.Of(commit)} for {service.Name} in {environment.Name}: {files.Count} object(s), image {digest}");
            return new RenderedConfiguration(folder, files, commit, source);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static (string Resource, string Source) Overlay(string overlay, string tree, string commit, string where)
    {
        if (!new[] { "kustomization.yaml", "kustomization.yml", "Kustomization" }.Any(name => File.Exists(Path.Combine(tree, overlay, name))))
        {
            throw new ReleaseException($"{where}.kustomize names {overlay}, which has no kustomization.yaml at {ShortCommit.Of(commit)}; add the overlay on the main branch, or fix render.kustomize in release.yaml.");
        }

        return ($"../{overlay}", overlay);
    }

    private (string Resource, string Source) Chart(ServiceConfig service, string values, string tree, string environment, string where)
    {
        if (service.Chart is not { } chart)
        {
            throw new ReleaseException($"{where}.helm renders each service's chart, and {service.Name} has no chart:; add chart: <folder> to services.{service.Name}, or render a Kustomize overlay for {environment}.");
        }

        var helm = new RenderTool(context, "helm");
        if (!helm.Found)
        {
            throw new ReleaseException($"{where}.helm renders {service.Name}'s chart with helm template, and helm is not on PATH; install helm (https://helm.sh/docs/intro/install/), or render a Kustomize overlay (render.kustomize) instead. Nothing was pushed.");
        }

        var arguments = new ProcessArgumentBuilder().Append("template").AppendQuoted(service.Name).AppendQuoted(chart);
        if (values.Length > 0)
        {
            arguments.Append("--values").AppendQuoted($"{chart}/{values}");
        }

        var output = helm.Run(arguments, tree, out var error)
            ?? throw new ReleaseException($"helm template {chart} failed ({error}); fix the chart and run again. Nothing was pushed.");
        File.WriteAllText(Path.Combine(tree, WrapperFolder + ".helm.yaml"), output);
        return ($"../{WrapperFolder}.helm.yaml", chart);
    }

    // The wrapper leaves the user's files as they are and pins the image the way kustomize itself does: an images:
    // entry per name the service's containers may carry, each to the registry's repository at the digest.
    private static string Wrapper(string resource, IReadOnlySet<string> names, string? repository, string digest)
    {
        var text = new System.Text.StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        text.Append("  - ").Append(YamlScalar.Write(resource)).Append('\n').Append("images:\n");
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            text.Append("  - name: ").Append(YamlScalar.Write(name)).Append('\n');
            if (repository is not null)
            {
                text.Append("    newName: ").Append(YamlScalar.Write(repository)).Append('\n');
            }

            text.Append("    digest: ").Append(YamlScalar.Write(digest)).Append('\n');
        }

        return text.ToString();
    }

    // What the objects run is the record's truth: every container of the service on the digest, and at least one.
    private static void Pinned(IReadOnlyList<ContainerImage> containers, IReadOnlySet<string> names, string service, string digest, string source, string commit)
    {
        var own = containers.Where(c => names.Contains(c.Name)).ToList();
        if (own.Count == 0)
        {
            throw new ReleaseException($"{source} at {ShortCommit.Of(commit)} renders no container of {service} (images named {string.Join(", ", names.Order(StringComparer.Ordinal))}), so there is nothing to pin its digest on; point the service's containers at its image, or fix render: in release.yaml. Nothing was pushed.");
        }

        if (own.FirstOrDefault(c => !c.Image.EndsWith("@" + digest, StringComparison.Ordinal)) is { } wrong)
        {
            throw new ReleaseException($"{source} at {ShortCommit.Of(commit)} renders container {wrong.Container} of {wrong.Workload} as {wrong.Image}, not {service}@{digest}: a patch or transformer overrides the image; fix that and run again. Nothing was pushed.");
        }
    }

    private static IReadOnlyList<RenderedResource> Select(string output, string? selectorText, string source, string commit, string where)
    {
        IReadOnlyList<RenderedResource> resources;
        try
        {
            resources = RenderedResources.Split(output);
        }
        catch (YamlException error)
        {
            throw new ReleaseException($"kubectl kustomize {source} printed no YAML ({error.Message}); check the kubectl on PATH. Nothing was pushed.", error);
        }

        if (selectorText is null)
        {
            return resources.Count > 0 ? resources
                : throw new ReleaseException($"{source} renders no object at {ShortCommit.Of(commit)}; add the service's resources to it. Nothing was pushed.");
        }

        var selector = LabelSelector.Parse(selectorText);
        var selected = resources.Where(r => selector.Matches(r.Labels)).ToList();
        return selected.Count > 0 ? selected
            : throw new ReleaseException($"{where}.selector \"{selectorText}\" selects none of the {resources.Count} object(s) {source} renders at {ShortCommit.Of(commit)}; put that label on the service's resources (metadata.labels), or fix the selector in release.yaml. Nothing was pushed.");
    }
}
