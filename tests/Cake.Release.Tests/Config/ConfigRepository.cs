using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>
/// A real repository folder in the temp directory with the folders the release.yaml example names, so the
/// loader's path checks run against the real file system.
/// </summary>
public sealed class ConfigRepository : IDisposable
{
    public ConfigRepository()
    {
        Root = Directory.CreateTempSubdirectory("cake-release-config-").FullName;
        foreach (var folder in new[] { "projects/blue", "projects/green", "libs/payments", "helm/charts/blue", "k8s/overlays/production" })
        {
            Directory.CreateDirectory(Path.Combine(Root, folder));
        }
    }

    public string Root { get; }

    /// <summary>Environment variables the configuration sees; nothing from the real process.</summary>
    public Dictionary<string, string> Variables { get; } = [];

    public ReleaseConfig Parse(string yaml) =>
        ReleaseConfigLoader.Parse(yaml, "release.yaml", Root, name => Variables.GetValueOrDefault(name));

    /// <summary>The one-line message the loader refuses <paramref name="yaml"/> with.</summary>
    public string Refusal(string yaml)
    {
        var error = Assert.Throws<ReleaseConfigException>(() => Parse(yaml));
        Assert.DoesNotContain('\n', error.Message);
        return error.Message;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
