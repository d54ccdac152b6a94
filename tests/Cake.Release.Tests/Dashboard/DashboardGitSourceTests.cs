using System.Net;
using System.Text.Json;
using Cake.Release.Dashboard;
using Cake.Release.GitOps;
using Cake.Release.Registry;
using Cake.Release.Reporting;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Registry;

namespace Cake.Release.Tests.Dashboard;

/// <summary>
/// The dashboard on the git source: the remote's manifests read again every interval (a deployment written while it
/// serves shows up), and a service's page is its manifest history on each environment's branch.
/// </summary>
public sealed class DashboardGitSourceTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly GitRemote _remote = ShopMonorepo.Create("oci:.release/registry", "oci-layer");
    private readonly string _clone;

    public DashboardGitSourceTests() => _clone = _remote.Clone();

    public void Dispose() => _remote.Dispose();

    private string ConfigFile => Path.Combine(_clone, "release.yaml");

    private void Deploy(string environment, string version, int size, string commit, DateTimeOffset at)
    {
        string digest;
        using (var store = ImageStores.Open(ImageReference.InRegistry("oci:.release/registry", "blue"), baseDirectory: _clone))
        {
            digest = FixtureImages.PushImageAsync(store, "blue", version, fileBytes: size).GetAwaiter().GetResult().Digest;
        }

        var context = TestCake.Context();
        Cake.Release.Session.ReleaseSession.Of(context).Clock = new FixedClock(at);
        context.WriteManifest(new UpdateManifestSettings { Environment = environment, Service = "blue", Version = version, Digest = digest, Commit = commit, By = "ci-bot", ConfigFile = ConfigFile });
    }

    [Fact]
    public async Task A_deployment_written_while_serving_appears_and_the_service_page_is_its_manifest_history()
    {
        var commit = GitRemote.Git(_clone, "rev-parse", "HEAD").Trim();
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        Deploy("dev", "1.0.0", 30, commit, start);
        Deploy("staging", "1.0.0", 30, commit, start.AddHours(1));

        var context = TestCake.Context();
        using var reader = StatusReaders.Open(context, new StatusSettings { ConfigFile = ConfigFile });
        await using var server = await DashboardServer.StartAsync(reader, new DashboardAddress(IPAddress.Loopback, 0), TimeSpan.FromSeconds(1), context.Log, CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        Assert.Equal(["dev:1.0.0", "staging:1.0.0"], await Running(http, server.Url));

        Deploy("dev", "1.1.0", 31, commit, start.AddHours(2));
        var deadline = DateTime.UtcNow + Deadline;
        while (!(await Running(http, server.Url)).Contains("dev:1.1.0"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the dashboard never read the new dev manifest");
            await Task.Delay(200);
        }

        var page = await http.GetStringAsync(new Uri(server.Url, "/component/-/blue"));
        var rows = System.Text.RegularExpressions.Regex.Matches(page, @"<tr data-version=""([^""]+)"" data-env=""([^""]+)"">").Select(m => $"{m.Groups[2].Value}:{m.Groups[1].Value}");
        Assert.Equal(["dev:1.0.0", "staging:1.0.0", "dev:1.1.0"], rows);
    }

    private static async Task<List<string>> Running(HttpClient http, Uri url)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "/api/status.json")));
        return [.. json.RootElement.EnumerateArray().Select(f => $"{f.GetProperty("environment").GetString()}:{f.GetProperty("version").GetString()}")];
    }
}
