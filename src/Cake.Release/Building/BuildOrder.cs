using Cake.Release.Config;

namespace Cake.Release.Building;

/// <summary>
/// The order services build in: a service that <c>dependsOn</c> another service being built waits for it (its
/// Dockerfile may start FROM that image); all others are independent and build side by side.
/// </summary>
internal static class BuildOrder
{
    /// <summary>Groups of services; every group's services depend only on earlier groups.</summary>
    public static IReadOnlyList<IReadOnlyList<ServiceConfig>> Waves(IReadOnlyList<ServiceConfig> services)
    {
        var names = services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var left = services.ToList();
        var waves = new List<IReadOnlyList<ServiceConfig>>();
        while (left.Count > 0)
        {
            var ready = left.Where(s => s.DependsOn.Where(names.Contains).All(done.Contains)).ToList();
            // The loader refuses dependency cycles; should one slip through, build the rest together rather than never.
            var wave = ready.Count > 0 ? ready : left;
            waves.Add(wave);
            done.UnionWith(wave.Select(s => s.Name));
            left = left.Except(wave).ToList();
        }

        return waves;
    }

    /// <summary>The services <paramref name="service"/> waits for.</summary>
    public static IEnumerable<string> Prerequisites(ServiceConfig service, IReadOnlyCollection<string> building) =>
        service.DependsOn.Where(building.Contains);
}
