using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Charts;

/// <summary>
/// A monorepo with Helm charts on a bare origin: service blue (projects/blue, chart helm/charts/blue), service green
/// (no chart), an umbrella chart pinning blue through file://, and a library chart of its own. Its tags are not the
/// defaults: charts are tagged <c>blue/1.6.0</c>, images <c>blue/v1.6.0</c>. Commits get fixed
/// dates and identities through the environment, so a fixture history reads the same on every run.
/// </summary>
public sealed class ChartRepository : IDisposable
{
    public const string BlueChart = """
        # Blue: the storefront API
        apiVersion: v2
        name: blue
        description: "Blue service"   # shown in the catalogue
        type: application
        version: 1.5.0
        appVersion: "1.5.0"

        maintainers:
          - name: platform
        """ + "\n";

    public const string Umbrella = """
        apiVersion: v2
        name: shop
        version: 0.3.0
        dependencies:
          - name: blue
            version: 1.5.0   # pinned by the pipeline
            repository: file://../blue
          - name: redis
            version: ~17.0.0
            repository: https://charts.bitnami.com/bitnami
        """ + "\n";

    private int _tick;

    public ChartRepository()
    {
        Remote = new GitRemote(new Dictionary<string, string>
        {
            ["release.yaml"] = """
                version: 1
                environments:
                  dev:
                    branch: gitops/dev
                    auto: true
                services:
                  blue:
                    path: projects/blue
                    chart: helm/charts/blue
                  green:
                    path: projects/green
                tags:
                  release: "{service}/v{version}"
                  chartRelease: "{service}/{version}"
                """ + "\n",
            ["projects/blue/Dockerfile"] = "FROM scratch\n",
            ["projects/green/Dockerfile"] = "FROM scratch\n",
            ["helm/charts/blue/Chart.yaml"] = BlueChart,
            ["helm/charts/shop/Chart.yaml"] = Umbrella,
            ["helm/charts/lib/Chart.yaml"] = "apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n",
        });
        Clone = Remote.Seed;
    }

    public GitRemote Remote { get; }

    /// <summary>The working clone the tests commit in and run the pipeline from.</summary>
    public string Clone { get; }

    public string ConfigFile => Path.Combine(Clone, "release.yaml");

    /// <summary>Writes a file and commits it with <paramref name="message"/>, dated one minute after the previous commit.</summary>
    public string Commit(string path, string content, string message)
    {
        var full = Path.Combine(Clone, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Git("add", "--all");
        var date = new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero).AddMinutes(++_tick).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var result = ProcessRun.Start("git", ["commit", "--quiet", "--allow-empty", "-m", message], Clone, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Dev",
            ["GIT_AUTHOR_EMAIL"] = "dev@test.invalid",
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = "Dev",
            ["GIT_COMMITTER_EMAIL"] = "dev@test.invalid",
            ["GIT_COMMITTER_DATE"] = date,
        });
        Assert.True(result.ExitCode == 0, result.ToString());
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>A change to blue's code, with <paramref name="message"/>.</summary>
    public string Change(string message) => Commit($"projects/blue/src/{++_tick}.txt", message, message);

    public void Tag(string name, string revision = "HEAD") => Git("tag", "-a", "-m", name, name, revision);

    public void Push() => Git("push", "--quiet", "--follow-tags", "origin", "HEAD:refs/heads/main");

    public string Git(params string[] args) => GitRemote.Git(Clone, args);

    public string Read(string path) => File.ReadAllText(Path.Combine(Clone, path));

    public void Dispose() => Remote.Dispose();
}
