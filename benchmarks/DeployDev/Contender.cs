using System.Diagnostics;

namespace DeployDevBenchmark;

/// <summary>
/// One way of recording K services on dev: a process started in the clone (<see cref="File"/> with
/// <see cref="Arguments"/>, K passed as <c>CHANGED</c>), or work done inside this process.
/// </summary>
internal sealed class Contender(string name, string? file, IReadOnlyList<string> arguments, Action<int>? inProcess = null)
{
    public string Name { get; } = name;

    public string? File { get; } = file;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public static Contender Process(string name, string file, IReadOnlyList<string> arguments) => new(name, file, arguments);

    public void Run(Monorepo repository, int changed)
    {
        if (inProcess is not null)
        {
            inProcess(changed);
            return;
        }

        var info = Start(repository, changed, File!, Arguments);
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException($"could not start {File}");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Name} exited {process.ExitCode}: {error.Result}");
        }
    }

    /// <summary>How this contender's process is started, so the count run can start it under strace instead.</summary>
    public static ProcessStartInfo Start(Monorepo repository, int changed, string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = repository.Clone, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["CHANGED"] = changed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return info;
    }
}
