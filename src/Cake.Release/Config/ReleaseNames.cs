using System.Text.RegularExpressions;

namespace Cake.Release.Config;

/// <summary>
/// What a name in <c>release.yaml</c> may look like. Environment and service names end up in git tags, branch names,
/// image tags and Cake target names, so they keep to the characters all of those accept.
/// </summary>
internal static partial class ReleaseNames
{
    /// <summary>Why a service or environment name is refused, or null.</summary>
    public static string? NameProblem(string name) => Name().IsMatch(name)
        ? null
        : "is not a valid name; use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit";

    /// <summary>Why an image repository name is refused (OCI distribution rules), or null.</summary>
    public static string? ImageProblem(string image) => Image().IsMatch(image)
        ? null
        : "is not a valid image repository; use lower-case path components like team/blue (letters, digits, '.', '_', '-')";

    /// <summary>Why an image tag is refused (OCI distribution rules), or null.</summary>
    public static string? ImageTagProblem(string tag) => ImageTag().IsMatch(tag)
        ? null
        : "is not a valid image tag; use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'";

    /// <summary>Why a SemVer pre-release label is refused, or null.</summary>
    public static string? PreReleaseProblem(string label) => PreRelease().IsMatch(label)
        ? null
        : "is not a SemVer pre-release label; use letters, digits and '-', e.g. rc or beta";

    /// <summary>Why a git branch or remote name is refused (the rules of git check-ref-format), or null.</summary>
    public static string? RefProblem(string name)
    {
        var bad = name.Length == 0
            || name.StartsWith('-') || name.StartsWith('/') || name.EndsWith('/') || name.EndsWith('.')
            || name.EndsWith(".lock", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            || name.Contains("//", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal) || name == "@"
            || name.Split('/').Any(part => part.StartsWith('.'))
            || name.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\');
        return bad ? "is not a valid git ref name; use letters, digits, '-', '_', '.' and '/' (see git check-ref-format)" : null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex Image();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"^[0-9A-Za-z-]+$")]
    private static partial Regex PreRelease();
}
