using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Hosting;

/// <summary>
/// Arguments a task declares ([TaskArgument]) reach it; one that no task of the run reads is refused before anything
/// runs, naming the closest declared one, while the host's options and environment variables keep working.
/// </summary>
public sealed class ArgumentTests
{
    [Theory]
    [InlineData("--makr=hello", "Unknown argument --makr for ShowArgs: did you mean --mark? ShowArgs reads --mark, besides the host's options (--help).")]
    [InlineData("--mrak=hello", "Unknown argument --mrak for ShowArgs: did you mean --mark?")]
    [InlineData("--mark-=hello", "Unknown argument --mark- for ShowArgs: did you mean --mark?")]
    [InlineData("--verbosty=diagnostic", "Unknown argument --verbosty for ShowArgs: did you mean --verbosity?")]
    [InlineData("--dryrn", "Unknown argument --dryrn for ShowArgs: did you mean --dryrun?")]
    [InlineData("--colour=never", "Unknown argument --colour for ShowArgs: ShowArgs reads --mark, besides the host's options (--help).")]
    [InlineData("--version=1.2.3", "Unknown argument --version for ShowArgs:")]
    public void A_misspelled_or_unknown_argument_is_refused_before_anything_runs(string argument, string message)
    {
        var result = SamplePipeline.Run("--target=ShowArgs", "--mark=hello", argument);

        result.AssertRefused(message);
        Assert.DoesNotContain("setup:", result.Output);
        Assert.DoesNotContain("args:", result.Output);
    }

    [Fact]
    public void An_argument_only_a_task_outside_the_run_declares_is_refused()
    {
        var result = SamplePipeline.Run("--target=Clean", "--mark=hello");

        result.AssertRefused("Unknown argument --mark for Clean: Clean takes no arguments, besides the host's options (--help).");
    }

    [Fact]
    public void A_task_that_runs_because_the_target_depends_on_it_makes_its_arguments_known()
    {
        var result = SamplePipeline.Run("--target=AfterShowArgs", "--mark=hello");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("args:mark=hello;", result.Output);

        var exclusive = SamplePipeline.Run("--target=AfterShowArgs", "--exclusive", "--mark=hello");
        exclusive.AssertRefused("Unknown argument --mark for AfterShowArgs:");
    }

    [Fact]
    public void The_hosts_options_in_every_spelling_need_no_declaration()
    {
        var directory = Directory.CreateTempSubdirectory("cake-release-args-").FullName;
        try
        {
            var result = SamplePipeline.Run("--target=Plan", "--verbosity=diagnostic", "--noop", "--exclusive", $"--working={directory}");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("plan:would push tag", result.Output);

            var shortForms = SamplePipeline.Run("-t", "Clean", "-v", "normal", "-e", "-w", directory, "--dry-run", "--whatif=true");
            Assert.True(shortForms.ExitCode == 0, shortForms.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Description_and_tree_list_without_checking_arguments()
    {
        Assert.Equal(0, SamplePipeline.Run("--description", "--mark=x").ExitCode);
        Assert.Equal(0, SamplePipeline.Run("--tree", "--target=Default", "--mark=x").ExitCode);
    }
}
