using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Release.Hosting;

/// <summary>
/// Runs a dry run: prints the plan, runs only the tasks that declared <see cref="SupportsDryRunAttribute"/>
/// (they see the dry-run flag and print their own plans), and lists the others without running them.
/// The host registers no lifetimes in a dry run (they are ordinary code that nothing marks as safe to
/// run), only <see cref="PrintPlan"/> as the setup, so setup and teardown pass straight through.
/// </summary>
internal sealed class DryRunStrategy(ICakeLog log, ICakeReportPrinter printer, IReadOnlySet<string> dryRunTasks) : IExecutionStrategy
{
    private readonly DefaultExecutionStrategy _real = new(log, printer);

    public void PerformSetup(Action<ISetupContext> action, ISetupContext context) => _real.PerformSetup(action, context);

    public void PerformTeardown(Action<ITeardownContext> action, ITeardownContext teardownContext) =>
        _real.PerformTeardown(action, teardownContext);

    /// <summary>The setup action of a dry run: the tasks the run would execute, in order.</summary>
    public void PrintPlan(ISetupContext context)
    {
        log.Information("Dry run: nothing will be changed. The plan:");
        var step = 0;
        foreach (var task in context.TasksToExecute)
        {
            var note = dryRunTasks.Contains(task.Name) ? "plans its own changes below" : "would run";
            log.Information($"  {++step}. {task.Name} ({note})");
        }
    }

    public Task ExecuteAsync(CakeTask task, ICakeContext context)
    {
        if (dryRunTasks.Contains(task.Name))
        {
            return _real.ExecuteAsync(task, context);
        }

        printer.WriteStep(task.Name, log.Verbosity);
        log.Information($"(dry run) {task.Name} not run: it does not plan its own changes.");
        return Task.CompletedTask;
    }

    public void Skip(CakeTask task, CakeTaskCriteria criteria) => _real.Skip(task, criteria);

    public Task ReportErrorsAsync(Func<Exception, Task> action, Exception exception) => _real.ReportErrorsAsync(action, exception);

    public Task HandleErrorsAsync(Func<Exception, ICakeContext, Task> action, Exception exception, ICakeContext context) =>
        _real.HandleErrorsAsync(action, exception, context);

    public Task InvokeFinallyAsync(Func<ICakeContext, Task> action, ICakeContext context) => _real.InvokeFinallyAsync(action, context);

    public void PerformTaskSetup(Action<ITaskSetupContext> action, ITaskSetupContext taskSetupContext) =>
        _real.PerformTaskSetup(action, taskSetupContext);

    public void PerformTaskTeardown(Action<ITaskTeardownContext> action, ITaskTeardownContext taskTeardownContext) =>
        _real.PerformTaskTeardown(action, taskTeardownContext);
}
