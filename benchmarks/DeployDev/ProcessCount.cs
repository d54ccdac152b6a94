using System.Text.RegularExpressions;

namespace DeployDevBenchmark;

/// <summary>
/// What one run of a process contender started, read from <c>strace -f -e trace=execve</c>: the git processes it
/// started itself (PATH's git, so git's own helpers such as pack-objects, started from git's exec path, are not
/// counted), how many of them were pushes, and the commits dev's branch gained.
/// </summary>
internal sealed partial record ProcessCount(int Git, int Pushes, int Commits)
{
    public static ProcessCount Of(Contender contender, Monorepo repository, int changed)
    {
        var trace = Path.GetTempFileName();
        try
        {
            var traced = Contender.Process(contender.Name, "strace", ["-f", "-qq", "-e", "trace=execve", "-o", trace, contender.File!, .. contender.Arguments]);
            traced.Run(repository, changed);
            // Only successful execs: .NET and bash try each PATH folder in turn, and a miss is ENOENT.
            var git = File.ReadLines(trace).Select(line => GitExec().Match(line)).Where(m => m.Success).ToList();
            return new ProcessCount(git.Count, git.Count(m => m.Groups["args"].Value.Contains("\"push\"", StringComparison.Ordinal)), repository.CommitsSinceReset());
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [GeneratedRegex("""execve\("/(?:usr/)?bin/git", \[(?<args>.*)\].* = 0$""")]
    private static partial Regex GitExec();
}
