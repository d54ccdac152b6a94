using System.Text;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Path = System.IO.Path;

namespace Cake.Release.Init;

/// <summary>Starts a repository on Cake.Release: a commented release.yaml from what the repository already holds.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Init")]
public static class InitAliases
{
    /// <summary>
    /// Scans the repository for Dockerfiles (each folder holding one becomes a service), Helm charts (matched to
    /// services by name) and Kustomize overlays (<c>…/overlays/&lt;env&gt;</c>: the environment chain), and writes a
    /// starter release.yaml explaining every section. Refuses, changing nothing, when the file exists. A repository
    /// without any Dockerfile still gets a file (see remarks). When the overlays follow one layout (per service,
    /// <c>deploy/&lt;service&gt;/overlays/&lt;env&gt;</c>, or shared, <c>k8s/overlays/&lt;env&gt;</c>) the file uses rendered
    /// mode (<c>render:</c>), and Init also writes the Argo CD and Flux files that follow each environment's rendered
    /// folder (<c>deploy/argocd</c>, <c>deploy/flux</c>), leaving any of them that exists as it is.
    /// </summary>
    /// <remarks>
    /// Without Dockerfiles Init writes one placeholder service for the whole repository (path <c>.</c>, builder
    /// oci-layer) rather than refusing or leaving <c>services:</c> empty. Whoever runs Init asked for a starter file;
    /// a refusal leaves them with nothing to edit, and an empty section fails the very next command. A placeholder
    /// keeps the file loadable, so Doctor, DetectChanged and Status work at once, and its comment says to replace it.
    /// </remarks>
    /// <example><code>var result = Init(new InitSettings { DryRun = true }); Information(result.Text);</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Init")]
    public static InitResult Init(this ICakeContext context, InitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var (root, file) = Locate(context, settings);
        if (File.Exists(file.FullPath))
        {
            throw new ReleaseException($"{file.FullPath} already exists; Init never overwrites it: edit it, or move it away and run Init again (--dryrun prints a fresh one with --config=<other name>).");
        }

        if (!Directory.Exists(root.FullPath))
        {
            throw new ReleaseException($"{root.FullPath}: the repository folder to scan is not there; run Init from the repository root or pass its path.");
        }

        var scan = new RepositoryScanner(context).Scan(root.FullPath);
        var config = StarterConfigPlanner.Plan(scan);
        var text = StarterConfigRenderer.Render(config);
        var wiring = Wiring(context, root, file, config, text);
        var kept = wiring.Where(w => File.Exists(Path.Combine(root.FullPath, w.Path))).Select(w => w.Path).ToList();
        var dryRun = settings.DryRun ?? context.IsDryRun();
        Report(context.Log, config, file);
        if (dryRun)
        {
            context.Log.Information("Dry run: would write {0}:\n{1}", file.FullPath, text);
            foreach (var each in wiring)
            {
                if (kept.Contains(each.Path))
                {
                    context.Log.Information("Dry run: would leave {0} as it is: it exists, and Init never overwrites it.", each.Path);
                }
                else
                {
                    context.Log.Information("Dry run: would write {0}:\n{1}", each.Path, each.Text);
                }
            }

            return new InitResult(file, text, false, config, wiring, kept);
        }

        // CreateNew: a file that appeared since the check above is left alone, not overwritten.
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        }
        catch (IOException) when (File.Exists(file.FullPath))
        {
            throw new ReleaseException($"{file.FullPath} was created while Init ran; Init never overwrites it: edit it, or move it away and run Init again.");
        }

        context.Log.Information("Wrote {0}; review it and commit it.", file.FullPath);
        foreach (var each in wiring.Where(w => !kept.Contains(w.Path)))
        {
            if (!WriteNew(Path.Combine(root.FullPath, each.Path), each.Text))
            {
                kept.Add(each.Path);
            }
        }

        foreach (var path in kept)
        {
            context.Log.Warning("{0} exists; Init never overwrites it: left as it is (--dryrun --config=<other name> prints what Init would write).", path);
        }

