using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Hosting;

/// <summary>The host's command line: Frosting's options, and arguments reaching the tasks.</summary>
public sealed class OptionTests
{
    [Theory]
    [InlineData("--dryrun")]
    [InlineData("--noop")]
    [InlineData("--whatif")]
    public void Dry_run_prints_the_plan_runs_no_ordinary_task_body_and_dry_run_tasks_see_the_flag(string option)
    {
        var result = SamplePipeline.Run("--target=Plan", option);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Ran);
        Assert.Contains("Dry run: nothing will be changed. The plan:", result.Output);
        Assert.Contains("1. Clean (would run)", result.Output);
        Assert.Contains("4. Plan (plans its own changes below)", result.Output);
        Assert.Contains("plan:would push tag", result.Output);
        Assert.DoesNotContain("setup:", result.Output);
    }

    [Fact]
    public void Without_dry_run_the_same_task_acts()
    {
        Assert.Contains("plan:pushed tag", SamplePipeline.Run("--target=Plan").Output);
    }

    [Theory]
    [InlineData("--target=ShowArgs", "--mark=hello")]
    [InlineData("--target", "ShowArgs", "--mark", "hello")]
    [InlineData("-t", "ShowArgs", "--MARK=hello")]
    public void Both_argument_spellings_reach_the_tasks(params string[] args)
    {
        var result = SamplePipeline.Run(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("args:mark=hello;", result.Output);
    }

    [Fact]
    public void Working_sets_the_directory_the_run_works_in()
    {
        var directory = Directory.CreateTempSubdirectory("cake-release-working-").FullName;
        try
        {
            Assert.Contains($"cwd={directory};", SamplePipeline.Run("--target=ShowArgs", $"--working={directory}").Output);
            Assert.Contains($"cwd={directory};", SamplePipeline.Run("--target=ShowArgs", "-w", directory).Output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_working_directory_is_an_error()
    {
        var result = SamplePipeline.Run("--target=ShowArgs", "--working=/no/such/dir");

        result.AssertRefused("Working directory '/no/such/dir' does not exist");
    }

    [Fact]
    public void Description_lists_every_task_with_its_description()
    {
        var result = SamplePipeline.Run("--description");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Clean\s+Removes outputs", result.Output);
        Assert.Matches(@"Compile\s+Compiles", result.Output);
        Assert.Contains("UnitTests", result.Output);
        Assert.Empty(result.Ran);
    }

    [Fact]
    public void Tree_shows_the_targets_dependencies()
    {
        var result = SamplePipeline.Run("--tree", "--target=Default");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        var start = lines.IndexOf("Default");
        Assert.Equal(["Default", "└─UnitTests", "   └─Compile", "      ├─Clean", "      └─Lint"], lines.Skip(start).Take(5));
        Assert.Empty(result.Ran);
    }

    [Fact]
    public void Help_lists_the_options_and_runs_nothing()
    {
        var result = SamplePipeline.Run("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("-t, --target <task>", result.Output);
        Assert.Contains("--dryrun", result.Output);
        Assert.Empty(result.Ran);
    }

    [Fact]
    public void UseWorkingDirectory_sets_the_default_that_working_overrides()
    {
        var root = Directory.CreateTempSubdirectory("cake-release-working-").FullName;
        try
        {
            var nested = Directory.CreateDirectory(System.IO.Path.Combine(root, "nested")).FullName;
            Assert.Contains($"cwd={nested};", SamplePipeline.RunIn(root, "--scenario=nested-working", "--target=ShowArgs").Output);
            Assert.Contains($"cwd={root};", SamplePipeline.RunIn(root, "--scenario=nested-working", "--target=ShowArgs", $"--working={root}").Output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Version_and_info_name_the_package_and_the_engine()
    {
        Assert.Matches(@"^Cake\.Release \d+\.\d+\.\d+ \(Cake 7\.0\.0\)", SamplePipeline.Run("--version").Output);
        var info = SamplePipeline.Run("--info").Output;
        Assert.Contains("Cake.Core:    7.0.0", info);
        Assert.Contains("Pipeline:     SamplePipeline", info);
    }

    [Theory]
    [InlineData("--verbosity=loud", "Unknown verbosity 'loud' (--verbosity). Use quiet, minimal, normal, verbose or diagnostic.")]
    [InlineData("stray", "Unexpected argument 'stray'.")]
    [InlineData("-x", "Unknown option '-x'.")]
    public void Bad_command_lines_are_one_line_errors(string arg, string message)
    {
        var result = SamplePipeline.Run(arg);

        result.AssertRefused(message);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void Quiet_verbosity_hides_information_lines()
    {
        var result = SamplePipeline.Run("--target=Clean", "-v", "quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Ran);
    }
}
