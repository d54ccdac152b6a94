using System.Diagnostics;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Cake.Release.Tests.Infrastructure;

/// <summary>
/// dynalite (npm, pinned in tests/Interop), a DynamoDB-compatible server, on 127.0.0.1 and a free port, in memory.
/// Tables become active at once (<c>--createTableMs 0</c>). A run of the pipeline reaches it through
/// <see cref="Environment"/>: the SDK's own variables, with credentials dynalite accepts and ignores.
/// </summary>
public sealed class Dynalite : IDisposable
{
    private static readonly string Cli = Path.Combine(RepositoryPaths.Root, "tests", "Interop", "node_modules", "dynalite", "cli.js");
    private Process? _process;

    private Dynalite(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The fake secret key: a run must never print it.</summary>
    public const string SecretKey = "dynalite-secret-key-never-logged";

    /// <summary>What a pipeline process needs to reach this server (add to its environment).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = "AKIDDYNALITETEST",
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = "us-east-1",
    };

    public static Dynalite Start()
    {
        Assert.True(File.Exists(Cli), $"{Cli} is missing: run ./build.sh --target=TestTools (it runs npm ci in tests/Interop).");
        for (var attempt = 1; ; attempt++)
        {
            var dynalite = new Dynalite(FreePorts.Next());
            try
            {
                dynalite.Run();
                return dynalite;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                dynalite.Dispose();
            }
        }
    }

    /// <summary>A client of this server, as a test's own reader and writer.</summary>
    public AmazonDynamoDBClient Client() => new(
        new BasicAWSCredentials("AKIDDYNALITETEST", SecretKey),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1" });

    private void Run()
    {
        var info = new ProcessStartInfo("node")
        {
            ArgumentList = { Cli, "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dynalite exited with {_process.ExitCode} (port {Port} taken?)");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"dynalite on port {Port} did not listen within 30 s");
    }

    /// <summary>
    /// Builds what a test class needs beside the server; when that throws, xunit never disposes the class, so the
    /// server (and <paramref name="others"/>) are disposed here rather than left running.
    /// </summary>
    public static T Guard<T>(Dynalite dynalite, Func<T> build, params IDisposable[] others)
    {
        try
        {
            return build();
        }
        catch
        {
            foreach (var other in others)
            {
                other.Dispose();
            }

            dynalite.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_process is { } running)
        {
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
                running.WaitForExit();
            }

            running.Dispose();
            _process = null;
        }
    }
}
