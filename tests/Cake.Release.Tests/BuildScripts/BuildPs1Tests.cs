using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.BuildScripts;

/// <summary>
/// The repository's build.ps1 through real PowerShell 7, on a copy of the repository: it builds the pipeline when
/// build/ or src/ changed and else starts it directly, as build.sh does, and the pipeline's arguments and exit code
/// pass through unchanged.
/// </summary>
public sealed class BuildPs1Tests(RepositoryCopy copy) : IClassFixture<RepositoryCopy>
{
    [Fact]
    public void A_cold_run_builds_the_pipeline_and_runs_the_target_as_build_sh_does()
    {
        Assert.True(copy.Cold.ExitCode == 0, copy.Cold.ToString());
        Assert.True(File.Exists(copy.Stamp), copy.Stamp);
        Assert.Contains("Build succeeded", File.ReadAllText(copy.BuildLog));

        var sh = copy.Sh("--target=Version");
        Assert.True(sh.ExitCode == 0, sh.ToString());
        Assert.Equal(Version(sh), Version(copy.Cold));
    }

    [Fact]
    public void A_warm_run_starts_the_pipeline_without_building_it()
    {
        Assert.True(copy.Cold.ExitCode == 0, copy.Cold.ToString());
        var built = (File.GetLastWriteTimeUtc(copy.Stamp), File.GetLastWriteTimeUtc(copy.BuildLog));

        var warm = copy.Ps1("--target=Version");

        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Equal(Version(copy.Cold), Version(warm));
        Assert.Equal(built, (File.GetLastWriteTimeUtc(copy.Stamp), File.GetLastWriteTimeUtc(copy.BuildLog)));
    }

    [Fact]
    public void A_change_under_build_rebuilds_and_the_new_targets_arguments_and_exit_code_pass_through_as_with_build_sh()
    {
        Assert.True(copy.Cold.ExitCode == 0, copy.Cold.ToString());
        var built = File.GetLastWriteTimeUtc(copy.Stamp);
        File.WriteAllText(Path.Combine(copy.Root, "build", "Echo.cs"), """
            using Cake.Common;
            using Cake.Common.Diagnostics;
            using Cake.Core;
            using Cake.Release.Hosting;

            namespace Build;

            [TaskArgument("text")]
            public sealed class Echo : FrostingTask<BuildContext>
            {
                public override void Run(BuildContext context)
                {
                    context.Information($"<{context.Argument<string>("text")}>");
                    throw new CakeException(42, "fails on purpose");
                }
            }
            """);
        // PowerShell's -File reads an argument starting with '-' as a parameter of the script, and cuts it at a colon.
        string[] args = ["--target=Echo", "--text=two words = one sha256:abc -x \"quoted\""];

        var ps1 = copy.Ps1(args);

        Assert.True(ps1.ExitCode == 42, ps1.ToString());
        Assert.Contains("<two words = one sha256:abc -x \"quoted\">", ps1.Output);
        Assert.True(File.GetLastWriteTimeUtc(copy.Stamp) > built, "the pipeline was not rebuilt");

        var sh = copy.Sh(args);
        Assert.Equal(42, sh.ExitCode);
        Assert.Equal(sh.ErrorLines, ps1.ErrorLines);
    }

    // The line the Version target logs: the rest of the log (task durations) differs from run to run.
    private static string Version(ProcessResult run) =>
        run.Output.Split('\n').Select(line => line.Trim()).Single(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d+\.\d+\.\d+$"));
}
