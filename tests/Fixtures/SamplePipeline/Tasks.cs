using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace SamplePipeline;

public sealed record Greeting(string Text);

public sealed class SampleContext(ICakeContext context, Greeting greeting) : FrostingContext(context)
{
    public Greeting Greeting { get; } = greeting;

    public string Mark => Arguments.HasArgument("mark") ? Arguments.GetArguments("mark").Last() : "-";

    public void Ran(string name) => Log.Information($"ran:{name}");
}

public sealed class SampleLifetime : FrostingLifetime<SampleContext>
{
    public override void Setup(SampleContext context, ISetupContext info) => context.Log.Information($"setup:{info.TargetTask.Name}");

    public override void Teardown(SampleContext context, ITeardownContext info) => context.Log.Information($"teardown:{(info.Successful ? "ok" : "failed")}");
}

public sealed class SampleTaskLifetime : FrostingTaskLifetime<SampleContext>
{
    public override void Setup(SampleContext context, ITaskSetupContext info) => context.Log.Information($"task-setup:{info.Task.Name}");
}

[TaskDescription("Removes outputs")]
public sealed class Clean : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(Clean));
}

[TaskDescription("Compiles")]
[IsDependentOn(typeof(Clean))]
public sealed class Compile : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(Compile));
}

[TaskName("Lint")]
[IsDependeeOf(typeof(Compile))]
public sealed class LintTask : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran("Lint");
}

[IsDependentOn(typeof(Compile))]
public sealed class UnitTests : AsyncFrostingTask<SampleContext>
{
    public override async Task RunAsync(SampleContext context)
    {
        await Task.Delay(10);
        context.Ran(nameof(UnitTests));
    }
}

[IsDependentOn(typeof(Clean))]
public sealed class Docs : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(Docs));
}

[IsDependentOn(typeof(UnitTests))]
public sealed class Default : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(Default));
}

public sealed class Skipped : FrostingTask<SampleContext>
{
    public override bool ShouldRun(SampleContext context) => false;

    public override void Run(SampleContext context) => context.Ran(nameof(Skipped));
}

[IsDependentOn(typeof(Skipped))]
public sealed class AfterSkipped : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(AfterSkipped));
}

public sealed class Fails : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new CakeException(7, "the registry said no\nsecond line that must not be printed");

    public override void OnError(Exception exception, SampleContext context) => context.Log.Information($"onerror:{exception.Message.Split('\n')[0]}");

    public override void Finally(SampleContext context) => context.Log.Information("finally:Fails");
}

[IsDependentOn(typeof(Fails))]
public sealed class AfterFails : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(AfterFails));
}

[ContinueOnError]
public sealed class FailsButContinues : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new InvalidOperationException("flaky");

    public override void Finally(SampleContext context) => context.Log.Information("finally:FailsButContinues");
}

[IsDependentOn(typeof(FailsButContinues))]
public sealed class AfterContinue : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(AfterContinue));
}

public sealed class BadPlaceholder : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new CakeException("release.yaml:7 tags.release: unknown placeholder {servce}; use {service}");
}

public sealed class Crashes : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => throw new InvalidOperationException("plain failure");
}

[SupportsDryRun]
[IsDependentOn(typeof(Compile))]
public sealed class Plan : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) =>
        context.Log.Information(context.IsDryRun ? "plan:would push tag" : "plan:pushed tag");
}

[TaskArgument("mark")]
public sealed class ShowArgs : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) =>
        context.Log.Information($"args:mark={context.Mark};cwd={context.Environment.WorkingDirectory.FullPath};greeting={context.Greeting.Text};setting={context.Configuration.GetValue("Sample_Setting")}");
}

[TaskName("Greet")]
public sealed class LocalGreet : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran("LocalGreet");
}

/// <summary>Uses a service the host resolves by constructor injection.</summary>
public sealed class Injected(Greeting greeting, IServiceProvider services) : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) =>
        context.Log.Information($"injected:{greeting.Text}:{services.GetService<Greeting>() is not null}");
}

/// <summary>Runs ShowArgs first, so --mark is read in its run too.</summary>
[IsDependentOn(typeof(ShowArgs))]
public sealed class AfterShowArgs : FrostingTask<SampleContext>
{
    public override void Run(SampleContext context) => context.Ran(nameof(AfterShowArgs));
}
