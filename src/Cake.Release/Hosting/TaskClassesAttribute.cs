namespace Cake.Release.Hosting;

/// <summary>
/// Lists an assembly's task classes (and <see cref="ITaskSource"/> classes), so the host takes them from this list
/// instead of loading every type of the assembly to find them. Loading all 1,100 types of Cake.Release cost more of
/// a pipeline's start than any task's set-up; an assembly without this attribute is scanned.
/// </summary>
/// <param name="types">The task and task-source classes, each once.</param>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class TaskClassesAttribute(params Type[] types) : Attribute
{
    /// <summary>The listed classes.</summary>
    public IReadOnlyList<Type> Types { get; } = types;
}
