using System.Text;
using Cake.Release.Config;
using Cake.Release.Manifests;

namespace Cake.Release.GitOps;

/// <summary>Environment manifests as the remote's GitOps branches hold them now, read without a checkout.</summary>
internal sealed class RemoteManifests(GitRepository repository)
{
    private readonly GitRepository _repository = repository;

    /// <summary>The manifests of <paramref name="environments"/>, null for an environment whose branch or file does not exist yet.</summary>
    public IReadOnlyDictionary<string, EnvironmentManifest?> Read(ReleaseConfig config, params EnvironmentConfig[] environments)
    {
        var tips = _repository.RemoteBranches(config.Git.Remote, environments.Select(e => e.Branch).Distinct().ToArray());
        var manifests = new Dictionary<string, EnvironmentManifest?>(StringComparer.Ordinal);
        foreach (var environment in environments)
        {
            manifests[environment.Name] = null;
            if (!tips.TryGetValue(environment.Branch, out var tip))
            {
                continue;
            }

            _repository.FetchObjects(config.Git.Remote, environment.Branch, tip);
            var path = config.Git.ManifestPath(environment.Name);
            if (_repository.ReadFiles(tip, [path]).GetValueOrDefault(path) is { } file)
            {
                manifests[environment.Name] = EnvironmentManifest.Parse(Encoding.UTF8.GetString(file.Content), $"{config.Git.Remote}/{environment.Branch}:{path}");
            }
        }

        return manifests;
    }
}
