using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>What the host needs of a task, whatever its context type; derive from
/// <see cref="FrostingTask{TContext}"/> or <see cref="AsyncFrostingTask{TContext}"/> instead of implementing it.</summary>
public interface IFrostingTask
{
    /// <summary>Runs the task.</summary>
    Task RunAsync(ICakeContext context);

    /// <summary>Whether the task runs at all; false skips it (its dependencies still run).</summary>
    bool ShouldRun(ICakeContext context);

    /// <summary>Called when the task failed, before the failure stops the run (unless the task continues on error).</summary>
    void OnError(Exception exception, ICakeContext context);

    /// <summary>Called after the task ran, whether or not it failed.</summary>
    void Finally(ICakeContext context);
}
