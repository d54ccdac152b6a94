namespace Cake.Release.Diffs;

/// <summary>What happens to one line going from the old text to the new.</summary>
internal enum EditKind
{
    Keep,
    Delete,
    Insert,
}

/// <summary>One step of an edit script; <see cref="Old"/> and <see cref="New"/> are the positions in each text at this step.</summary>
internal readonly record struct LineEdit(EditKind Kind, int Old, int New);

/// <summary>A shortest edit script between two line lists (Myers' O(ND) algorithm), after setting aside the lines both share at the start and the end.</summary>
internal static class LineEdits
{
    public static List<LineEdit> Between(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, int maxDistance)
    {
        // Compare numbers, not strings: each distinct line gets an id.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = oldLines.Select(l => Id(ids, l)).ToArray();
        var b = newLines.Select(l => Id(ids, l)).ToArray();

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var edits = new List<LineEdit>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new LineEdit(EditKind.Keep, i, i));
        }

        var middle = Middle(a[prefix..^suffix], b[prefix..^suffix], maxDistance);
        edits.AddRange(middle.Select(e => e with { Old = e.Old + prefix, New = e.New + prefix }));
        for (var i = 0; i < suffix; i++)
        {
            edits.Add(new LineEdit(EditKind.Keep, a.Length - suffix + i, b.Length - suffix + i));
        }

        return edits;
    }

    private static int Id(Dictionary<string, int> ids, string line)
    {
        if (!ids.TryGetValue(line, out var id))
        {
            id = ids.Count;
            ids.Add(line, id);
        }

        return id;
    }

    private static List<LineEdit> Middle(int[] a, int[] b, int maxDistance)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var v = new int[(2 * max) + 3];
        var offset = max + 1;
        // The furthest x on each diagonal k after each round d, kept for walking back; round d holds k in [-d, d].
        var rounds = new List<int[]>();
        for (var d = 0; d <= Math.Min(max, maxDistance); d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    rounds.Add(v[(offset - d)..(offset + d + 1)]);
                    return WalkBack(rounds, n, m);
                }
            }

            rounds.Add(v[(offset - d)..(offset + d + 1)]);
        }

        return Wholesale(n, m);
    }

    private static List<LineEdit> WalkBack(List<int[]> rounds, int n, int m)
    {
        var edits = new List<LineEdit>();
        int x = n, y = m;
        for (var d = rounds.Count - 1; d > 0; d--)
        {
            var previous = rounds[d - 1];
            var k = x - y;
            var down = k == -d || (k != d && previous[k - 1 + (d - 1)] < previous[k + 1 + (d - 1)]);
            var previousK = down ? k + 1 : k - 1;
            var previousX = previous[previousK + (d - 1)];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                edits.Add(new LineEdit(EditKind.Keep, --x, --y));
            }

            edits.Add(down ? new LineEdit(EditKind.Insert, x, --y) : new LineEdit(EditKind.Delete, --x, y));
        }

        while (x > 0 && y > 0)
        {
            edits.Add(new LineEdit(EditKind.Keep, --x, --y));
        }

        edits.Reverse();
        return edits;
    }

    private static List<LineEdit> Wholesale(int n, int m) =>
        [.. Enumerable.Range(0, n).Select(i => new LineEdit(EditKind.Delete, i, 0)), .. Enumerable.Range(0, m).Select(j => new LineEdit(EditKind.Insert, n, j))];
}
