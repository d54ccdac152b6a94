using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Reporting;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol: one page, JavaScript evaluated in it. Its profile is
/// a temp folder of its own; Dispose kills the browser and every process it started.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    // Generous bounds for a loaded CI machine: they end a hung browser, they are not what a test asserts.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _profile = Directory.CreateTempSubdirectory("cake-release-chromium-").FullName;
    private readonly Process _browser;
    private readonly ClientWebSocket _socket = new();
    private readonly string _protocol;
    private int _nextId;

    /// <summary>Opens <paramref name="url"/>, a file: page or a server's http: page.</summary>
    public HeadlessChromium(string url)
    {
        _protocol = new Uri(url).Scheme + ":";
        _browser = Process.Start(Info(_profile, "--remote-debugging-port=0", url))!;
        _browser.OutputDataReceived += (_, _) => { };
        _browser.ErrorDataReceived += (_, _) => { };
        _browser.BeginOutputReadLine();
        _browser.BeginErrorReadLine();

        // Port 0 lets chromium pick a free port; it writes the one it took to DevToolsActivePort in the profile.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + StartTimeout;
        string? port = null;
        while (port is null)
        {
            if (_browser.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"chromium did not open its DevTools port (exited: {_browser.HasExited})");
            }

            port = File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && int.TryParse(first, out _) ? first : null;
            Thread.Sleep(50);
        }

        using var http = new HttpClient { Timeout = ReplyTimeout };
        string? page = null;
        while (page is null)
        {
            using var targets = JsonDocument.Parse(http.GetStringAsync($"http://127.0.0.1:{port}/json/list").GetAwaiter().GetResult());
            page = targets.RootElement.EnumerateArray().Where(t => t.GetProperty("type").GetString() == "page" && t.GetProperty("url").GetString()!.StartsWith(_protocol, StringComparison.Ordinal))
                .Select(t => t.GetProperty("webSocketDebuggerUrl").GetString()).FirstOrDefault();
            if (page is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"chromium opened no {_protocol} page");
                Thread.Sleep(50);
            }
        }

        using var connect = new CancellationTokenSource(ReplyTimeout);
        _socket.ConnectAsync(new Uri(page), connect.Token).GetAwaiter().GetResult();
        WaitUntilLoaded();
    }

    /// <summary>Takes one screenshot of <paramref name="url"/> with chromium's own <c>--screenshot</c> and waits for it to exit.</summary>
    public static ProcessResult Screenshot(string url, string png)
    {
        var profile = Directory.CreateTempSubdirectory("cake-release-chromium-").FullName;
        try
        {
            var info = Info(profile, $"--screenshot={png}", url);
            return ProcessRun.Start(info.FileName, info.ArgumentList, timeout: TimeSpan.FromMinutes(3));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (JSON), awaiting a promise.</summary>
    public JsonElement Evaluate(string expression)
    {
        var reply = Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (reply.GetProperty("result").TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException($"the page threw: {error}");
        }

        return reply.GetProperty("result").GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Opens another URL in the page and waits until it has loaded.</summary>
    public void Navigate(string url)
    {
        Evaluate("window.__replaced = true");
        Send("Page.navigate", new { url });
        WaitUntilLoaded();
    }

    /// <summary>Saves what the page shows now as a PNG (Page.captureScreenshot).</summary>
    public void SaveScreenshot(string png)
    {
        var reply = Send("Page.captureScreenshot", new { format = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.WriteAllBytes(png, Convert.FromBase64String(reply.GetProperty("result").GetProperty("data").GetString()!));
    }

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            if (!_browser.HasExited)
            {
                _browser.Kill(entireProcessTree: true);
                _browser.WaitForExit(30_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _browser.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A child still closing a file; the temp folder is the OS's to clean.
        }
    }

    private static ProcessStartInfo Info(string profile, string mode, string url)
    {
        var info = new ProcessStartInfo("chromium") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,800", $"--user-data-dir={profile}", mode, url })
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    // Loaded means: a document of the URL's scheme (not the about:blank a new page starts with), not the one a navigation leaves
    // (it carries the marker Navigate set), and done loading, so its script has run.
    private void WaitUntilLoaded()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            var state = Evaluate("[location.protocol, window.__replaced === true, document.readyState].join(' ')").GetString();
            if (state == $"{_protocol} false complete")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the page did not load: {state}");
            Thread.Sleep(50);
        }
    }

    private JsonElement Send(string method, object parameters)
    {
        var id = ++_nextId;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        _socket.SendAsync(message, WebSocketMessageType.Text, true, timeout.Token).GetAwaiter().GetResult();
        while (true)
        {
            using var reply = JsonDocument.Parse(Receive(timeout.Token));
            if (reply.RootElement.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                if (reply.RootElement.TryGetProperty("error", out var error))
                {
                    throw new InvalidOperationException($"{method} failed: {error}");
                }

                return reply.RootElement.Clone();
            }
        }
    }

    // One whole message: DevTools replies may arrive in several frames.
    private string Receive(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult frame;
        do
        {
            frame = _socket.ReceiveAsync(buffer, cancellationToken).GetAwaiter().GetResult();
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("chromium closed the DevTools connection");
            }

            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }
}
