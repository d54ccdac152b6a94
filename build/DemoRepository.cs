using Cake.Common;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;

namespace Build;

/// <summary>
/// The demo's git repository (a copy of examples/monorepo) and its bare origin beside it, and the way into both:
/// git, and the example's own build.sh (build.ps1 on Windows), each run with the demo's git identity and the
/// Cake.Release version the demo packed.
/// </summary>
public sealed class DemoRepository(BuildContext context, DirectoryPath root, string packageVersion)
{
    public const string Name = "monorepo";

    // Who commits in the demo. Set through the environment, so the machine's own git config is neither read nor changed.
    private readonly Dictionary<string, string?> _environment = new()
    {
        ["GIT_AUTHOR_NAME"] = "Demo Developer",
        ["GIT_AUTHOR_EMAIL"] = "developer@shop.example",
        ["GIT_COMMITTER_NAME"] = "Demo Developer",
        ["GIT_COMMITTER_EMAIL"] = "developer@shop.example",
    };

    public DirectoryPath Root { get; } = root;

    public DirectoryPath Path { get; } = root.Combine(Name);

    public DirectoryPath Origin { get; } = root.Combine("origin.git");

    /// <summary>A fresh copy of <paramref name="example"/> as the first commit on main, pushed to a fresh bare origin.</summary>
    public void Create(DirectoryPath example, DirectoryPath feed)
    {
        Copy(example.FullPath, Path.FullPath);

        // The example names the feed relative to its place in the Cake.Release repository; here it is the demo's own.
        // The version just packed is written into the project, not passed around, so that ./build.sh in the demo
        // repository keeps working after the demo, as a user would run it.
        Edit("nuget.config", text => text.Replace("../../artifacts/packages", feed.FullPath, StringComparison.Ordinal));
        Edit("build/Build.csproj", text => text.Replace("'$(CakeReleaseVersion)' == ''\">0.1.0<", $"'$(CakeReleaseVersion)' == ''\">{packageVersion}<", StringComparison.Ordinal));

        Git(Root, $"init --quiet --bare --initial-branch=main {Origin.FullPath}");
        Git("init --quiet --initial-branch=main");
        Git($"remote add origin {Origin.FullPath}");
        Git("add --all");
        Git("commit --quiet -m \"feat: the shop's services, payments library, charts and overlays\"");
        Git("push --quiet origin main");
    }

    /// <summary>Writes <paramref name="file"/> (relative to the repository), commits it and pushes main, as a developer's merge would.</summary>
    public void Commit(string message, string file, Func<string, string> edit)
    {
        var full = Path.CombineWithFilePath(file).FullPath;
        File.WriteAllText(full, edit(File.ReadAllText(full)));
        Git($"commit --quiet -m \"{message}\" -- {file}");
        Git("push --quiet origin main");
    }

    public void Git(string arguments) => Git(Path, arguments);

    /// <summary>A file of a branch of origin, as the cluster that follows the branch reads it; null when absent.</summary>
    public string? Show(string branch, string file)
    {
        var exit = context.StartProcess("git", new ProcessSettings
        {
            Arguments = $"show {branch}:{file}",
            WorkingDirectory = Origin,
            EnvironmentVariables = _environment,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }, out var output);
        return exit == 0 ? string.Join('\n', output) : null;
    }

    /// <summary>A file of the working tree, written (null: deleted), for a step that uses a configuration of its own.</summary>
    public void Write(string file, string? text)
    {
        var full = Path.CombineWithFilePath(file).FullPath;
        if (text is null)
        {
            File.Delete(full);
        }
        else
        {
            File.WriteAllText(full, text);
        }
    }

    /// <summary>A file of the working tree.</summary>
    public string Read(string file) => File.ReadAllText(Path.CombineWithFilePath(file).FullPath);

    private void Edit(string file, Func<string, string> edit)
    {
        var full = Path.CombineWithFilePath(file).FullPath;
        var text = File.ReadAllText(full);
        var edited = edit(text);
        if (edited == text)
        {
            throw new CakeException($"The demo could not point {file} of examples/monorepo at the package it packed; the file no longer has the line it expects.");
        }

        File.WriteAllText(full, edited);
    }

    /// <summary>Runs the example's own pipeline, as its users do, and fails the demo when it fails.</summary>
    public void Pipeline(params string[] arguments) => Pipeline(new Dictionary<string, string?>(), arguments);

    /// <summary>The pipeline with more environment variables (the release record's endpoint).</summary>
    public void Pipeline(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var line = string.Join(' ', arguments);
        context.Information($"$ ./build.sh {line}");
        var (program, script) = OperatingSystem.IsWindows() ? ("pwsh", "-NoProfile -File build.ps1") : ("bash", "build.sh");
        var exit = context.StartProcess(program, new ProcessSettings
        {
            Arguments = $"{script} {line}",
            WorkingDirectory = Path,
            EnvironmentVariables = _environment.Concat(environment).ToDictionary(),
        });
        if (exit != 0)
        {
            throw new CakeException($"The demo stopped: ./build.sh {line} exited with {exit} in {Path.FullPath}; its output is above.");
        }
    }

    private void Git(DirectoryPath directory, string arguments)
    {
        var exit = context.StartProcess("git", new ProcessSettings { Arguments = arguments, WorkingDirectory = directory, EnvironmentVariables = _environment });
        if (exit != 0)
        {
            throw new CakeException($"The demo stopped: git {arguments} exited with {exit} in {directory.FullPath}.");
        }
    }

    // Everything the example holds but what running it writes (its pipeline's outputs, the registry, bin/obj).
    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file);
            var parts = relative.Split(System.IO.Path.DirectorySeparatorChar);
            if (parts[0] is "artifacts" or ".release" || parts.Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = System.IO.Path.Combine(to, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
