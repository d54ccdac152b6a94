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
            // Not the failed execs (a miss is "= -1 ENOENT"); a successful one may end on a later "resumed" line when
            // processes of a pipe start together, so its line is taken when it does not say it failed.
            var git = File.ReadLines(trace).Where(line => !line.Contains(" = -1 ", StringComparison.Ordinal)).Select(line => GitExec().Match(line)).Where(m => m.Success).ToList();
            return new ProcessCount(git.Count, git.Count(m => m.Groups["args"].Value.Contains("\"push\"", StringComparison.Ordinal)), repository.CommitsSinceReset());
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [GeneratedRegex("""execve\("/(?:usr/)?bin/git", \[(?<args>[^\]]*)""")]
    private static partial Regex GitExec();
}
