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
        // Three git calls whatever the number of environments: their tips, the commits the clone lacks, the files.
        var tips = _repository.RemoteBranches(config.Git.Remote, environments.Select(e => e.Branch).Distinct().ToArray());
        _repository.FetchObjects(config.Git.Remote, tips);
        var files = environments.Where(e => tips.ContainsKey(e.Branch)).Select(e => (Commit: tips[e.Branch], Path: config.Git.ManifestPath(e.Name))).ToList();
        var read = _repository.ReadFiles(files);
        var manifests = new Dictionary<string, EnvironmentManifest?>(StringComparer.Ordinal);
        foreach (var environment in environments)
        {
            var path = config.Git.ManifestPath(environment.Name);
            manifests[environment.Name] = tips.TryGetValue(environment.Branch, out var tip) && read.GetValueOrDefault((tip, path)) is { } file
                ? EnvironmentManifest.Parse(Encoding.UTF8.GetString(file.Content), $"{config.Git.Remote}/{environment.Branch}:{path}")
                : null;
        }

        return manifests;
    }
}
