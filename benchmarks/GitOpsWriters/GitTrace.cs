using System.Text.Json;

namespace GitOpsWriters;

/// <summary>
/// The git processes one write started, counted from git's own trace (GIT_TRACE2_EVENT): the top-level processes
/// and the time they ran, which is where a write's time goes apart from the pipeline around it.
/// </summary>
public static class GitTrace
{
    public const string Variable = "GIT_TRACE2_EVENT";

    /// <summary>How many git commands were started (not counting git's own children) and their summed run time.</summary>
    public static (int Processes, TimeSpan Time) Read(string file)
    {
        if (!File.Exists(file))
        {
            return (0, TimeSpan.Zero);
        }

        var commands = 0;
        var seconds = 0.0;
        foreach (var line in File.ReadLines(file))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            // A child of a git command (upload-pack under fetch, say) has a session id with a '/' in it.
            if (root.GetProperty("sid").GetString()!.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            switch (root.GetProperty("event").GetString())
            {
                case "start":
                    commands++;
                    break;
                case "exit":
                    seconds += root.GetProperty("t_abs").GetDouble();
                    break;
            }
        }

        return (commands, TimeSpan.FromSeconds(seconds));
    }
}
