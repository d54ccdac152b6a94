namespace Cake.Release.Promotion;

/// <summary>
/// Chooses what a rollback returns an environment to, from the service's entries in the manifest's history. Pure:
/// the history is read by the caller.
/// </summary>
/// <remarks>
/// The releases of a service in an environment form a stack: a deployment of a new version pushes it, and going back
/// to a version that ran before (only a rollback can: promotion refuses older versions) pops every release above it.
/// A plain rollback undoes the latest release: the target is the release under it. When the latest change already was
/// a rollback, a plain rollback is done and does nothing, so a retried CI job neither goes a further release back nor
/// forward to the release it undid; going further back takes <c>--version</c>, which may name any version that ran
/// there, forward ones included.
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
        var rolledBack = false;
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
            if (at == stack.Count - 1 && at >= 0)
            {
                // The same release again (another service's commit, or a digest refresh): nothing moved.
                continue;
            }

            rolledBack = at >= 0;
            if (rolledBack)
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
        else if (rolledBack)
        {
            target = current.Version;
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
