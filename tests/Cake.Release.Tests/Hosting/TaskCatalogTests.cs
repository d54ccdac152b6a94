using Cake.Release.Hosting;

namespace Cake.Release.Tests.Hosting;

/// <summary>The task list Cake.Release declares for the host, so that starting a pipeline loads no other type.</summary>
public sealed class TaskCatalogTests
{
    [Fact]
    public void Cake_Release_declares_exactly_the_task_and_task_source_classes_a_scan_finds()
    {
        var assembly = typeof(CakeHost).Assembly;
        var scanned = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false, IsNestedPrivate: false }
                && (typeof(IFrostingTask).IsAssignableFrom(t) || typeof(ITaskSource).IsAssignableFrom(t)))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        var declared = TaskCatalog.ClassesOf(assembly).Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(scanned, declared);
    }
}
