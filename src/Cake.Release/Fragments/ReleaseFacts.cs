using Cake.Release.Config;
using Cake.Release.Manifests;

namespace Cake.Release.Fragments;

/// <summary>
/// The facts git holds, worked out without I/O: a deployment each time a service's manifest entry changed what runs
/// (version, digest or configuration), and a release for each release tag. The same history always gives the same
/// facts, so every run, on any clone, publishes the same items, and a re-run publishes nothing new.
/// </summary>
internal static class ReleaseFacts
{
    /// <summary>
    /// The deployments recorded by <paramref name="revisions"/> (newest first, as git log lists them) after
    /// <paramref name="baseline"/> (the manifest's text at the last published commit; null: from the beginning).
    /// </summary>
    public static IReadOnlyList<ReleaseFragment> Deployments(ReleaseConfig config, string repository, string environment, string? baseline, IReadOnlyList<ManifestRevision> revisions, IReadOnlySet<string> hotfixVersions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(hotfixVersions);
        var before = Entries(baseline, environment, "the published revision");
        var facts = new List<ReleaseFragment>();
        // Which of this run's facts each service's last one is: a change of deployed: alone (the record written after a
        // pull request's merge) moves that fact to when the change took effect instead of making a second one.
        var lastOwn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var revision in revisions.Reverse())
        {
            var entries = Entries(revision.Text, environment, ShortCommit.Of(revision.Commit));
            var message = ManifestCommitTrailers.Read(revision.Message);
            foreach (var (service, entry) in entries)
            {
                var previous = before.GetValueOrDefault(service);
                if (previous is not null && (previous.Version, previous.Digest, previous.Config) == (entry.Version, entry.Digest, entry.Config) && previous.Deployed == entry.Deployed)
                {
                    continue;
                }

                var fact = Fact(config, repository, environment, service, entry, revision.Commit, message, hotfixVersions);
                if (previous is not null && (previous.Version, previous.Digest, previous.Config) == (entry.Version, entry.Digest, entry.Config) && lastOwn.TryGetValue(service, out var own))
                {
                    facts[own] = fact;
                    continue;
                }

                lastOwn[service] = facts.Count;
                facts.Add(fact);
            }

            before = entries;
        }

        return facts;
    }

    /// <summary>The releases <paramref name="tags"/> mark: each configured service's release tags and, for a service with a chart, its chart release tags.</summary>
    public static IReadOnlyList<ReleaseFragment> Releases(ReleaseConfig config, string repository, IReadOnlyList<ReleaseTagRecord> tags)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tags);
        var byName = tags.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var pairs = tags.Select(t => (t.Name, t.Commit)).ToList();
        var facts = new List<ReleaseFragment>();
        foreach (var service in config.Services)
        {
            if (!service.ChartOnly)
            {
                facts.AddRange(ReleaseTags.Of(config.Tags.Release, service.Name, pairs).Select(release => Release(config, repository, service, byName[release.Name], release.Version, chart: false)));
            }

            if (service.Chart is not null)
            {
                facts.AddRange(ReleaseTags.Of(config.Tags.ChartRelease, service.Name, pairs).Select(release => Release(config, repository, service, byName[release.Name], release.Version, chart: true)));
            }
        }

        return facts;
    }

    private static ReleaseFragment Release(ReleaseConfig config, string repository, ServiceConfig service, ReleaseTagRecord tag, NuGet.Versioning.SemanticVersion version, bool chart)
    {
        var lines = tag.Message.Split('\n');
        string? Trailer(string key) => lines.Where(l => l.StartsWith(key + ": ", StringComparison.Ordinal)).Select(l => l[(key.Length + 2)..].Trim()).FirstOrDefault();
        var text = Versioning.ReleaseVersion.Text(version);
        // A chart of a service that has an image is a component of its own in the seed's sense (infra#helm-auth):
        // its versions are not the image's, and must not share the image's item.
        return new ReleaseFragment
        {
            Version = text,
            Kind = chart && !service.ChartOnly ? ComponentKinds.Infra : service.Kind,
            Repository = repository,
            Service = service.Name,
            At = tag.At,
            Action = Trailer("Hotfix") is not null ? FragmentActions.Hotfix : FragmentActions.Release,
            Commit = tag.Commit,
            Image = chart ? null : Registry.ImageReference.InRegistry(config.Registry, service.Image).Name,
            Digest = chart ? null : Trailer("Digest"),
            ChartVersion = chart ? text : null,
            By = Trailer("Promoted-by"),
            Record = tag.Commit,
            Tag = tag.Name,
        };
    }

    private static ReleaseFragment Fact(ReleaseConfig config, string repository, string environment, string service, ManifestEntry entry, string commit, ManifestCommitTrailers message, IReadOnlySet<string> hotfixVersions)
    {
        var kind = config.Services.FirstOrDefault(s => s.Name == service)?.Kind ?? ComponentKinds.Backend;
        var verb = message.Verb(service);
        var action = verb switch
        {
            FragmentActions.Promote or FragmentActions.Deploy when hotfixVersions.Contains($"{service}/{entry.Version}") => FragmentActions.Hotfix,
            FragmentActions.Promote or FragmentActions.Deploy or FragmentActions.Rollback => verb,
            _ => entry.From is null ? FragmentActions.Deploy : FragmentActions.Promote,
        };
        return new ReleaseFragment
        {
            Version = entry.Version,
            Kind = kind,
            Repository = repository,
            Service = service,
            Environment = environment,
            At = entry.Deployed,
            Action = action,
            Commit = entry.Commit,
            Image = entry.Image,
            Digest = entry.Digest,
            ChartVersion = entry.Image is null ? entry.Version : null,
            From = entry.From,
            By = entry.By,
            ApprovedBy = message.ApprovedBy(service),
            Record = commit,
        };
    }

    // A revision that does not read (edited by hand once) records nothing; the next one that reads is compared with
    // the last that did.
    private static IReadOnlyDictionary<string, ManifestEntry> Entries(string? text, string environment, string where)
    {
        if (text is null)
        {
            return new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        }

        try
        {
            return EnvironmentManifest.Parse(text, $"{environment} at {where}").Services;
        }
        catch (ManifestFormatException)
        {
            return new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        }
    }
}
