using System.Security.Cryptography;
using System.Text.Json;
using Cake.Common;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Build;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Common.Tools.DotNet.Pack;
using Cake.Core;
using Cake.Core.IO;
using Cake.Release.Hosting;

namespace Build;

/// <summary>
/// The whole release flow on examples/monorepo, as its users run it: the example is copied to a fresh git repository
/// (artifacts/demo/monorepo, with a bare origin beside it) that references Cake.Release as a package, and each step
/// is its own ./build.sh call. Embedded defaults only (an OCI layout for the registry, the oci-layer builder), so it
/// needs the .NET SDK and git alone. Every run starts from scratch.
/// </summary>
[TaskDescription("Packs Cake.Release and runs the release flow on a copy of examples/monorepo (--demo-dir, default artifacts/demo)")]
[TaskArgument("demo-dir")]
public sealed class Demo : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var root = new DirectoryPath(context.Argument("demo-dir", context.Artifacts.Combine("demo").FullPath)).MakeAbsolute(context.Environment);
        if (context.Root.FullPath.StartsWith(root.FullPath.TrimEnd('/') + "/", StringComparison.Ordinal) || context.Root.FullPath == root.FullPath)
        {
            throw new CakeException($"--demo-dir={root.FullPath} holds this repository, and the demo deletes it first; name a folder of its own, e.g. --demo-dir=artifacts/demo.");
        }

        if (context.DirectoryExists(root))
        {
            context.DeleteDirectory(root, new DeleteDirectorySettings { Recursive = true, Force = true });
        }

        var feed = root.Combine("feed");
        var version = PackLibrary(context, feed);
        var shop = new DemoRepository(context, root, version);
        shop.Create(context.Root.Combine("examples/monorepo"), feed);
        Story(context, shop);
    }

    private static void Story(BuildContext context, DemoRepository shop)
    {
        Step(context, 1, "The first push to main: every service is new, so DeployDev builds all four once and deploys them to dev");
        shop.Pipeline("--target=DeployDev", "--by=ci-bot");

        Step(context, 2, "Release candidates of blue and green go to staging: the very images dev runs, retagged, never rebuilt");
        shop.Pipeline("--target=PromoteStaging", "--service=blue", "--by=carol");
        shop.Pipeline("--target=PromoteStaging", "--service=green", "--by=carol");

        Step(context, 3, "blue goes to production: carol promotes, alice and bob approve (production needs two approvers)");
        shop.Pipeline("--target=PromoteProduction", "--service=blue", "--by=carol", "--approver=alice", "--approver=bob");

        Step(context, 4, "A fix to blue lands on main; DeployDev rebuilds blue alone (green, yellow and red did not change)");
        shop.Commit("fix(blue): show prices in euros", "projects/blue/dist/index.html", page => page.Replace("<p>version 1</p>", "<p>version 2: prices in euros</p>", StringComparison.Ordinal));
        shop.Pipeline("--target=DeployDev", "--by=ci-bot");
        OnlyBlueWasBuilt(context, shop);

        Step(context, 5, "The fix goes through staging to production as blue's next patch release");
        shop.Pipeline("--target=PromoteStaging", "--service=blue", "--by=carol");
        shop.Pipeline("--target=PromoteProduction", "--service=blue", "--by=carol", "--approver=alice", "--approver=bob");

        Step(context, 6, "Production misbehaves: Rollback returns blue to its previous release, the same digest that ran before");
        shop.Pipeline("--target=Rollback", "--env=production", "--service=blue", "--by=carol");

        Step(context, 7, "blue's configuration changes on main (two replicas); DeployDev gives dev a new revision of blue with the image it runs, rendered with the new configuration, and builds nothing");
        shop.Commit("fix(blue): run two replicas", "k8s/base/blue.yaml", deployment => deployment.Replace("replicas: 1", "replicas: 2", StringComparison.Ordinal));
        shop.Pipeline("--target=DeployDev", "--by=ci-bot");
        shop.Pipeline("--target=Status");

        Step(context, 8, "The configuration travels with blue's promotions alone: staging, then production; green's environments never see it");
        shop.Pipeline("--target=PromoteStaging", "--service=blue", "--by=carol");
        shop.Pipeline("--target=PromoteProduction", "--service=blue", "--by=carol", "--approver=alice", "--approver=bob");
        ConfigurationTravelledWithBlue(context, shop);

        Step(context, 9, "blue's chart changes; ReleaseChart bumps Chart.yaml, writes its changelog, and tags the release on main");
        shop.Commit("feat(blue): two replicas in the chart too", "helm/charts/blue/values.yaml", values => values.Replace("replicas: 1", "replicas: 2", StringComparison.Ordinal));
        shop.Pipeline("--target=ReleaseChart", "--service=blue");
        shop.Git("pull --quiet --ff-only --tags origin main");

        Step(context, 10, "What runs where: the Status matrix, and the same as JSON (artifacts/status.json) and as a page to filter (artifacts/status.html)");
        shop.Pipeline("--target=Status");
        shop.Pipeline("--target=Status", "--format=json");
        shop.Pipeline("--target=Status", "--format=html");

        Step(context, 11, "One record across repositories: the shop's whole history published to the ReleaseFragments table (DynamoDB; here dynalite on this machine) and read back by Status --source=dynamodb, as every repository that publishes would be");
        ReleaseRecord(context, shop);

        Step(context, 12, "How delivery went: the DORA metrics of the last 30 days from the manifests' history (blue's 0.1.1 was rolled back, so one of its three production deployments failed), as a page with charts (artifacts/metrics.html) and as the table");
        shop.Pipeline("--target=Metrics", "--format=html");
        shop.Pipeline("--target=Metrics");

        context.Information("");
        context.Information($"The demo repository is {shop.Path.FullPath}, its origin {shop.Origin.FullPath}.");
        context.Information("Look around: git -C <repository> log --oneline --all --graph, or ./build.sh --target=Status there.");
    }

    // A user adds publish: to release.yaml; the demo writes a copy with it (release.record.yaml, removed afterwards),
    // so the other steps, and the demo repository afterwards, run without a table to reach.
    private static void ReleaseRecord(BuildContext context, DemoRepository shop)
    {
        using var record = DemoReleaseRecord.Start(context, context.Root);
        if (record is null)
        {
            return;
        }

        const string config = "release.record.yaml";
        shop.Write(config, shop.Read("release.yaml") + "\npublish:\n  dynamodb: ReleaseFragments\n  repository: example.com/acme/shop\n");
        try
        {
            shop.Pipeline(record.Environment, "--target=PublishRelease", $"--config={config}");
            shop.Pipeline(record.Environment, "--target=Status", "--source=dynamodb", $"--config={config}");
        }
        finally
        {
            shop.Write(config, null);
        }
    }

    private static void Step(BuildContext context, int number, string story)
    {
        context.Information("");
        context.Information($"━━━ {number}. {story}");
    }

    /// <summary>
    /// Builds the library alone (not the solution, so the demo can run while the tests run) and packs it under a
    /// version derived from what the package holds. Why: NuGet caches a package by id and version for good, so a
    /// re-pack of 0.1.0 after a change in src/ would never reach the demo's restore; a content-derived version is new
    /// exactly when the package changed, and a warm re-run with nothing changed restores from the cache. (A packages
    /// folder of the demo's own would also do, but would fetch Cake.Tool and the other dependencies again on every run.)
    /// </summary>
    private static string PackLibrary(BuildContext context, DirectoryPath feed)
    {
        context.DotNetBuild(context.Library.FullPath, new DotNetBuildSettings { Configuration = context.BuildConfiguration, NoLogo = true, Verbosity = DotNetVerbosity.Quiet });

        var assembly = context.Artifacts.CombineWithFilePath($"bin/Cake.Release/{context.BuildConfiguration.ToLowerInvariant()}/Cake.Release.dll");
        var packed = new[] { assembly, context.Root.CombineWithFilePath("src/Cake.Release/buildTransitive/Cake.Release.props"), context.Root.CombineWithFilePath("README.md") };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in packed)
        {
            hash.AppendData(File.ReadAllBytes(file.FullPath));
        }

        var core = typeof(CakeHost).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";
        var version = $"{core}-demo.{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}";
        context.DotNetPack(context.Library.FullPath, new DotNetPackSettings
        {
            Configuration = context.BuildConfiguration,
            NoBuild = true,
            NoLogo = true,
            OutputDirectory = feed,
            Verbosity = DotNetVerbosity.Quiet,
            MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PackageVersion", version),
        });
        context.Information($"Packed Cake.Release {version} into {feed.FullPath}");
        return version;
    }

    // The point of rendered mode: each environment's branch holds what runs, and blue's change reached all three
    // through blue's own deployment and promotions, while green, deployed from the same overlays, kept its own.
    private static void ConfigurationTravelledWithBlue(BuildContext context, DemoRepository shop)
    {
        var branches = new Dictionary<string, string> { ["dev"] = "gitops/dev-auto-update", ["staging"] = "gitops/staging-releases", ["production"] = "gitops/production-releases" };
        foreach (var (environment, branch) in branches)
        {
            var blue = shop.Show(branch, $"rendered/{environment}/blue/deployment-blue.yaml");
            if (blue?.Contains("replicas: 2", StringComparison.Ordinal) != true)
            {
                throw new CakeException($"The demo expected {branch} to run blue with two replicas (rendered/{environment}/blue/deployment-blue.yaml), but it reads: {blue ?? "no such file"}");
            }

            if (shop.Show(branch, $"rendered/{environment}/green/deployment-green.yaml") is { } green && !green.Contains("replicas: 1", StringComparison.Ordinal))
            {
                throw new CakeException($"The demo expected {branch} to keep green at one replica; rendered/{environment}/green/deployment-green.yaml reads: {green}");
            }
        }

        context.Information("blue runs two replicas in dev, staging and production; green kept one replica everywhere.");
    }

    // The point of BuildOnce: the second DeployDev builds what changed and nothing else. builds.json is its record.
    private static void OnlyBlueWasBuilt(BuildContext context, DemoRepository shop)
    {
        using var builds = JsonDocument.Parse(File.ReadAllText(shop.Path.CombineWithFilePath("artifacts/builds.json").FullPath));
        var built = builds.RootElement.GetProperty("builds").EnumerateArray()
            .Where(build => build.GetProperty("built").GetBoolean())
            .Select(build => build.GetProperty("service").GetString())
            .ToList();
        if (built is not ["blue"])
        {
            throw new CakeException($"The demo expected DeployDev to rebuild blue alone, but it built {(built.Count == 0 ? "nothing" : string.Join(", ", built))}.");
        }

        context.Information("Only blue was rebuilt.");
    }
}
