using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>A synchronous task run with the host's context, as <typeparamref name="TContext"/>.</summary>
public abstract class FrostingTask<TContext> : IFrostingTask where TContext : ICakeContext
{
    /// <summary>The task's work.</summary>
    public virtual void Run(TContext context)
    {
    }

    /// <inheritdoc cref="IFrostingTask.ShouldRun"/>
    public virtual bool ShouldRun(TContext context) => true;

    /// <inheritdoc cref="IFrostingTask.OnError"/>
    public virtual void OnError(Exception exception, TContext context)
    {
    }

    /// <inheritdoc cref="IFrostingTask.Finally"/>
    public virtual void Finally(TContext context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context)
    {
        Run((TContext)context);
        return Task.CompletedTask;
    }

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((TContext)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (TContext)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((TContext)context);
}

/// <summary>A synchronous task that needs no more than <see cref="ICakeContext"/>.</summary>
public abstract class FrostingTask : FrostingTask<ICakeContext>;
