namespace Cake.Release.Promotion;

/// <summary>
/// Chooses what a rollback returns an environment to, from the service's entries in the manifest's history. Pure:
/// the history is read by the caller.
/// </summary>
/// <remarks>
/// The releases of a service in an environment form a stack: a deployment of a new version pushes it, and going back
/// to a version that ran before (a rollback, or a promotion of that version again) pops every release above it. The
/// default target is the release under the current one. So a release that was rolled back away from is never chosen
/// again by default, and a second rollback goes one release further back instead of forward to the release that was
/// just undone. <c>--version</c> may name any version that ran there, forward ones included.
/// </remarks>
public static class RollbackPlanner
{
    /// <summary>The target of a rollback, or a one-line <see cref="ReleaseException"/> when there is none.</summary>
    /// <param name="environment">The environment, for messages.</param>
    /// <param name="service">The service, for messages.</param>
    /// <param name="revisions">The service's entries at each manifest commit, newest first (as <c>git log</c> lists them).</param>
    /// <param name="version">The version asked for (<c>--version</c>), or null for the previous release.</param>
    /// <param name="source">Where the history was read, for messages: <c>origin/gitops/production-releases:release-manifests/production.yaml</c>.</param>
    public static RollbackTarget Choose(string environment, string service, IReadOnlyList<RollbackRevision> revisions, string? version, string source)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var current = revisions.Count > 0 ? revisions[0].Entry : null;
        if (current is null)
        {
            throw new ReleaseException($"{service} does not run in {environment} ({source} has no entry for it); there is nothing to roll back: deploy or promote it first.");
        }

        // Oldest first, each version with the newest revision that recorded it: that entry's digest and commit are
        // what ran last under that version.
        var latest = new Dictionary<string, RollbackRevision>(StringComparer.Ordinal);
        var ran = new List<string>();
        var stack = new List<string>();
        foreach (var revision in revisions.Reverse())
        {
            if (revision.Entry is not { } entry)
            {
                continue;
            }

            latest[entry.Version] = revision;
            if (!ran.Contains(entry.Version))
            {
                ran.Add(entry.Version);
            }

            var at = stack.IndexOf(entry.Version);
            if (at >= 0)
            {
                stack.RemoveRange(at + 1, stack.Count - at - 1);
            }
            else
            {
                stack.Add(entry.Version);
            }
        }

        string target;
        if (version is not null)
        {
            target = latest.ContainsKey(version)
                ? version
                : throw new ReleaseException($"{service} {version} never ran in {environment} (ran: {string.Join(", ", ran)}, per {source}); pass one of those to --version.");
        }
        else
        {
            target = stack.Count >= 2
                ? stack[^2]
                : throw new ReleaseException($"{service} {current.Version} is the only release of {service} that ran in {environment} (per {source}); nothing to roll back to: promote a fixed version instead.");
        }

        var chosen = latest[target];
        return new RollbackTarget(current, chosen.Entry!, chosen.Commit, ran);
    }
}
