using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Registry;

namespace Cake.Release.Reporting;

/// <summary>
/// The matrix of this repository: every environment's manifest as the remote's GitOps branches hold it now (fetched
/// into the object store, no checkout), each entry's version tag read from the registry. A component's history is its
/// manifest's history on each environment's branch.
/// </summary>
internal sealed class GitStatusReader(ICakeContext context, ReleaseConfig config, IReadOnlyList<string> services, StatusSettings settings, TimeProvider clock) : IStatusReader
{
    private readonly GitRepository _repository = new(context, config.RepositoryRoot, settings.Git);

    public string Where => $"{config.Git.Remote}'s GitOps branches";

    public Task<ReleaseStatus> ReadAsync(CancellationToken cancel)
    {
        var manifests = new RemoteManifests(_repository).Read(config, [.. config.Environments]);
        // By name once: the configuration finds a service by walking its list, and at 10,000 services four look-ups
        // a service walk it 40,000 times.
        var configured = config.Services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var readings = new Dictionary<(string Environment, string Service), VersionTagReading>();
        // Each service's configured image once, not once per environment.
        var images = new Dictionary<string, ImageReference>(StringComparer.Ordinal);
        using (var tags = new VersionTags(settings.Registry ?? new RegistrySettings(), config.RepositoryRoot, context.Environment.GetEnvironmentVariable, context.Log))
        {
            foreach (var (environment, manifest) in manifests)
            {
                foreach (var service in services)
                {
                    // A chart-only service's entry names no image: there is no registry tag to check it against.
                    if (manifest?.Entry(service) is { Image: not null } entry)
                    {
                        if (!images.TryGetValue(service, out var image))
                        {
                            images[service] = image = ImageReference.InRegistry(config.Registry, configured[service].Image);
                        }

                        readings[(environment, service)] = tags.Read(image, entry);
                    }
                }
            }
        }

        var status = StatusMatrix.Build(config.Environments, services, manifests, readings, clock.GetUtcNow(), _repository.IsAncestor);
        return Task.FromResult(new ReleaseStatus(status.Environments, status.Services, status.Cells, status.At)
        {
            Components = services.ToDictionary(s => s, s => new StatusComponent(null, configured[s].Kind, s), StringComparer.Ordinal),
        });
    }

    public Task<IReadOnlyList<ReleaseFragment>> HistoryAsync(StatusComponent component, CancellationToken cancel)
    {
        var service = config.Service(component.Service);
        var history = new ManifestHistory(context, config.RepositoryRoot, settings.Git);
        var facts = new List<ReleaseFragment>();
        foreach (var environment in config.Environments)
        {
            cancel.ThrowIfCancellationRequested();
            if (history.Tip(config.Git.Remote, environment.Branch) is not { } tip)
            {
                continue;
            }

            var path = config.Git.ManifestPath(environment.Name);
            foreach (var (commit, text) in history.Revisions(tip, path))
            {
                if (text is null || Parse(text, $"{environment.Branch}:{path}@{ShortCommit.Of(commit)}")?.Entry(service.Name) is not { } entry)
                {
                    continue;
                }

                facts.Add(new ReleaseFragment
                {
                    Version = entry.Version,
                    Kind = service.Kind,
                    Repository = config.Publish?.Repository ?? config.Git.Remote,
                    Service = service.Name,
                    Environment = environment.Name,
                    At = entry.Deployed,
                    Action = entry.From is null ? FragmentActions.Deploy : FragmentActions.Promote,
                    Commit = entry.Commit,
                    Image = entry.Image,
                    Digest = entry.Digest,
                    From = entry.From,
                    By = entry.By,
                    Record = commit,
                });
            }
        }

        // A manifest commit for another service repeats this one's entry: one fact per deployment, the commit that made it.
        IReadOnlyList<ReleaseFragment> ordered = [.. facts
            .GroupBy(f => (f.Environment, f.At, f.Version, f.Digest))
            .Select(g => g.Last())
            .OrderBy(f => f.At)
            .ThenBy(f => f.SortKey, StringComparer.Ordinal)];
        return Task.FromResult(ordered);
    }

    public void Dispose()
    {
        // Git calls are processes, each ended when it returns: nothing is held open.
    }

    private EnvironmentManifest? Parse(string text, string where)
    {
        try
        {
            return EnvironmentManifest.Parse(text, where);
        }
        catch (ReleaseException e)
        {
            context.Log.Verbose("Status: skipped a revision of a manifest that does not read: {0}", e.Message);
            return null;
        }
    }
}