        if (wiring.Count > kept.Count)
        {
            var placeholder = wiring.Any(w => w.Text.Contains(ClusterRepositoryUrl.Placeholder, StringComparison.Ordinal));
            context.Log.Information("Wrote {0}: Argo CD and Flux follow each environment's rendered/ folder{1}.", string.Join(", ", wiring.Select(w => w.Path).Except(kept)), placeholder ? "; replace the repository URL where they say REPLACE" : string.Empty);
        }

        return new InitResult(file, text, true, config, wiring, kept);
    }

    // Rendered mode only: the files follow the folders the written release.yaml renders to, so they are planned from
    // that text as the tasks will load it, never from a second copy of its rules.
    private static IReadOnlyList<WiringFile> Wiring(ICakeContext context, DirectoryPath root, FilePath file, StarterConfig config, string text)
    {
        if (config.Render is null)
        {
            return [];
        }

        var loaded = ReleaseConfigLoader.Parse(text, file.FullPath, root.FullPath, context.Environment.GetEnvironmentVariable);
        var git = context.Tools.Resolve("git") is not null || context.Tools.Resolve("git.exe") is not null;
        var remote = git ? GitTool.For(context).RemoteUrl(root, loaded.Git.Remote) : null;
        return ClusterWiringPlanner.Plan(loaded, config, ClusterRepositoryUrl.From(remote));
    }

    // False when the file appeared meanwhile: it is someone's, and stays as it is.
    private static bool WriteNew(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(text));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    // The file's folder is the repository root: release.yaml paths are relative to the folder holding it.
    private static (DirectoryPath Root, FilePath File) Locate(ICakeContext context, InitSettings settings)
    {
        if (settings.ConfigFile is null || string.IsNullOrWhiteSpace(settings.ConfigFile.FullPath))
        {
            throw new ReleaseException("Init needs a file name to write; pass --config=release.yaml (or leave it out for that default).");
        }

        var root = settings.Root?.MakeAbsolute(context.Environment);
        var file = settings.ConfigFile;
        file = root is null ? file.MakeAbsolute(context.Environment) : file.MakeAbsolute(root);
        var folder = file.GetDirectory();
        if (root is not null && !string.Equals(Path.GetFullPath(folder.FullPath).TrimEnd('/', '\\'), Path.GetFullPath(root.FullPath).TrimEnd('/', '\\'), StringComparison.Ordinal))
        {
            throw new ReleaseException($"{file.FullPath} would not be at the root of {root.FullPath}; release.yaml paths are relative to its own folder, so write it there (--config=<name>.yaml).");
        }

        return (root ?? folder, file);
    }

    private static void Report(ICakeLog log, StarterConfig config, FilePath file)
    {
        log.Information("Services: {0}", config.Placeholder
            ? "none found (no Dockerfile); a placeholder for the whole repository"
            : string.Join(", ", config.Services.Select(s => s.Chart is null ? $"{s.Name} ({s.Path})" : $"{s.Name} ({s.Path}, chart {s.Chart})")));
        log.Information("Environments: {0}{1}", string.Join(" → ", config.Environments.Select(e => e.Name)), config.EnvironmentsFromOverlays ? " (from Kustomize overlays)" : " (the default chain: no Kustomize overlays found)");
        if (config.Render is { } render)
        {
            log.Information("Rendered mode: each promotion renders {0}{1} onto the environment's branch, rendered/<env>/<service>.", render.Kustomize, render.Shared ? $" (selector {render.Selector})" : string.Empty);
            if (render.Missing.Count > 0)
            {
                log.Warning("Overlays missing for some services (they cannot be promoted there until they exist): {0}.", string.Join(", ", render.Missing));
            }
        }
        else if (config.EnvironmentsFromOverlays && !config.Placeholder)
        {
            log.Warning("The overlays fit no one render: template (several layouts, or an environment folder not spelled as its name); promotions edit them in place (updates:).");
        }

        if (config.UnmatchedCharts.Count > 0)
        {
            log.Warning("Charts matched to no service by name: {0}; add chart: <folder> to the service each deploys.", string.Join(", ", config.UnmatchedCharts));
        }

        if (config.Placeholder)
        {
            log.Warning("No Dockerfile found under {0}: {1} lists one placeholder service; replace it with your services.", file.GetDirectory().FullPath, file.GetFilename());
        }
    }
}
