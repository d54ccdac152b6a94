namespace Cake.Release.Manifests;

/// <summary>
/// An environment manifest that cannot be read: not YAML, or not the shape the release tasks write. The one-line
/// message starts with the source the caller named (branch and file) and says how to restore the file.
/// </summary>
public sealed class ManifestFormatException : ReleaseException
{
    /// <summary>The advice every message ends with: manifests are written by the tasks, so the fix is their history.</summary>
    public const string Fix = "the release tasks write this file; restore it from the branch history (git revert the commit that broke it) rather than editing it by hand";

    /// <summary>Creates the exception for a problem at <paramref name="source"/>:<paramref name="line"/>.</summary>
    /// <param name="source">The manifest as the caller names it, e.g. <c>origin/gitops/staging-releases:release-manifests/staging.yaml</c>.</param>
    /// <param name="line">The 1-based line of the problem.</param>
    /// <param name="problem">What is wrong, without the fix.</param>
    public ManifestFormatException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}; {Fix}.")
    {
        Source = source;
        Line = line;
    }

    /// <summary>The manifest as the caller named it.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }
}
