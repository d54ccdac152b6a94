using Cake.Core.IO;

namespace Cake.Release.GitOps;

/// <summary>
/// Git, as every adapter of this folder calls it: one implementation (<see cref="GitTool"/>, one per run and git
/// settings), one place where a failed call becomes a one-line error (<see cref="GitOutput.OrFail"/>), and the
/// questions every adapter asks answered once.
/// </summary>
internal interface IGit
{
    /// <summary>Runs git in <paramref name="workingDirectory"/>; the exit code is returned, not thrown.</summary>
    GitOutput Run(DirectoryPath workingDirectory, ProcessArgumentBuilder arguments, IReadOnlyDictionary<string, string>? environment = null, byte[]? standardInput = null);

    /// <summary>
    /// How to start git for an output too big to hold: <see cref="Run"/> reads every line before it returns, this is
    /// read as git writes (the same git, locale and variables; the caller redirects and starts it).
    /// </summary>
    System.Diagnostics.ProcessStartInfo Streaming(DirectoryPath workingDirectory, ProcessArgumentBuilder arguments);

    /// <summary>Runs git with bytes in and out (<see cref="GitPipe"/>); the exit code is returned, not thrown.</summary>
    GitBytes RunBytes(DirectoryPath workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, byte[]? standardInput = null);

    /// <summary>The value git would see for an environment variable: the call's, else the settings', else this process's.</summary>
    string? Variable(string name, IReadOnlyDictionary<string, string>? environment = null);

    /// <summary>The full id of the commit <paramref name="revision"/> names, or null when it names none.</summary>
    string? FindCommit(DirectoryPath root, string revision);

    /// <summary>Whether the clone holds the commit (a shallow or old clone may not).</summary>
    bool HasCommit(DirectoryPath root, string sha);

    /// <summary>The remote's URL as configured, or null without that remote.</summary>
    string? RemoteUrl(DirectoryPath root, string remote);

    /// <summary>The merge-base of two commits, or null when they share no history.</summary>
    string? MergeBase(DirectoryPath root, string first, string second);
}
