using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RetagBenchmark;

/// <summary>docker-registry on 127.0.0.1 and a free port, storing in a temporary folder deleted at the end.</summary>
public sealed class BenchmarkRegistry : IDisposable
{
    private readonly Process _process;

    private BenchmarkRegistry(string folder, int port, Process process)
    {
        Folder = folder;
        Host = $"127.0.0.1:{port}";
        _process = process;
    }

    public string Folder { get; }

    public string Host { get; }

    public static async Task<BenchmarkRegistry> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("retag-benchmark-").FullName;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
            http:
              addr: 127.0.0.1:{port}
            """);
        var info = new ProcessStartInfo("docker-registry") { ArgumentList = { "serve", config }, RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("docker-registry did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var registry = new BenchmarkRegistry(folder, port, process);
        using var http = new HttpClient();
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            try
            {
                (await http.GetAsync(new Uri($"http://{registry.Host}/v2/"))).EnsureSuccessStatusCode();
                return registry;
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
            }
        }
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
