using System.Diagnostics;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>A fixture pipeline under tests/Fixtures, run from its build output as a real process.</summary>
public sealed class FixturePipeline(string name)
{
    // Test output is artifacts/bin/Cake.Release.Tests/<config>/; a fixture's is artifacts/bin/<name>/<config>/.
    private readonly string _assembly = Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "..", "..", name, new DirectoryInfo(AppContext.BaseDirectory).Name, $"{name}.dll"));

    /// <summary>The fixture's built program, for a test that starts it another way (under a terminal).</summary>
    public string Assembly => _assembly;

    public ProcessResult RunIn(string? workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        RunIn(workingDirectory, environment, null, args);

    /// <summary>Runs the pipeline with a bound on time other than <see cref="ProcessRun"/>'s, for a test that runs many at once.</summary>
    public ProcessResult RunIn(string? workingDirectory, IDictionary<string, string>? environment, TimeSpan? timeout, params string[] args)
    {
        Assert.True(File.Exists(_assembly), $"fixture not built: {_assembly}");
        return ProcessRun.Start("dotnet", [_assembly, .. args], workingDirectory, environment, timeout);
    }

    /// <summary>Starts the pipeline without waiting, for a test that kills it mid-run; its output is read and dropped.</summary>
    public Process Start(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        Assert.True(File.Exists(_assembly), $"fixture not built: {_assembly}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(_assembly);
        args.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

/// <summary>tests/Fixtures/SamplePipeline: one task per behaviour of the host.</summary>
public static class SamplePipeline
{
    private static readonly FixturePipeline Pipeline = new("SamplePipeline");

    public static string Assembly => Pipeline.Assembly;

    public static ProcessResult Run(params string[] args) => RunIn(null, args);

    public static ProcessResult Run(IDictionary<string, string> environment, params string[] args) => Pipeline.RunIn(null, environment, args);

    public static ProcessResult RunIn(string? workingDirectory, params string[] args) => Pipeline.RunIn(workingDirectory, null, args);
}

/// <summary>tests/Fixtures/ReleasePipeline: our host with Cake.Release's own tasks, as a user's pipeline.</summary>
public static class ReleasePipeline
{
    private static readonly FixturePipeline Pipeline = new("ReleasePipeline");

    public static ProcessResult RunIn(string workingDirectory, params string[] args) => Pipeline.RunIn(workingDirectory, null, args);

    public static ProcessResult RunIn(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        Pipeline.RunIn(workingDirectory, environment, args);

    public static ProcessResult RunIn(string workingDirectory, IDictionary<string, string> environment, TimeSpan timeout, params string[] args) =>
        Pipeline.RunIn(workingDirectory, environment, timeout, args);

    public static Process Start(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        Pipeline.Start(workingDirectory, environment, args);
}
