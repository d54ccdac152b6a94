using System.Diagnostics;
using System.Net.Http.Headers;
using Cake.Release.Registry;

namespace RetagBenchmark;

/// <summary>
/// The least a retag can be, the floor for ours: GET the manifest by its tag, PUT the same bytes under the new tag.
/// No auth challenge, no check of what the new tag held, no retries: what is left is the registry's own work.
/// Sent from this process with a plain HttpClient (kept-alive connection, no process start), and as two curl
/// processes (what a shell step pays: two process starts and two connections).
/// </summary>
public sealed class RawRetag(string host) : IDisposable
{
    private static readonly string Accept = string.Join(", ", ManifestMediaTypes.OciManifest, "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.index.v1+json");
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://{host}/") };

    public async Task WithHttpClientAsync(string repository, string tag)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/build");
        get.Headers.TryAddWithoutValidation("Accept", Accept);
        using var manifest = await _http.SendAsync(get);
        manifest.EnsureSuccessStatusCode();
        var content = new ByteArrayContent(await manifest.Content.ReadAsByteArrayAsync());
        content.Headers.ContentType = new MediaTypeHeaderValue(manifest.Content.Headers.ContentType!.MediaType!);
        using var put = await _http.PutAsync($"v2/{repository}/manifests/{tag}", content);
        put.EnsureSuccessStatusCode();
    }

    public async Task WithCurlAsync(string repository, string tag)
    {
        var file = Path.GetTempFileName();
        try
        {
            var headers = Path.GetTempFileName();
            await CurlAsync("-sSf", "-H", $"Accept: {Accept}", "-D", headers, "-o", file, $"http://{host}/v2/{repository}/manifests/build");
            var mediaType = File.ReadLines(headers).First(line => line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))["Content-Type:".Length..].Trim();
            File.Delete(headers);
            await CurlAsync("-sSf", "-X", "PUT", "-H", $"Content-Type: {mediaType}", "--data-binary", $"@{file}", $"http://{host}/v2/{repository}/manifests/{tag}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task CurlAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("curl") { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("curl did not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"curl exited {process.ExitCode}: {await error}");
        }
    }
}
