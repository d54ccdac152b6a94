using System.Xml.Linq;
using Cake.Common;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Build;
using Cake.Common.Tools.DotNet.Pack;
using Cake.Common.Tools.DotNet.Test;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Hosting;

namespace Build;

[TaskDescription("Deletes artifacts/ but for the running pipeline")]
public sealed class Clean : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        if (!context.DirectoryExists(context.Artifacts))
        {
            return;
        }

        // artifacts/bin/Build and artifacts/obj/Build hold this very pipeline: everything else goes.
        var pipeline = new[] { context.Artifacts.Combine("bin/Build"), context.Artifacts.Combine("obj/Build") };
        var doomed = context.GetSubDirectories(context.Artifacts)
            .SelectMany(folder => folder.GetDirectoryName() is "bin" or "obj" ? context.GetSubDirectories(folder) : [folder])
            .Where(folder => !pipeline.Any(keep => keep.FullPath == folder.FullPath));
        foreach (var folder in doomed)
        {
            context.DeleteDirectory(folder, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }
}

[TaskName("Build")]
[TaskDescription("Builds the library, tests, fixtures and benchmarks")]
public sealed class BuildTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        context.DotNetBuild(context.Solution.FullPath, new DotNetBuildSettings { Configuration = context.BuildConfiguration, NoLogo = true });
}

[TaskDescription("Restores the dotnet tools; installs the Debian packages the tests start (when root), else names them, and the npm packages of tests/Interop")]
public sealed class TestTools : FrostingTask<BuildContext>
{
    // Command → Debian package. The tests start these real components themselves, on 127.0.0.1.
    private static readonly (string Command, string Package)[] Needed =
        [("git", "git"), ("docker-registry", "docker-registry"), ("skopeo", "skopeo"), ("htpasswd", "apache2-utils"), ("kubectl", "kubernetes-client"), ("buildah", "buildah"), ("chromium", "chromium"), ("node", "nodejs"), ("npm", "npm")];

    public override void Run(BuildContext context)
    {
        // The tests run build.ps1 through the PowerShell that .config/dotnet-tools.json pins, so a fresh clone needs no pwsh of its own.
        context.DotNetToolRestore();

        var missing = Needed.Where(tool => context.Tools.Resolve(tool.Command) is null).Select(tool => tool.Package).ToList();
        if (missing.Count > 0)
        {
            Install(context, missing);
        }

        Interop(context);
    }

    // The independent implementations the tests compare with (node-semver, conventional-commits-parser), as
    // tests/Interop/package-lock.json pins them. npm keeps node_modules/.package-lock.json newer than the lock it
    // installed from, so an installed folder is left alone.
    private static void Interop(BuildContext context)
    {
        var folder = context.Root.Combine("tests/Interop");
        var installed = folder.CombineWithFilePath("node_modules/.package-lock.json").FullPath;
        if (System.IO.File.Exists(installed) && System.IO.File.GetLastWriteTimeUtc(installed) >= System.IO.File.GetLastWriteTimeUtc(folder.CombineWithFilePath("package-lock.json").FullPath))
        {
            return;
        }

        context.Information("Installing the npm packages of tests/Interop");
        if (context.StartProcess("npm", new ProcessSettings { Arguments = "ci --no-audit --no-fund", WorkingDirectory = folder }) != 0)
        {
            throw new CakeException("npm ci in tests/Interop failed; run it there by hand to see why.");
        }
    }

    private static void Install(BuildContext context, List<string> missing)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || context.Tools.Resolve("apt-get") is null)
        {
            throw new CakeException($"The tests need {string.Join(", ", missing)}: install with apt-get install {string.Join(' ', missing)} (or your system's package manager), then run again.");
        }

        context.Information($"Installing {string.Join(", ", missing)}");
        Apt(context, "update -qq");
        Apt(context, $"install -y -qq --no-install-recommends {string.Join(' ', missing)}");
    }

    private static void Apt(BuildContext context, string arguments)
    {
        var settings = new ProcessSettings { Arguments = arguments, EnvironmentVariables = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" } };
        if (context.StartProcess("apt-get", settings) != 0)
        {
            throw new CakeException($"apt-get {arguments} failed; run it by hand to see why.");
        }
    }
}

[TaskName("FormatCheck")]
[TaskDescription("Fails when the code is not in the house style of .editorconfig (dotnet format --verify-no-changes)")]
public sealed class FormatCheck : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var settings = new ProcessSettings { Arguments = $"format \"{context.Solution.FullPath}\" --verify-no-changes" };
        if (context.StartProcess("dotnet", settings) != 0)
        {
            throw new CakeException("The code is not in the house style (.editorconfig): run dotnet format Cake.Release.slnx and commit what it changes.");
        }
    }
}

[TaskName("Test")]
[TaskDescription("Checks the house style, runs the tests and prints 'N passed, N failed'")]
[IsDependentOn(typeof(TestTools))]
[IsDependentOn(typeof(FormatCheck))]
[IsDependentOn(typeof(BuildTask))]
public sealed class TestTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        context.CleanDirectory(context.TestResults);
        try
        {
            context.DotNetTest(context.Solution.FullPath, new DotNetTestSettings
            {
                Configuration = context.BuildConfiguration,
                NoBuild = true,
                NoLogo = true,
                ResultsDirectory = context.TestResults,
                Loggers = ["trx", "console;verbosity=normal"],
            });
        }
        finally
        {
            Summarize(context);
        }
    }

    // CI reads the totals from a line of their own; the TRX files are the runner's own count.
    private static void Summarize(BuildContext context)
    {
        var counters = context.GetFiles($"{context.TestResults.FullPath}/**/*.trx")
            .Select(file => XDocument.Load(file.FullPath).Descendants().First(e => e.Name.LocalName == "Counters"))
            .ToList();
        var passed = counters.Sum(c => (int?)c.Attribute("passed") ?? 0);
        var failed = counters.Sum(c => ((int?)c.Attribute("failed") ?? 0) + ((int?)c.Attribute("error") ?? 0) + ((int?)c.Attribute("timeout") ?? 0));
        var line = counters.Count == 0 ? "0 passed, 1 failed" : $"{passed} passed, {failed} failed";
        System.IO.File.WriteAllText(context.TestResults.CombineWithFilePath("summary.txt").FullPath, line + Environment.NewLine);
        context.Information(line);
    }
}

[TaskDescription("Packs Cake.Release into artifacts/packages")]
[IsDependentOn(typeof(BuildTask))]
public sealed class Pack : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        context.DotNetPack(context.Library.FullPath, new DotNetPackSettings
        {
            Configuration = context.BuildConfiguration,
            NoBuild = true,
            NoLogo = true,
            OutputDirectory = context.Packages,
        });
        foreach (var package in context.GetFiles($"{context.Packages.FullPath}/*.nupkg"))
        {
            context.Information($"Package: {package.FullPath}");
        }
    }
}

[TaskDescription("Prints the version the package gets")]
public sealed class Version : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        context.Information(typeof(CakeHost).Assembly.GetName().Version?.ToString(3) ?? "unknown");
}

[TaskDescription("Tests and packs")]
[IsDependentOn(typeof(TestTask))]
[IsDependentOn(typeof(Pack))]
public sealed class Default : FrostingTask<BuildContext>;
