using Cake.Core;

namespace Cake.Release.Hosting;

/// <summary>An asynchronous task run with the host's context, as <typeparamref name="TContext"/>.</summary>
public abstract class AsyncFrostingTask<TContext> : IFrostingTask where TContext : ICakeContext
{
    /// <summary>The task's work.</summary>
    public virtual Task RunAsync(TContext context) => Task.CompletedTask;

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

    Task IFrostingTask.RunAsync(ICakeContext context) => RunAsync((TContext)context);

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((TContext)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (TContext)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((TContext)context);
}

/// <summary>An asynchronous task that needs no more than <see cref="ICakeContext"/>.</summary>
public abstract class AsyncFrostingTask : AsyncFrostingTask<ICakeContext>;
