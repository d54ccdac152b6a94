using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Registry;
using Cake.Release.Session;

namespace Cake.Release.Promotion;

/// <summary>Returns one service in one environment to a release that ran there before.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Promotion")]
[CakeNamespaceImport("Cake.Release.GitOps")]
[CakeNamespaceImport("Cake.Release.Registry")]
public static class RollbackAliases
{
    /// <summary>
    /// Rolls one service in one environment back to the release that ran there before the current one (or to
    /// <see cref="RollbackSettings.Version"/>, which must have run there), as the manifest's git history on the
    /// environment's branch records it: the same version, digest and source commit, nothing rebuilt. The
    /// environment's <c>imageTag</c> moves to that digest first, then one <c>rollback(blue): 1.6.0 → production</c>
    /// commit changes that service's entry and <c>updates:</c> values only. Rolling back to what already runs changes
    /// nothing and says so; a dry run shows the tag move and the manifest diff.
    /// </summary>
    /// <example><code>Rollback(new RollbackSettings { Environment = "production", Service = "blue" });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promotion")]
    public static RollbackResult Rollback(this ICakeContext context, RollbackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        Require(settings.Environment, "an environment", "--env=production");
        Require(settings.Service, "a service", "--service=blue");

        var session = ReleaseSession.Of(context);
        var config = session.Config(settings.ConfigFile);
        var environment = config.Environment(settings.Environment);
        var service = config.Service(settings.Service);
        var dryRun = session.IsDryRun(settings);
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var by = Promoter.Resolve(context, settings.By, repository.UserName);

        var path = config.Git.ManifestPath(environment.Name);
        var source = $"{config.Git.Remote}/{environment.Branch}:{path}";
        var history = new ManifestHistory(context, config.RepositoryRoot, settings.Git);
        var tip = history.Tip(config.Git.Remote, environment.Branch)
            ?? throw new ReleaseException($"{config.Git.Remote} has no branch {environment.Branch}, so {environment.Name} has no manifest history; there is nothing to roll back: deploy or promote {service.Name} first.");
        var revisions = Revisions(context, history.ServiceRevisions(tip, path, service.Name, commit => $"{source} at {ShortCommit.Of(commit)}"));
        var target = RollbackPlanner.Choose(environment.Name, service.Name, revisions, settings.Version, source);
        var (from, to) = (target.Current, target.Target);

        var byPullRequest = environment.Promotion == PromotionMode.PullRequest;
        if (target.AlreadyRunning)
        {
            // After a revert pull request's merge the branch already runs the release; what is left is its image tag.
            if (byPullRequest && environment.ImageTag is { } movingTag && !service.ChartOnly)
            {
                var follow = RetagInput.ForService(config, service.Name, to.Digest, to.Digest is null ? to.Version : null, [movingTag], settings.Registry);
                var retagStep = new RetagStep(session.Log, session.Variable);
                var moved = dryRun ? retagStep.Plan(follow) : retagStep.Apply(follow);
                return new RollbackResult(environment.Name, service.Name, from.Version, to.Version, to.Digest, to.Commit, RollbackOutcome.AlreadyRunning, moved, null);
            }

            context.Log.Information("{0} {1} already runs in {2} ({3}); nothing to roll back{4}.", service.Name, to.Version, environment.Name, source,
                settings.Version is null ? $" (the latest change was a rollback; to go further back pass --version, one of {string.Join(", ", target.Ran)})" : "");
            ReleasePublishing.Publish(session, config, settings.Git, "Rollback", dryRun);
            return new RollbackResult(environment.Name, service.Name, from.Version, to.Version, to.Digest, to.Commit, RollbackOutcome.AlreadyRunning, null, null);
        }

        context.Log.Information("{0}rolling {1} in {2} back from {3} to {4} ({5}, as {6} recorded it)",
            dryRun ? "Dry run: " : "", service.Name, environment.Name, from.Version, to.Version, to.Digest ?? "no digest recorded", ShortCommit.Of(target.Revision));

        // In rendered mode the configuration of the release it goes back to is rendered first, from its own commit:
        // if that no longer renders, nothing has moved yet.
        ManifestInput.Check(to.Version, to.Digest);
        var write = new ManifestStep(session, config, repository, settings.Retry);
        var commit = repository.SourceCommit(to.Commit);
        var rendered = environment.Render is null || to.Digest is null ? null : write.Renderer().Render(environment.Name, service.Name, to.Config ?? commit, to.Version, to.Digest);

        if (byPullRequest)
        {
            // The image tag follows the merge (a re-run completes it), never a proposal nobody merged.
            var proposed = new ManifestInput(environment.Name, service.Name, to.Version, to.Digest, commit, by, null, [], "rollback", Config: to.Config, Rendered: rendered);
            var (proposal, pullRequest) = RollbackProposal.Open(session, config, settings, write, proposed, from.Version, dryRun);
            return new RollbackResult(environment.Name, service.Name, from.Version, to.Version, to.Digest, to.Commit,
                dryRun ? RollbackOutcome.Planned : RollbackOutcome.Proposed, null, proposal)
            { PullRequest = pullRequest };
        }

        // The registry first, so the manifest never names a digest the environment tag does not follow yet;
        // a failure after the tag moved leaves the manifest on the old release, and a re-run completes it.
        // A chart-only service has no image: its pins (updates: for: charts) go back with the manifest entry.
        RetagResult? retag = null;
        if (environment.ImageTag is { } imageTag && !service.ChartOnly)
        {
            var move = RetagInput.ForService(config, service.Name, to.Digest, to.Digest is null ? to.Version : null, [imageTag], settings.Registry);
            var step = new RetagStep(session.Log, session.Variable);
            retag = dryRun ? step.Plan(move) : step.Apply(move);
        }

        // No `from:`: the release comes back from this environment's own history, not from another environment;
        // the rollback subject and the trailers say what happened.
        var entry = new ManifestInput(environment.Name, service.Name, to.Version, to.Digest, commit, by, null, [], "rollback", Config: to.Config, Rendered: rendered);
        var manifest = dryRun ? write.Plan(entry) : write.Apply(entry);
        ReleasePublishing.Publish(session, config, settings.Git, "Rollback", dryRun);

        return new RollbackResult(environment.Name, service.Name, from.Version, to.Version, to.Digest, to.Commit,
            dryRun ? RollbackOutcome.Planned : RollbackOutcome.RolledBack, retag, manifest);
    }

    // The newest revision is what runs and must read; an older one that does not (edited by hand once) is left out
    // of the choice with a warning rather than blocking the way back.
    private static List<RollbackRevision> Revisions(ICakeContext context, IReadOnlyList<ServiceRevision> history)
    {
        var revisions = new List<RollbackRevision>(history.Count);
        foreach (var (commit, entry, unreadable) in history)
        {
            if (unreadable is not null && revisions.Count == 0)
            {
                throw unreadable;
            }

            if (unreadable is not null)
            {
                context.Log.Warning("Skipping a revision of the manifest that does not read: {0}", unreadable.Message);
                continue;
            }

            revisions.Add(new RollbackRevision(commit, entry));
        }

        return revisions;
    }

    private static void Require(string value, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ReleaseException($"Rollback needs {what}: pass {example}.");
        }
    }
}
