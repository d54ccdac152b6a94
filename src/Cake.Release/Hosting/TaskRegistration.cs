using System.Runtime.ExceptionServices;
using Cake.Core;
using Cake.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cake.Release.Hosting;

/// <summary>
/// Turns task classes and lifetimes into the engine's tasks and actions, each bound to the one context
/// instance of the run, and refuses a class written for another context type before anything runs.
/// </summary>
internal sealed class TaskRegistration(ICakeEngine engine, ICakeContext context, IServiceProvider provider)
{
    public void Tasks(IReadOnlyList<TaskDefinition> definitions, bool dryRun)
    {
        // "A is a dependee of B" is registered as "B depends on A": the same graph, and --tree, which follows
        // dependencies only, shows a task a pipeline put between two others.
        var dependees = definitions.SelectMany(d => d.Dependees.Select(target => (Target: target, d.Name))).ToLookup(x => x.Target, x => x.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            RequireContext(definition.Type, definition.Name);
            // Created when the engine first asks for it: a run builds the few tasks of its graph, not all of them.
            var lazy = new Lazy<IFrostingTask>(() => definition.Instance ?? (IFrostingTask)ActivatorUtilities.CreateInstance(provider, definition.Type));
            var builder = engine.RegisterTask(definition.Name);
            if (definition.Description is { } description)
            {
                builder.Description(description);
            }

            builder.IsDependentOn(definition.Dependencies.Concat(dependees[definition.Name]).Distinct(StringComparer.OrdinalIgnoreCase));
            builder.WithCriteria(_ => lazy.Value.ShouldRun(context), "ShouldRun is false");
            builder.Does(() => lazy.Value.RunAsync(context));
            if (dryRun && !definition.SupportsDryRun)
            {
                continue; // its handlers are its own code, and nothing of it runs in a dry run
            }

            builder.Finally(() => lazy.Value.Finally(context));
            var continueOnError = definition.ContinueOnError;
            builder.OnError(exception =>
            {
                lazy.Value.OnError(exception, context);
                if (!continueOnError)
                {
                    // OnError is a hook, not a catch: the failure still stops the run. Rethrowing the same
                    // exception makes the engine report it once, as the task's own failure.
                    ExceptionDispatchInfo.Capture(exception).Throw();
                }

                context.Log.Warning($"{definition.Name} failed and the run continues ([ContinueOnError]): {exception.Message}");
            });
        }
    }

    public void Lifetimes(IEnumerable<Type> lifetimes, Type? taskLifetime)
    {
        foreach (var type in lifetimes)
        {
            RequireContext(type, type.Name);
            var lifetime = (IRunLifetime)ActivatorUtilities.CreateInstance(provider, type);
            engine.RegisterSetupAction(info => lifetime.Setup(context, info));
            engine.RegisterTeardownAction(info => lifetime.Teardown(context, info));
        }

        if (taskLifetime is { } taskLifetimeType)
        {
            RequireContext(taskLifetimeType, taskLifetimeType.Name);
            var perTask = (ITaskLifetime)ActivatorUtilities.CreateInstance(provider, taskLifetimeType);
            engine.RegisterTaskSetupAction(info => perTask.Setup(context, info));
            engine.RegisterTaskTeardownAction(info => perTask.Teardown(context, info));
        }
    }

    private void RequireContext(Type type, string name)
    {
        var wanted = ContextTypeOf(type);
        if (wanted is not null && !wanted.IsAssignableFrom(context.GetType()))
        {
            throw new CakeException($"'{name}' ({type.FullName}) expects a {wanted.Name} context, but the host's is {context.GetType().Name}. Call UseContext<{wanted.Name}>() (or a class deriving from it).");
        }
    }

    private static Type? ContextTypeOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() is var definition &&
                (definition == typeof(FrostingTask<>) || definition == typeof(AsyncFrostingTask<>) ||
                 definition == typeof(FrostingLifetime<>) || definition == typeof(FrostingTaskLifetime<>)))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
