using NuGet.Versioning;

namespace Cake.Release.Versioning;

/// <summary>
/// SemVer 2.0.0 precedence (semver.org §11): MAJOR, MINOR, PATCH numerically; a pre-release below its normal version;
/// pre-release identifiers left to right, digits-only ones numerically whatever their size, the others by ASCII
/// (so <c>RC</c> &lt; <c>alpha</c>), a numeric one below an alphanumeric one, more identifiers above fewer; build
/// metadata ignored. Two versions are the same release when neither precedes the other.
/// </summary>
/// <remarks>
/// NuGet.Versioning parses, but its own comparer (and so <see cref="SemanticVersion"/>'s operators, <c>Equals</c>
/// and <c>Max()</c>) ignores case, reads <c>-1</c> as a negative number and compares numbers above Int32 as text:
/// compare release versions with this instead.
/// </remarks>
public sealed class Precedence : IComparer<SemanticVersion>, IEqualityComparer<SemanticVersion>
{
    private Precedence()
    {
    }

    /// <summary>The order of semver.org §11.</summary>
    public static Precedence SemVer { get; } = new();

    /// <inheritdoc/>
    public int Compare(SemanticVersion? x, SemanticVersion? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var core = (x.Major, x.Minor, x.Patch).CompareTo((y.Major, y.Minor, y.Patch));
        if (core != 0 || (!x.IsPrerelease && !y.IsPrerelease))
        {
            return core;
        }

        if (x.IsPrerelease != y.IsPrerelease)
        {
            return x.IsPrerelease ? -1 : 1;
        }

        using var left = x.ReleaseLabels.GetEnumerator();
        using var right = y.ReleaseLabels.GetEnumerator();
        while (true)
        {
            var (more, moreOther) = (left.MoveNext(), right.MoveNext());
            if (!more || !moreOther)
            {
                return more.CompareTo(moreOther);
            }

            if (Identifier(left.Current, right.Current) is var order and not 0)
            {
                return order;
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(SemanticVersion? x, SemanticVersion? y) => Compare(x, y) == 0;

    /// <inheritdoc/>
    public int GetHashCode(SemanticVersion obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        hash.Add((obj.Major, obj.Minor, obj.Patch));
        foreach (var label in obj.ReleaseLabels)
        {
            hash.Add(label, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    // §11.4.1-3. The grammar (ReleaseVersion) allows no leading zeros, so a longer number is a larger one.
    private static int Identifier(string x, string y)
    {
        var (numeric, numericOther) = (x.All(char.IsAsciiDigit), y.All(char.IsAsciiDigit));
        return (numeric, numericOther) switch
        {
            (true, true) => x.Length != y.Length ? x.Length.CompareTo(y.Length) : Math.Sign(string.CompareOrdinal(x, y)),
            (true, false) => -1,
            (false, true) => 1,
            _ => Math.Sign(string.CompareOrdinal(x, y)),
        };
    }
}
