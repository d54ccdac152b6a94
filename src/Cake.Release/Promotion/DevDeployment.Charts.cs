using System.Text;
using Cake.Core.Diagnostics;
using Cake.Release.Charts;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// How a chart version enters the auto environment. A chart-only service (<c>image: false</c>) that changed is
/// recorded at the version its <c>Chart.yaml</c> declares at the deployed commit, once that version is released:
/// its chart release tag (<c>tags.chartRelease</c>, <c>payments/chart-0.4.0</c>) is on the remote. The entry's
/// commit is the tag's, so what the environment pins is exactly the released chart. A version without its tag yet
/// (a change before ReleaseChart, or a bump by hand) is not recorded: the DeployDev that follows ReleaseChart's push
/// records it.
/// </summary>
public sealed partial class DevDeployment
{
    /// <summary>The entries of each chart-only service of <paramref name="charts"/> at its released chart version.</summary>
    /// <param name="charts">The chart-only services that changed (BuildOnce's <see cref="Building.BuildOnceResult.Charts"/>).</param>
    /// <param name="commit">The commit whose Chart.yaml is read.</param>
    private List<ManifestInput> ChartEntries(IReadOnlyList<string> charts, string? commit)
    {
        ArgumentNullException.ThrowIfNull(charts);
        if (charts.Count == 0 || commit is null)
        {
            return [];
        }

        var remote = _config.Git.Remote;
        var tags = new GitHistory(_session.Context, _config.RepositoryRoot, _settings.Git).RemoteTags(remote);
        var entries = new List<ManifestInput>();
        foreach (var service in charts.Select(_config.Service))
        {
            var file = $"{RepositoryPath.Normalize(service.Chart!).Path}/Chart.yaml";
            var version = _repository.ReadFiles(commit, [file]).GetValueOrDefault(file) is { } found
                ? ChartDocument.Parse($"{ShortCommit.Of(commit)}:{file}", Encoding.UTF8.GetString(found.Content)).Version
                : throw new ReleaseException($"{file} is not in commit {ShortCommit.Of(commit)}, so {service.Name}'s chart version cannot be read; fix chart: of services.{service.Name} in {_config.File}, or commit the chart.");
            var tag = ReleaseTags.Of(_config.Tags.ChartRelease, service.Name, tags).FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, version));
            if (tag is null)
            {
                _session.Log.Information("{0}: {1} declares {2} at {3}, but {4} has no chart release tag {5}; not recorded in {6} (ReleaseChart --service={0} releases it, and the DeployDev after it records it).",
                    service.Name, file, ReleaseVersion.Text(version), ShortCommit.Of(commit), remote, ReleaseTags.Name(_config.Tags.ChartRelease, service.Name, version), Environment.Name);
                continue;
            }

            entries.Add(new ManifestInput(Environment.Name, service.Name, ReleaseVersion.Text(version), null, tag.Commit, _by, null, [], "deploy"));
        }

        return entries;
    }
}
