using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Building;
using Cake.Release.Config;
using Cake.Release.Fragments;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>Patches a released line: one fix cherry-picked onto its release branch, built once and tagged as the next patch.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Promotion")]
public static class HotfixAliases
{
    /// <summary>
    /// Cherry-picks <see cref="HotfixSettings.Commit"/> (with <c>-x</c>) onto the service's release branch
    /// (<c>tags.releaseBranch</c>, created from the line's last release tag when the remote lacks it) in a temporary
    /// worktree, builds the image once from there, then pushes the branch and the annotated release tag of the next
    /// patch version, in that order so a re-run completes a run that stopped in between. A conflict is refused with
    /// the conflicting files and nothing pushed; a fix already on the branch is not picked again. The user's checkout
    /// is never touched. Logs the command that promotes the new version.
    /// </summary>
    /// <example><code>Hotfix(new HotfixSettings { Service = "blue", Commit = "3f2c1a0", Line = "1.6" });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Promotion")]
    public static HotfixResult Hotfix(this ICakeContext context, HotfixSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        Require(settings.Service, "a service", "--service=blue");
        Require(settings.Commit, "the commit of the fix", "--commit=3f2c1a0");

        var config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var service = config.Service(settings.Service);
        if (service.ChartOnly)
        {
            throw new ReleaseException($"{service.Name} is a chart without an image (image: false in {config.File}), and Hotfix builds an image on a release branch; commit the fix to {config.Git.MainBranch}, release the chart with ReleaseChart --service={service.Name} and promote that version.");
        }

        var remote = config.Git.Remote;
        var dryRun = settings.DryRun ?? context.IsDryRun();
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var history = new GitHistory(context, config.RepositoryRoot, settings.Git);
        var hotfixes = new HotfixRepository(context, config.RepositoryRoot, settings.Git);
        foreach (var stale in HotfixWorktree.RemoveStale(context, config.RepositoryRoot, settings.Git, dryRun))
        {
            context.Log.Information("{0} the worktree {1}, which an interrupted Hotfix left behind.", dryRun ? "Dry run: would remove" : "Removed", stale);
        }

        var fix = repository.ResolveCommit(settings.Commit);
        var releases = ReleaseTags.Of(config.Tags.Release, service.Name, history.RemoteTags(remote));
        var line = HotfixLine.Of(service.Name, releases, settings.Line);
        var branch = config.Tags.ReleaseBranch.Render(new TemplateValues { Service = service.Name, Version = ReleaseVersion.Text(line.Base.Version), Sha = line.Base.Commit });
        var tip = repository.RemoteBranches(remote, branch).GetValueOrDefault(branch);
        if (tip is null)
        {
            hotfixes.FetchTag(remote, line.Base.Name, line.Base.Commit);
        }
        else
        {
            repository.FetchObjects(remote, branch, tip);
        }

        var start = tip ?? line.Base.Commit;
        var where = tip is null ? $"{line.Base.Name} (a new {branch})" : $"{remote}/{branch}";
        var held = hotfixes.FindFix(start, fix);
        if (held is not null && releases.Where(r => r.Version.Major == line.Major && r.Version.Minor == line.Minor && hotfixes.Contains(r.Commit, held)).MinBy(r => r.Version, Precedence.SemVer) is { } released)
        {
            context.Log.Information("{0}'s fix {1} is already in {2} (commit {3} on {4}); nothing to do.", service.Name, ShortCommit.Of(fix), released.Name, ShortCommit.Of(held), where);
            ReleasePublishing.Publish(ReleaseSession.Of(context), config, settings.Git, "Hotfix", dryRun);
            return new HotfixResult(service.Name, fix, branch, held, ReleaseVersion.Text(released.Version), released.Name, HotfixOutcome.AlreadyReleased, null, null);
        }

        var version = ReleaseVersion.Text(line.Next);
        var tag = ReleaseTags.Name(config.Tags.Release, service.Name, line.Next);
        var identity = repository.CommitIdentity();
        string commit;
        HotfixBuild? build;
        using (var worktree = HotfixWorktree.Add(context, config.RepositoryRoot, settings.Git, start))
        {
            if (held is null)
            {
                var conflicts = worktree.CherryPick(fix, identity);
                if (conflicts.Count > 0)
                {
                    var from = tip is null ? line.Base.Name : $"{remote}/{branch}";
                    throw new ReleaseException($"{service.Name}: cherry-picking {ShortCommit.Of(fix)} onto {where} conflicts in {string.Join(", ", conflicts)}; nothing was pushed: backport it by hand (git switch -c {branch} {from} && git cherry-pick -x {ShortCommit.Of(fix)}, resolve, git push {remote} {branch}), then run Hotfix again to build and tag it.");
                }

                commit = worktree.Head();
            }
            else
            {
                commit = start;
                context.Log.Information("{0} already holds {1}'s fix {2} (commit {3}) but no release has it: building and tagging {4} as {5}.", where, service.Name, ShortCommit.Of(fix), ShortCommit.Of(held), ShortCommit.Of(commit), tag);
            }

            build = BuildHotfixImage(context, settings, service, worktree.Path, commit, dryRun);
        }

        var next = NextCommand(config, service.Name, version);
        if (dryRun)
        {
            context.Log.Information("Dry run: would build {0} at {1}, push {2} to {3}/{4}{5}, then the annotated tag {6} on it (the pick applies cleanly); then: {7}",
                service.Name, ShortCommit.Of(commit), ShortCommit.Of(commit), remote, branch, tip is null ? $" (new, from {line.Base.Name})" : "", tag, next ?? "promote it");
            return new HotfixResult(service.Name, fix, branch, commit, version, tag, HotfixOutcome.Planned, build, next);
        }

        // The branch before the tag: a run that stops between the two finds the fix on the branch and only tags.
        if (commit != tip)
        {
            var push = repository.Push(remote, commit, branch);
            if (!push.IsAccepted)
            {
                throw new ReleaseException($"{remote} refused the push of {ShortCommit.Of(commit)} to {branch}: {push.Reason}; nothing was tagged: {(push.IsRace ? "the branch moved meanwhile, run Hotfix again" : $"check the branch protection and your push rights for {branch}")}.");
            }

            context.Log.Information("Pushed {0} ({1}, cherry-picked from {2}) to {3}/{4}{5}.", ShortCommit.Of(commit), branch, ShortCommit.Of(fix), remote, branch, tip is null ? $" (new, from {line.Base.Name})" : "");
        }

        var tagObject = history.CreateTagObject(tag, commit, $"{service.Name} {version}\n\nHotfix: {fix} on {branch}", identity);
        var pushed = history.PushTag(remote, tagObject, tag);
        if (!pushed.IsAccepted)
        {
            throw new ReleaseException($"{remote} refused the tag {tag}: {pushed.Reason}; {branch} holds the fix at {ShortCommit.Of(commit)}, so running Hotfix again only builds and tags it once the cause is fixed.");
        }

        context.Log.Information("Tagged {0} ({1}) and pushed it to {2}.", tag, ShortCommit.Of(commit), remote);
        ReleasePublishing.Publish(ReleaseSession.Of(context), config, settings.Git, "Hotfix", dryRun);
        if (next is not null)
        {
            context.Log.Information("Next: {0}", next);
        }

        return new HotfixResult(service.Name, fix, branch, commit, version, tag, held is null ? HotfixOutcome.Released : HotfixOutcome.Completed, build, next);
    }

    // Built from the worktree before anything is pushed: a build that fails leaves the remote as it was. The build
    // tag (sha-<commit>) is what PromoteEnv finds when the hotfix enters the chain after the auto environment.
    private static HotfixBuild? BuildHotfixImage(ICakeContext context, HotfixSettings settings, ServiceConfig service, DirectoryPath worktree, string commit, bool dryRun)
    {
        var build = new BuildOnceSettings { SourceDirectory = worktree, ConfigFile = settings.ConfigFile, DryRun = dryRun, Registry = settings.Registry }.For([service.Name], commit);
        var built = new BuildOnceRun(context, build).Run().Builds.Single();
        return dryRun ? null : new HotfixBuild(built.Tag, built.Image, built.Digest);
    }

    // The first promotion of the chain: the environment promoted from the one where chains start (staging from dev).
    private static string? NextCommand(ReleaseConfig config, string service, string version)
    {
        var first = config.Environments.FirstOrDefault(e => e.From is not null && config.Source(e)!.From is null);
        return first is null ? null : $"./build.sh --target={first.PromoteTarget} --service={service} --version={version}";
    }

    private static void Require(string value, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ReleaseException($"Hotfix needs {what}: pass {example}.");
        }
    }
}
