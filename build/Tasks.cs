using System.Xml.Linq;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Build;
using Cake.Common.Tools.DotNet.Pack;
using Cake.Common.Tools.DotNet.Test;
using Cake.Core.IO;
using Cake.Release.Hosting;

namespace Build;

[TaskDescription("Deletes build outputs, packages and test results (not the running pipeline)")]
public sealed class Clean : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        foreach (var folder in new[] { "packages", "test-results", "demo" })
        {
            context.CleanDirectory(context.Artifacts.Combine(folder));
        }

        // artifacts/bin/Build and artifacts/obj/Build hold this very pipeline: leave them.
        foreach (var output in new[] { "bin", "obj" })
        {
            var root = context.Artifacts.Combine(output);
            if (!context.DirectoryExists(root))
            {
                continue;
            }

            foreach (var project in context.GetSubDirectories(root).Where(d => d.GetDirectoryName() != "Build"))
            {
                context.DeleteDirectory(project, new DeleteDirectorySettings { Recursive = true, Force = true });
            }
        }
    }
}

[TaskDescription("Builds the library, tests, fixtures and benchmarks")]
public sealed class Compile : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        context.DotNetBuild(context.Solution.FullPath, new DotNetBuildSettings { Configuration = context.BuildConfiguration, NoLogo = true });
}

[TaskName("Test")]
[TaskDescription("Runs the tests and prints 'N passed, N failed'")]
[IsDependentOn(typeof(Compile))]
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
[IsDependentOn(typeof(Compile))]
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
