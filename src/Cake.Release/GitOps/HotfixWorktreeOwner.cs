using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Cake.Release.GitOps;

/// <summary>
/// The process that made a hotfix worktree, written beside it, so a later run can tell a worktree whose run was
/// killed (its process is gone) from one a concurrent run is still using. The start time guards against a reused
/// process id.
/// </summary>
/// <param name="ProcessId">The id of the process that made the worktree.</param>
/// <param name="Started">When that process started, in UTC.</param>
internal sealed record HotfixWorktreeOwner(int ProcessId, DateTime Started)
{
    /// <summary>This process.</summary>
    public static HotfixWorktreeOwner Current()
    {
        using var self = Process.GetCurrentProcess();
        return new HotfixWorktreeOwner(self.Id, self.StartTime.ToUniversalTime());
    }

    /// <summary>The owner written in <paramref name="file"/>, or null when it is missing or unreadable.</summary>
    public static HotfixWorktreeOwner? Read(string file)
    {
        try
        {
            var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return fields.Length == 2 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && DateTime.TryParse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var started)
                ? new HotfixWorktreeOwner(id, started)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string file) =>
        File.WriteAllText(file, $"{ProcessId.ToString(CultureInfo.InvariantCulture)} {Started.ToString("O", CultureInfo.InvariantCulture)}\n");

    /// <summary>Whether the owner still runs: a process with its id that started when it did.</summary>
    public bool IsRunning()
    {
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return Math.Abs((process.StartTime.ToUniversalTime() - Started).TotalSeconds) < 1;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Win32Exception)
        {
            // Another user's process: its start time cannot be read, so it may well be the owner.
            return true;
        }
    }
}
