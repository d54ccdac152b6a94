using Cake.Release.Manifests;

namespace Cake.Release.Metrics;

/// <summary>
/// Turns an environment manifest's history into deployment events. Pure: the file's content is the truth (as for
/// Rollback), the commit's subject names the action. Each entry that changed in a commit is one event, so a commit
/// that writes several services (one trailer block each) yields one event per service.
/// </summary>
public static class ManifestChanges
{
    /// <summary>The changes, oldest first.</summary>
    /// <param name="environment">The environment the manifest describes.</param>
    /// <param name="revisions">The manifest's commits, oldest first.</param>
    /// <param name="isHotfix">Whether a promoted entry is a hotfix: a patch whose source commit is off the main branch (asked of git by the caller).</param>
    public static IReadOnlyList<DeploymentEvent> Events(string environment, IReadOnlyList<ManifestRevision> revisions, Func<string, ManifestEntry, bool> isHotfix)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(isHotfix);
        var events = new List<DeploymentEvent>();
        var running = new Dictionary<string, (ManifestEntry Entry, int Event)>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            var entries = revision.Manifest?.Services ?? new Dictionary<string, ManifestEntry>();
            foreach (var gone in running.Keys.Where(service => !entries.ContainsKey(service)).ToList())
            {
                running.Remove(gone);
            }

            foreach (var (service, entry) in entries)
            {
                if (running.TryGetValue(service, out var before) && SameRelease(before.Entry, entry))
                {
                    // Another service's commit, or the record of a merged pull request moving deployed: to the merge.
                    if (before.Entry.Deployed != entry.Deployed)
                    {
                        events[before.Event] = events[before.Event] with { Deployed = entry.Deployed };
                    }

                    running[service] = (entry, before.Event);
                    continue;
                }

                events.Add(new DeploymentEvent(service, environment, entry.Version, entry.Digest, entry.Source, entry.Deployed, Kind(revision.Message, service, entry, isHotfix)));
                running[service] = (entry, events.Count - 1);
            }
        }

        return events;
    }

    private static bool SameRelease(ManifestEntry before, ManifestEntry after) =>
        before.Version == after.Version && before.Digest == after.Digest && before.Source == after.Source;

    // Rollback writes `rollback(blue): …`; a back-port of a hotfix (HotfixBackport) is `backport(blue): hotfix …`; a
    // promoted patch built off the main branch is a hotfix whatever its subject says (Hotfix's releases are promoted
    // like any other, `promote(blue): 1.6.1 staging → production`). Only the subject's verb is read: a service or
    // version named "hotfix" must not make every change of it one.
    private static DeploymentKind Kind(string message, string service, ManifestEntry entry, Func<string, ManifestEntry, bool> isHotfix)
    {
        var subject = message.Split('\n', 2)[0];
        if (subject.StartsWith("rollback(", StringComparison.Ordinal))
        {
            return DeploymentKind.Rollback;
        }

        if (subject.StartsWith("hotfix(", StringComparison.OrdinalIgnoreCase) || subject.StartsWith("backport(", StringComparison.OrdinalIgnoreCase) || isHotfix(service, entry))
        {
            return DeploymentKind.Hotfix;
        }

        return subject.StartsWith("promote(", StringComparison.Ordinal) || entry.From is not null ? DeploymentKind.Promote : DeploymentKind.Deploy;
    }
}
