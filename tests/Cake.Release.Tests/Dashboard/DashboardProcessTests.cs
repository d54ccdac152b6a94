using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Cake.Release.Tests.Fragments;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Dashboard;

/// <summary>
/// <c>--target=Status --serve</c> as the real pipeline process: it prints its URL, serves until SIGTERM (what Ctrl+C
/// and a container stop send, besides SIGINT) and then ends with success; an address off loopback is warned about.
/// </summary>
public sealed class DashboardProcessTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly Dynalite _dynalite = Dynalite.Start();
    private readonly TempFolder _folder = new();
    private readonly ConcurrentQueue<string> _output = new();

    public DashboardProcessTests()
    {
        using var client = _dynalite.Client();
        ReleaseRecordSeed.PutAsync(client).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _dynalite.Dispose();
        _folder.Dispose();
    }

    private Process Serve(string address)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var assembly = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "ReleasePipeline", new DirectoryInfo(AppContext.BaseDirectory).Name, "ReleasePipeline.dll"));
        foreach (var argument in new[] { assembly, "--target=Status", "--source=dynamodb", "--table=ReleaseFragments", $"--serve={address}", "--interval=1" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in _dynalite.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) { _output.Enqueue(text); } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) { _output.Enqueue(text); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string Output => string.Join('\n', _output);

    private void WaitFor(Func<bool> condition, Process process, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.False(process.HasExited, $"the server exited before {what}:\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"no {what}:\n{Output}");
            Thread.Sleep(100);
        }
    }

    private static void Terminate(Process process) =>
        Assert.Equal(0, ProcessRun.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExitCode);

    [Fact]
    public async Task The_real_process_prints_its_url_serves_the_record_and_stops_cleanly_on_sigterm()
    {
        var port = FreePorts.Next();
        using var process = Serve($"127.0.0.1:{port}");
        try
        {
            var url = $"http://127.0.0.1:{port}/";
            WaitFor(() => Output.Contains($"at {url} (read every 1 s). Ctrl+C stops it.", StringComparison.Ordinal), process, "URL printed");

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var json = JsonDocument.Parse(await http.GetStringAsync(url + "api/status.json"));
            Assert.Equal(10, json.RootElement.GetArrayLength());   // api 3, web 3, ledger 2, ledger-events 2
            using var post = await http.PostAsync(url, new StringContent(""));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            Assert.DoesNotContain("reachable from the network", Output, StringComparison.Ordinal);

            Terminate(process);
            Assert.True(process.WaitForExit(60_000), Output);
            Assert.True(process.ExitCode == 0, Output);
            Assert.Contains("Stopped serving the release status.", Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Dynalite.SecretKey, Output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void An_address_off_loopback_is_served_only_when_written_out_and_then_with_a_warning()
    {
        var port = FreePorts.Next();
        using var process = Serve($"0.0.0.0:{port}");
        try
        {
            WaitFor(() => Output.Contains("Ctrl+C stops it.", StringComparison.Ordinal), process, "URL printed");
            Assert.Contains($"Status --serve: listening on 0.0.0.0:{port}, reachable from the network", Output, StringComparison.Ordinal);
            Terminate(process);
            Assert.True(process.WaitForExit(60_000), Output);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
