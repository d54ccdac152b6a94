namespace Cake.Release.Hosting;

/// <summary>The name a task is run by (<c>--target=Name</c>); without it the class name is used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    /// <summary>The task name.</summary>
    public string Name { get; } = name;
}

/// <summary>The one-line description shown by <c>--description</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaskDescriptionAttribute(string description) : Attribute
{
    /// <summary>The description.</summary>
    public string Description { get; } = description;
}

/// <summary>The given task runs before this one.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IsDependentOnAttribute(Type task) : Attribute
{
    /// <summary>The task this one depends on.</summary>
    public Type Task { get; } = task;
}

/// <summary>This task runs before the given one, as if that one declared <see cref="IsDependentOnAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IsDependeeOfAttribute(Type task) : Attribute
{
    /// <summary>The task that depends on this one.</summary>
    public Type Task { get; } = task;
}

/// <summary>A failure of this task is reported but does not stop the run.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContinueOnErrorAttribute : Attribute;

/// <summary>
/// This task's body also runs under <c>--dryrun</c>: it reads the dry-run flag
/// (<see cref="DryRunExtensions.IsDryRun"/>) and prints the plan it would carry out instead of acting.
/// Tasks without it are only listed in a dry run, never run, because nothing says they are safe to run.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SupportsDryRunAttribute : Attribute;

/// <summary>
/// An argument this class reads (<c>--name=value</c>, <c>context.Argument("name", ...)</c>); one attribute per
/// argument. The host refuses, before anything runs, an argument on the command line that no task of the run
/// declares, naming the closest one that is, so a misspelled <c>--versoin=1.0.0</c> stops the run instead of being
/// ignored. On a task it counts when the task is in the run's graph; on the context, a lifetime or an
/// <see cref="ITaskSource"/>, in every run. The host's own options need no declaration, nor do environment variables.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TaskArgumentAttribute(string name) : Attribute
{
    /// <summary>The argument's name, without the leading <c>--</c>.</summary>
    public string Name { get; } = name;
}
