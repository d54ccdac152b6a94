using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Hosting;

/// <summary>Which tasks run, in which order, through the fixture pipeline as a real process.</summary>
public sealed class TaskGraphTests
{
    [Fact]
    public void Default_target_runs_dependencies_first()
    {
        var result = SamplePipeline.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Clean", "Lint", "Compile", "UnitTests", "Default"], result.Ran);
    }

    [Fact]
    public void IsDependeeOf_runs_the_task_before_the_one_it_names()
    {
        var result = SamplePipeline.Run("--target=Compile");

        Assert.Equal(["Clean", "Lint", "Compile"], result.Ran);
    }

    [Fact]
    public void Several_targets_share_one_graph_and_each_task_runs_once()
    {
        var result = SamplePipeline.Run("--target=Docs", "--target=Compile");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Clean", "Docs", "Lint", "Compile"], result.Ran);
    }

    [Fact]
    public void Exclusive_runs_the_target_alone()
    {
        var result = SamplePipeline.Run("--target=Compile", "--exclusive");

        Assert.Equal(["Compile"], result.Ran);
        Assert.Equal(["Compile"], SamplePipeline.Run("-t", "Compile", "-e").Ran);
    }

    [Fact]
    public void ShouldRun_false_skips_the_task_but_not_its_dependents()
    {
        var result = SamplePipeline.Run("--target=AfterSkipped");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["AfterSkipped"], result.Ran);
        Assert.Matches(@"Skipped\s+-\s+Skipped\s+ShouldRun is false", result.Output);
    }

    [Fact]
    public void Lifetimes_wrap_the_run_and_every_task()
    {
        var result = SamplePipeline.Run("--target=Compile");

        var lines = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':') && !l.StartsWith("ran:", StringComparison.Ordinal) && !l.Contains("00:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["setup:Compile", "task-setup:Clean", "task-setup:Lint", "task-setup:Compile", "teardown:ok"], lines);
    }

    [Fact]
    public void Tasks_and_context_receive_services_by_injection()
    {
        Assert.Contains("injected:hello from DI:True", SamplePipeline.Run("--target=Injected").Output);
        Assert.Contains("greeting=hello from DI", SamplePipeline.Run("--target=ShowArgs").Output);
    }

    [Fact]
    public void Settings_reach_the_Cake_configuration()
    {
        Assert.Contains("setting=from UseSetting", SamplePipeline.Run("--target=ShowArgs").Output);
    }

    [Fact]
    public void The_summary_table_ends_a_run()
    {
        var result = SamplePipeline.Run("--target=Compile");

        var summary = result.Output[result.Output.LastIndexOf("Task", StringComparison.Ordinal)..];
        Assert.Contains("Duration", summary);
        Assert.Contains("Clean", summary);
        Assert.Contains("Compile", summary);
        Assert.Contains("Total:", summary);
    }
}
