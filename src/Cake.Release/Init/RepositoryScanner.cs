using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Charts;
using Cake.Release.GitOps;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Path = System.IO.Path;

namespace Cake.Release.Init;

/// <summary>
/// Walks a repository for what a release.yaml describes: Dockerfiles, Helm charts and Kustomize overlays. Skips what
/// never holds a service of its own: hidden folders (.git, .github, .devcontainer), build outputs (artifacts, bin,
/// obj), node_modules, and whatever git ignores there (one <c>git ls-files</c> call when git and a repository are there).
/// </summary>
internal sealed class RepositoryScanner
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "artifacts", "bin", "obj", "node_modules" };
    private static readonly string[] KustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private readonly ICakeContext _context;

    public RepositoryScanner(ICakeContext context) => _context = context;

    public RepositoryScan Scan(string root)
    {
        var ignored = Ignored(root);
        var dockerfiles = new List<string>();
        var charts = new List<FoundChart>();
        var overlays = new List<string>();
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var relative = Relative(root, folder);
            foreach (var file in Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>())
            {
                var path = relative == "." ? file : $"{relative}/{file}";
                if (ignored.Contains(path))
                {
                    continue;
                }

                if (IsDockerfile(file))
                {
                    dockerfiles.Add(path);
                }
                else if (file == "Chart.yaml")
                {
                    charts.Add(new FoundChart(relative, ChartName(Path.Combine(folder, file))));
                }
                else if (KustomizationFiles.Contains(file, StringComparer.Ordinal) && IsOverlay(relative))
                {
                    overlays.Add(relative);
                    if (OverlayNamespace(Path.Combine(folder, file)) is { } name)
                    {
                        namespaces[relative] = name;
                    }
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                var path = relative == "." ? name : $"{relative}/{name}";
                if (name.StartsWith('.') || SkippedFolders.Contains(name) || ignored.Contains(path) || new DirectoryInfo(sub).LinkTarget is not null)
                {
                    continue;
                }

                pending.Push(sub);
            }
        }

        return new RepositoryScan(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(root)),
            Sorted(dockerfiles),
            charts.OrderBy(c => c.Folder, StringComparer.Ordinal).ToList(),
            Sorted(overlays.Distinct()),
            namespaces);
    }

    /// <summary><c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>api.Dockerfile</c>; not <c>Dockerfile.dockerignore</c> or the like.</summary>
    public static bool IsDockerfile(string file) =>
        file == "Dockerfile"
        || (file.StartsWith("Dockerfile.", StringComparison.Ordinal) && !file.EndsWith("ignore", StringComparison.Ordinal))
        || file.EndsWith(".Dockerfile", StringComparison.Ordinal)
        || file == "Containerfile";

    private static bool IsOverlay(string folder)
    {
        var parts = folder.Split('/');
        return parts.Length >= 2 && parts[^2] == "overlays";
    }

    // Untracked files and folders git ignores, relative to root ("dist/" for a folder, without its slash here).
    // Empty when git is not installed or root is not in a repository: then only the fixed list above is skipped.
    private HashSet<string> Ignored(string root)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        if (_context.Tools.Resolve("git") is null && _context.Tools.Resolve("git.exe") is null)
        {
            return ignored;
        }

        var args = new ProcessArgumentBuilder()
            .Append("-c").Append("core.quotePath=false")
            .Append("ls-files").Append("--others").Append("--ignored").Append("--exclude-standard").Append("--directory");
        var output = GitTool.For(_context).Run(new DirectoryPath(root), args);
        if (output.Succeeded)
        {
            foreach (var line in output.Output.Where(l => l.Length > 0))
            {
                ignored.Add(line.TrimEnd('/'));
            }
        }

        return ignored;
    }

    // The overlay's namespace: what its resources get, so the cluster wiring can name the same one.
    private static string? OverlayNamespace(string kustomizationFile)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(kustomizationFile)));
            return stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("namespace"), out var node)
                && node is YamlScalarNode { Value: { Length: > 0 } name }
                ? name
                : null;
        }
        catch (Exception e) when (e is YamlException or IOException)
        {
            // An overlay Init cannot read still counts as one; only its namespace stays unknown.
            return null;
        }
    }

    private static string? ChartName(string chartFile)
    {
        try
        {
            return ChartDocument.Parse(chartFile, File.ReadAllText(chartFile)).Name;
        }
        catch (Exception e) when (e is ReleaseException or IOException)
        {
            // A chart Init cannot read is still matched by its folder name.
            return null;
        }
    }

    private static string Relative(string root, string folder) => Path.GetRelativePath(root, folder).Replace('\\', '/');

    private static List<string> Sorted(IEnumerable<string> paths) => paths.OrderBy(p => p, StringComparer.Ordinal).ToList();
}
