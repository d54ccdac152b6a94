using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Hosting;

/// <summary>What a failing task does to the run: hooks, exit codes, and the one error line.</summary>
public sealed class FailureTests
{
    [Fact]
    public void OnError_and_Finally_run_and_the_failure_still_stops_the_run_with_its_exit_code()
    {
        var result = SamplePipeline.Run("--target=AfterFails");

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("onerror:the registry said no", result.Output);
        Assert.Contains("finally:Fails", result.Output);
        Assert.DoesNotContain("AfterFails", result.Ran);
        Assert.Contains("teardown:failed", result.Output);
    }

    [Fact]
    public void A_failure_is_one_error_line_without_the_rest_of_the_message()
    {
        var result = SamplePipeline.Run("--target=Fails");

        var errors = result.All.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Error: the registry said no"], errors);
        Assert.DoesNotContain("second line", result.All);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public void An_error_quoting_placeholders_keeps_its_braces()
    {
        var result = SamplePipeline.Run("--target=BadPlaceholder");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: release.yaml:7 tags.release: unknown placeholder {servce}; use {service}", result.All);
    }

    [Fact]
    public void An_exception_that_is_not_a_CakeException_exits_with_1()
    {
        var result = SamplePipeline.Run("--target=Crashes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: plain failure", result.All);
    }

    [Fact]
    public void Diagnostic_verbosity_adds_the_stack_trace()
    {
        var result = SamplePipeline.Run("--target=Crashes", "--verbosity=diagnostic");

        Assert.Contains("InvalidOperationException", result.All);
        Assert.Contains("   at ", result.All);
    }

    [Fact]
    public void ContinueOnError_reports_the_failure_and_the_run_goes_on()
    {
        var result = SamplePipeline.Run("--target=AfterContinue");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["AfterContinue"], result.Ran);
        Assert.Contains("finally:FailsButContinues", result.Output);
        Assert.Contains("FailsButContinues failed and the run continues", result.All);
    }

    [Fact]
    public void An_unknown_target_is_an_error_naming_the_closest_tasks()
    {
        var result = SamplePipeline.Run("--target=Compiel");

        result.AssertRefused("Target 'Compiel' was not found. Did you mean Compile?");
    }

    [Fact]
    public void A_task_expecting_another_context_is_an_error_naming_the_fix()
    {
        var result = SamplePipeline.Run("--scenario=wrong-context");

        result.AssertRefused("'AfterContinue' (SamplePipeline.AfterContinue) expects a SampleContext context, but the host's is FrostingContext. Call UseContext<SampleContext>()");
    }
}
