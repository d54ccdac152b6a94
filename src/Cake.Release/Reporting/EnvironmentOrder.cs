using Cake.Release.Config;

namespace Cake.Release.Reporting;

/// <summary>
/// The columns of a matrix that spans repositories: environments are known by name only, so this repository's chain
/// (when a release.yaml was read) orders the names it has, the usual stages follow in their usual order, and any other
/// name comes last, alphabetically.
/// </summary>
public static class EnvironmentOrder
{
    /// <summary>The usual names of stages, earliest first.</summary>
    public static IReadOnlyList<string> Usual { get; } = ["local", "dev", "development", "test", "qa", "uat", "staging", "stage", "preprod", "production", "prod"];

    /// <summary>The distinct names of <paramref name="environments"/> in column order.</summary>
    /// <param name="environments">Environment names, repeated or not.</param>
    /// <param name="chain">This repository's environments, or null.</param>
    public static IReadOnlyList<string> Of(IEnumerable<string> environments, IReadOnlyList<EnvironmentConfig>? chain)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var names = environments.Distinct(StringComparer.Ordinal).ToList();
        var configured = chain is null ? [] : StatusMatrix.ChainOrder(chain);
        return names
            .OrderBy(n => configured.IndexOf(n) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(n => Usual.IndexOf(n) is var u and >= 0 ? u : int.MaxValue)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    private static int IndexOf(this IReadOnlyList<string> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
