using System.Diagnostics;
using Benchmarks.Shared;

namespace RetagBenchmark;

/// <summary>
/// Ours as CI runs it: one pipeline process per retag (<c>--target=Retag</c>), in a repository whose release.yaml
/// names the loopback registry and the benchmark's images as two services.
/// </summary>
public sealed class RetagPipeline : IDisposable
{
    private readonly string _folder;

    private RetagPipeline(string folder) => _folder = folder;

    public static RetagPipeline Create(string host)
    {
        var folder = Directory.CreateTempSubdirectory("retag-pipeline-").FullName;
        File.WriteAllText(Path.Combine(folder, "release.yaml"), $"""
            version: 1
            registry: {host}/bench
            environments:
              dev:
                branch: gitops/dev
                auto: true
            services:
              small:
                path: projects/small
              large:
                path: projects/large
            """);
        foreach (var service in new[] { "small", "large" })
        {
            Directory.CreateDirectory(Path.Combine(folder, "projects", service));
            File.WriteAllText(Path.Combine(folder, "projects", service, "Dockerfile"), "FROM scratch\n");
        }

        Run(folder, "git", "init", "--quiet");
        return new RetagPipeline(folder);
    }

    public Task RetagAsync(string service, string tag) =>
        Task.Run(() => Run(_folder, PipelineHost.File, PipelineHost.Arguments("--target=Retag", $"--service={service}", "--from-tag=build", $"--tag={tag}", "--verbosity=quiet")));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Run(string folder, string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
        }
    }
}
