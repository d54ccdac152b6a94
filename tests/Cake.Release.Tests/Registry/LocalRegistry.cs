using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Registry;

/// <summary>
/// The CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 and a free port, with its own storage
/// folder and, when asked, htpasswd (bcrypt) users and an access log. Stopped and deleted on dispose.
/// </summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly string _configFile;
    private readonly string _identity;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();
    private Process? _process;

    private LocalRegistry(string folder, int port, string configFile, string identity)
    {
        Folder = folder;
        Port = port;
        _configFile = configFile;
        _identity = identity;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>host:port, as an image reference starts.</summary>
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>
    /// What the registry printed so far: its errors (<c>error authenticating user "…"</c> for each request whose
    /// credential it refused) and, when started with <c>accessLog</c>, a line per request (<c>"HEAD /v2/… HTTP/1.1" 401</c>).
    /// </summary>
    public IReadOnlyList<string> Log => _log.ToArray();

    public static LocalRegistry Start(string? user = null, string? password = null, bool accessLog = false)
    {
        var folder = Directory.CreateTempSubdirectory("cake-release-registry-").FullName;
        var auth = "";
        if (user is not null && password is not null)
        {
            var htpasswd = ProcessRun.Start("htpasswd", ["-Bbn", user, password]);
            Assert.True(htpasswd.ExitCode == 0, htpasswd.ToString());
            File.WriteAllText(Path.Combine(folder, "htpasswd"), htpasswd.Output);
            auth = $"auth:\n  htpasswd:\n    realm: cake-release-test\n    path: {Path.Combine(folder, "htpasswd")}";
        }

        // Other test runs on this machine start registries too: a port taken between the probe and the registry's
        // bind is retried with another, and the answer to /v2/ must carry this registry's own header.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePorts.Next();
            var identity = Guid.NewGuid().ToString("N");
            var config = Path.Combine(folder, "config.yml");
            File.WriteAllText(config, $"""
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: {(accessLog ? "false" : "true")}
                storage:
                  filesystem:
                    rootdirectory: {Path.Combine(folder, "data")}
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:{port}
                  headers:
                    X-Test-Registry: [{identity}]
                {auth}
                """);
            var registry = new LocalRegistry(folder, port, config, identity);
            try
            {
                registry.Run();
                return registry;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                registry.Stop();
            }
        }
    }

    /// <summary>Kills the registry process, as a crash or a restart would; its storage stays.</summary>
    public void Stop()
    {
        if (_process is { } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit();
            running.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts it again on the same port and storage.</summary>
    public void Run()
    {
        var info = new ProcessStartInfo("docker-registry")
        {
            ArgumentList = { "serve", _configFile },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("docker-registry did not start");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilServing();
    }

    private void Keep(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            _log.Enqueue(line);
        }
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(Folder, recursive: true);
    }

    private void WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var answer = http.GetAsync(new Uri($"http://{Host}/v2/")).GetAwaiter().GetResult();
                if (answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized
                    && answer.Headers.TryGetValues("X-Test-Registry", out var values) && values.Contains(_identity))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer on a loaded machine (HttpClient's timeout): ask again.
            }

            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}; config {_configFile}");
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"docker-registry on {Host} did not answer /v2/ within 30 s");
    }

}
