using Cake.Core.IO;
using Cake.Release.Secrets;

namespace Cake.Release.GitOps;

/// <summary>
/// A failed git call as one line in the user's terms. git closes every failed remote call with the same advice
/// ("Could not read from remote repository. Please make sure you have the correct access rights and the repository
/// exists."), whatever went wrong; the cause is the line before it. The causes met on a first run are named as
/// such: not a repository, no such remote, a remote that cannot be reached.
/// </summary>
internal static class GitFailure
{
    private static readonly string[] Boilerplate =
        ["fatal: Could not read from remote repository.", "Please make sure you have the correct access rights", "and the repository exists."];

    // What git and its transports (file, curl, ssh) say when they cannot get to the remote at all.
    private static readonly string[] Unreachable =
        ["does not appear to be a git repository", "Could not resolve host", "Failed to connect", "Couldn't connect", "Connection refused", "timed out", "Network is unreachable", "No route to host"];

    /// <summary>The line that says why git failed, credentials in URLs masked.</summary>
    public static string Reason(IReadOnlyList<string> error, int exitCode) =>
        SecretRedactor.MaskUserInfo(error.Select(line => line.Trim()).LastOrDefault(line => line.Length > 0 && !Boilerplate.Contains(line)) ?? $"git exited with {exitCode}");

    /// <summary>The one-line error for a failed call.</summary>
    /// <param name="root">The folder git ran in.</param>
    /// <param name="action">What the call was for, e.g. "read the branches of remote 'origin'".</param>
    /// <param name="fix">What to do about any other failure.</param>
    /// <param name="output">What git printed.</param>
    /// <param name="remote">The remote the call talked to, or null for a local call.</param>
    public static string Describe(DirectoryPath root, string action, string fix, GitOutput output, string? remote)
    {
        if (output.Error.Any(line => line.Contains("not a git repository (or any", StringComparison.Ordinal)))
        {
            return $"git could not {action}: {root.FullPath} is not a git repository; run in a clone of the repository that holds release.yaml, or git init it and add the remote (git remote add {remote ?? "origin"} <url>).";
        }

        if (remote is not null && output.Error.Any(line => line.Contains($"'{remote}' does not appear to be a git repository", StringComparison.Ordinal)))
        {
            return $"git could not {action}: {root.FullPath} has no remote '{remote}'; add it (git remote add {remote} <url>), or name yours in git.remote of release.yaml.";
        }

        if (remote is not null && output.Error.Any(line => Unreachable.Any(cause => line.Contains(cause, StringComparison.Ordinal))))
        {
            return $"git could not {action}: the remote '{remote}' cannot be reached from {root.FullPath} ({output.Reason}); check its URL (git remote get-url {remote}), the network and the credentials, then run again.";
        }

        return $"git could not {action} in {root.FullPath}: {output.Reason}; {fix}.";
    }
}
