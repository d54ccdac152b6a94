using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Hosting;

/// <summary>Tasks from a second assembly (as Cake.Release's own are imported), replaced or removed by the pipeline.</summary>
public sealed class ImportTests
{
    [Fact]
    public void Tasks_of_an_assembly_that_is_not_added_are_unknown()
    {
        var result = SamplePipeline.Run("--target=Publish");

        result.AssertRefused("Target 'Publish' was not found");
    }

    [Fact]
    public void A_name_used_twice_is_an_error_naming_both_classes_and_the_fix()
    {
        var result = SamplePipeline.Run("--scenario=import-duplicate", "--target=Publish");

        result.AssertRefused("Task name 'Greet' is used by SamplePipeline.LocalGreet (SamplePipeline) and ImportedTasks.ImportedGreet (ImportedTasks). Rename one with [TaskName(\"...\")], or replace the imported one with host.ReplaceTask<YourTask>().");
    }

    [Fact]
    public void An_imported_task_runs_and_a_replaced_dependency_runs_the_pipelines_class()
    {
        var result = SamplePipeline.Run("--scenario=import-replace", "--target=Publish");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["LocalGreet", "ImportedPublish"], result.Ran);
    }

    [Fact]
    public void A_removed_task_is_gone_and_its_dependents_run_without_it()
    {
        var result = SamplePipeline.Run("--scenario=import-remove", "--target=Publish");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["ImportedPublish"], result.Ran);
        Assert.DoesNotContain("Greet", result.Output);

        var gone = SamplePipeline.Run("--scenario=import-remove", "--target=Greet");
        gone.AssertRefused("Target 'Greet' was not found");
    }

    [Fact]
    public void Removing_a_task_that_does_not_exist_is_an_error_naming_the_closest()
    {
        var result = SamplePipeline.Run("--scenario=remove-typo", "--target=Greet");

        result.AssertRefused("RemoveTask(\"Publsh\") names no task. Did you mean Publish?");
    }

    [Fact]
    public void Replacing_when_there_is_nothing_to_replace_is_an_error()
    {
        var result = SamplePipeline.Run("--scenario=replace-nothing", "--target=Docs");

        result.AssertRefused("ReplaceTask<SamplePipeline.Docs>() has no other task named 'Docs' to replace.");
    }
}
