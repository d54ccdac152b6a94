using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;

namespace Build;

/// <summary>
/// A DynamoDB for the demo's release-record step: dynalite (npm), a DynamoDB-compatible server, in memory on
/// 127.0.0.1, so the step needs no AWS account. It runs from this repository's tests/Interop when the TestTools target
/// installed it there, else through npx from the npm registry. Without node there is none, and the demo says how to
/// have one.
/// </summary>
public sealed class DemoReleaseRecord : IDisposable
{
    private readonly Process _process;

    private DemoReleaseRecord(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What a pipeline needs to reach it: the SDK's endpoint variable, a region, and keys dynalite ignores.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = $"http://127.0.0.1:{Port}",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "demo",
        ["AWS_SECRET_ACCESS_KEY"] = "demo",
    };

    /// <summary>dynalite started and listening, or null (said in one line) when node is missing or it did not start.</summary>
    public static DemoReleaseRecord? Start(BuildContext context, DirectoryPath repository)
    {
        if (OnPath("node") is not { } node)
        {
            context.Information("No node on PATH, so no DynamoDB to publish to: install Node.js (apt-get install nodejs npm) and run the demo again to see the release record and Status --source=dynamodb.");
            return null;
        }

        var port = FreePort();
        var local = repository.CombineWithFilePath("tests/Interop/node_modules/dynalite/cli.js").FullPath;
        var info = File.Exists(local)
            ? new ProcessStartInfo(node) { ArgumentList = { local } }
            : new ProcessStartInfo(OnPath("npx") ?? "npx") { ArgumentList = { "--yes", "dynalite@4.0.0" } };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0" })
        {
            info.ArgumentList.Add(argument);
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // npx may first fetch dynalite from the registry.
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                context.Information($"dynalite (a DynamoDB-compatible server) listens on 127.0.0.1:{port}.");
                return new DemoReleaseRecord(process, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        Stop(process);
        context.Warning($"dynalite did not start on 127.0.0.1:{port} ({(File.Exists(local) ? local : "npx dynalite@4.0.0: is the npm registry reachable?")}); the demo goes on without the release record.");
        return null;
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string? OnPath(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => new[] { System.IO.Path.Combine(folder, program), System.IO.Path.Combine(folder, program + ".exe"), System.IO.Path.Combine(folder, program + ".cmd") })
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
