using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>
/// Contributes targets whose names are only known at start-up, from a configuration file rather than from a class
/// per target (Cake.Release's <c>Promote&lt;Env&gt;</c>, one per environment of release.yaml). The host finds every
/// concrete class implementing it, with a parameterless constructor, in the assemblies it scans for tasks.
/// </summary>
public interface ITaskSource
{
    /// <summary>The tasks to add, read from the context (its arguments and working directory) once the context exists.</summary>
    /// <param name="context">The run's context.</param>
    IEnumerable<ContributedTask> Tasks(ICakeContext context);
}

/// <summary>A task instance contributed by an <see cref="ITaskSource"/>.</summary>
/// <param name="Name">The target name (<c>--target=Name</c>).</param>
/// <param name="Description">The line <c>--description</c> shows.</param>
/// <param name="Task">The task to run.</param>
/// <param name="SupportsDryRun">Whether the task plans its own changes under <c>--dryrun</c>.</param>
/// <param name="Arguments">The arguments it reads, besides those its class declares with <see cref="TaskArgumentAttribute"/>.</param>
/// <param name="DependsOn">The task classes it runs after, as <see cref="IsDependentOnAttribute"/> says for a class.</param>
/// <param name="Fixes">Arguments its name fixes (PromoteStaging fixes --to): refused on the command line although a task it runs after reads them.</param>
public sealed record ContributedTask(string Name, string? Description, IFrostingTask Task, bool SupportsDryRun = false, IReadOnlyList<string>? Arguments = null, IReadOnlyList<Type>? DependsOn = null, IReadOnlyList<string>? Fixes = null);
