using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace Cake.Release.Versioning;

/// <summary>
/// SemVer 2.0.0 versions as releases use them: parsed strictly by the spec (semver.org §2, §9, §10) into
/// NuGet.Versioning's <see cref="SemanticVersion"/>, compared by <see cref="Precedence"/> (§11).
/// </summary>
/// <remarks>
/// NuGet's own parser is lenient where the spec is not (it takes <c>01.2.3</c> and a leading <c>v</c> is a common
/// slip), and a release version that another SemVer tool (helm, ct, npm) refuses would break the chain further on,
/// so the text is checked against the spec's grammar first. The one limit of our own: NuGet keeps MAJOR, MINOR and
/// PATCH as Int32, so larger ones are refused by name (pre-release numbers may have any size).
/// </remarks>
public static partial class ReleaseVersion
{
    /// <summary>Parses a SemVer 2.0.0 version; anything else is a <see cref="ReleaseException"/> saying why, prefixed with <paramref name="where"/>.</summary>
    /// <param name="text">The version, e.g. <c>1.6.0-rc.2</c>.</param>
    /// <param name="where">Where the text comes from, e.g. <c>helm/charts/blue/Chart.yaml:3</c> or <c>--version</c>.</param>
    public static SemanticVersion Parse(string text, string where) =>
        TryParse(text, out var version, out var problem)
            ? version!
            : throw new ReleaseException($"{where}: '{text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}' is not a SemVer 2.0.0 version: {problem}; write MAJOR.MINOR.PATCH with an optional -pre.release, e.g. 1.6.0 or 1.6.0-rc.1.");

    /// <summary>Parses a SemVer 2.0.0 version, or says why the text is not one.</summary>
    /// <param name="text">The version text.</param>
    /// <param name="version">The version, when the text is one.</param>
    /// <param name="problem">Why it is not, when it is not.</param>
    public static bool TryParse(string? text, out SemanticVersion? version, out string? problem)
    {
        version = null;
        problem = Problem(text ?? "");
        if (problem is null && !SemanticVersion.TryParse(text!, out version))
        {
            problem = "NuGet.Versioning cannot read it";
        }

        return problem is null;
    }

    /// <summary>Whether <paramref name="version"/> is a pre-release of <paramref name="channel"/> (<c>1.6.0-rc.2</c> of <c>rc</c>) and its counter.</summary>
    /// <param name="version">Any version.</param>
    /// <param name="channel">The pre-release label, e.g. <c>rc</c>.</param>
    /// <param name="counter">The number after the label.</param>
    public static bool IsOfChannel(SemanticVersion version, string channel, out BigInteger counter)
    {
        counter = 0;
        var labels = version.ReleaseLabels.ToList();

        // Digits only: "-1" is an alphanumeric identifier (§9), not a negative counter.
        return labels.Count == 2 && labels[0] == channel && labels[1].All(char.IsAsciiDigit)
            && BigInteger.TryParse(labels[1], NumberStyles.None, CultureInfo.InvariantCulture, out counter);
    }

    /// <summary>The version's MAJOR.MINOR.PATCH without pre-release or build.</summary>
    /// <param name="version">Any version.</param>
    public static SemanticVersion Core(SemanticVersion version) => new(version.Major, version.Minor, version.Patch);

    /// <summary>The version as SemVer text, without build metadata (tags and charts carry what precedence sees).</summary>
    /// <param name="version">Any version.</param>
    public static string Text(SemanticVersion version) => version.ToNormalizedString();

    private static string? Problem(string text)
    {
        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.EndsWith('\n'))
        {
            return "it ends in a line break; pass the version without it (e.g. trim what a file or a command printed)";
        }

        if (text[0] is 'v' or 'V')
        {
            return "a leading 'v' is not part of a version";
        }

        var match = Grammar().Match(text);
        if (!match.Success)
        {
            return text.Split('-', '+')[0].Split('.').Length != 3 ? "it needs exactly three numbers MAJOR.MINOR.PATCH" : "it has a character or an empty identifier the spec does not allow";
        }

        var numbers = new[] { match.Groups["major"].Value, match.Groups["minor"].Value, match.Groups["patch"].Value };
        if (numbers.Any(LeadingZero))
        {
            return "a number has a leading zero (SemVer §2)";
        }

        if (numbers.Any(n => n.Length > 10 || long.Parse(n, CultureInfo.InvariantCulture) > int.MaxValue))
        {
            return $"MAJOR, MINOR and PATCH may not be above {int.MaxValue} here (NuGet.Versioning keeps them as Int32)";
        }

        var pre = match.Groups["pre"].Success ? match.Groups["pre"].Value.Split('.') : [];
        if (pre.Any(id => id.All(char.IsAsciiDigit) && LeadingZero(id)))
        {
            return "a numeric pre-release identifier has a leading zero (SemVer §9)";
        }

        return null;
    }

    private static bool LeadingZero(string number) => number.Length > 1 && number[0] == '0';

    // SemVer §2, §9, §10: numbers, dot-separated [0-9A-Za-z-] identifiers after '-' and '+'; leading zeros checked above.
    // \z, not $: "$" would also match before a final line break.
    [GeneratedRegex(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)\.(?<patch>[0-9]+)(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\z")]
    private static partial Regex Grammar();
}
