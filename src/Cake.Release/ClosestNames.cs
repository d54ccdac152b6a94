namespace Cake.Release;

/// <summary>Suggests the names a mistyped one was probably meant to be.</summary>
internal static class ClosestNames
{
    public static IReadOnlyList<string> For(string wanted, IEnumerable<string> names, int max = 3)
    {
        var w = wanted.ToLowerInvariant();
        return names
            .Select(name => (name, distance: Distance(w, name.ToLowerInvariant())))
            .Where(c => c.distance <= Math.Max(2, wanted.Length / 3) || c.name.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.name, StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .Select(c => c.name)
            .ToList();
    }

    // Optimal string alignment distance: edits, with a swap of two neighbours counting as one (the common typo).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
