using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>Code run once before the first task and once after the last (<see cref="CakeHost.UseLifetime{TLifetime}"/>).</summary>
public abstract class FrostingLifetime<TContext> : IRunLifetime where TContext : ICakeContext
{
    /// <summary>Runs before the first task.</summary>
    public virtual void Setup(TContext context, ISetupContext info)
    {
    }

    /// <summary>Runs after the last task, also when a task failed.</summary>
    public virtual void Teardown(TContext context, ITeardownContext info)
    {
    }

    void IRunLifetime.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);

    void IRunLifetime.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>Code run before and after every task (<see cref="CakeHost.UseTaskLifetime{TLifetime}"/>).</summary>
public abstract class FrostingTaskLifetime<TContext> : ITaskLifetime where TContext : ICakeContext
{
    /// <summary>Runs before each task.</summary>
    public virtual void Setup(TContext context, ITaskSetupContext info)
    {
    }

    /// <summary>Runs after each task, also when it failed.</summary>
    public virtual void Teardown(TContext context, ITaskTeardownContext info)
    {
    }

    void ITaskLifetime.Setup(ICakeContext context, ITaskSetupContext info) => Setup((TContext)context, info);

    void ITaskLifetime.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>How the host calls a run lifetime whatever its context type.</summary>
internal interface IRunLifetime
{
    void Setup(ICakeContext context, ISetupContext info);

    void Teardown(ICakeContext context, ITeardownContext info);
}

/// <summary>How the host calls a task lifetime whatever its context type.</summary>
internal interface ITaskLifetime
{
    void Setup(ICakeContext context, ITaskSetupContext info);

    void Teardown(ICakeContext context, ITaskTeardownContext info);
}
