using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Session;
using Cake.Release.Changelog;
using Cake.Release.Charts;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Cake.Release.Manifests;
using Cake.Release.Notifications;
using Cake.Release.Registry;
using Cake.Release.Secrets;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>Promotes one service's already-built image from one environment to the next.</summary>
[CakeAliasCategory("Release")]
public static class PromotionAliases
{
    /// <summary>
    /// Checks the promotion of <see cref="PromoteEnvSettings.Service"/> into <see cref="PromoteEnvSettings.To"/> (path,
    /// source, digest, soak, approvals, version, immutable tags, release branch: all evaluated, all reported), then,
    /// when every check passes, carries it out in an order a re-run always completes: registry tags (the version and
    /// the environment's imageTag), the release branch and annotated release tag at the source commit, the target's
    /// manifest, the milestone tag, and last the notifications. Each step is idempotent: a re-run after success
    /// changes nothing. A failed check throws <see cref="PromotionRefusedException"/> before anything is changed,
    /// in a dry run too, so a dry run's exit code is the real run's.
    /// </summary>
    /// <example><code>PromoteEnv(new PromoteEnvSettings { Service = "blue", To = "production", Approvers = { "bob", "carol" } });</code></example>
    [CakeMethodAlias]
    public static PromoteEnvResult PromoteEnv(this ICakeContext context, PromoteEnvSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var request = Request(context, settings, out var config);
        var dryRun = settings.DryRun ?? context.IsDryRun();
        var target = config.Environment(request.Target);
        var refs = new ReleaseRefs(context, config.RepositoryRoot, config.Git.Remote, settings.Git);
        var facts = Gather(context, settings, config, request, refs);
        var plan = PromotionPolicy.Evaluate(request, facts);
        Report(context.Log, plan, facts, dryRun);
        if (!plan.Allowed)
        {
            throw new PromotionRefusedException(plan);
        }

        var effects = new List<PromotionEffect>();
        var (version, digest, commit, names) = (plan.Version!, plan.Digest!, plan.Commit!, plan.Names!);
        var approvers = Approvers(request);

        var retag = new RetagServiceSettings { Service = request.Service, Digest = digest, ConfigFile = settings.ConfigFile, DryRun = dryRun, Registry = settings.Registry };
        plan.RegistryTags.ToList().ForEach(retag.Tags.Add);
        var retagged = context.RetagService(retag);
        effects.Add(new PromotionEffect("registry-tags", !retagged.NothingToDo, $"{retagged.Image.Name}:{string.Join(", :", plan.RegistryTags)} → {digest}"));

        effects.Add(ReleaseBranch(context.Log, refs, config, names.ReleaseBranch, commit, facts.ReleaseBranch!.Value, dryRun));
        effects.Add(ReleaseTag(context.Log, refs, config, names.ReleaseTag, commit, facts.ReleaseTags.Any(t => t.Name == names.ReleaseTag), $"{request.Service} {version}\n\nDigest: {digest}\nPromoted-by: {request.Promoter}\n", dryRun));

        var update = new UpdateManifestSettings
        {
            Environment = target.Name,
            Service = request.Service,
            Version = version,
            Digest = digest,
            Commit = commit,
            From = target.From,
            By = request.Promoter,
            Action = "promote",
            ConfigFile = settings.ConfigFile,
            DryRun = dryRun,
            Retry = settings.Retry,
            Git = settings.Git,
        };
        approvers.ForEach(update.Approvers.Add);
        var written = WriteManifest(context, update, target, retag, dryRun);
        effects.Add(new PromotionEffect("manifest", !written.AlreadyDeployed, $"{config.Git.Remote}/{target.Branch}:{config.Git.ManifestPath(target.Name)}"));

        // The commit that recorded this promotion: what the milestone tag marks and the delivery records hang on. A
        // re-run that wrote nothing finds it by its trailers; none when the entry came from a rollback or by hand.
        var manifestCommit = written.Write.Commit ?? (written.AlreadyDeployed
            ? new ManifestHistory(context, config.RepositoryRoot, settings.Git).PromotionCommit(written.Write.Parent, config.Git.ManifestPath(target.Name), request.Service, version, digest)
            : null);
        if (names.MilestoneTag is { } milestone)
        {
            var exists = refs.RemoteTags().Any(t => t.Name == milestone);
            effects.Add(ReleaseTag(context.Log, refs, config, milestone, manifestCommit ?? written.Write.Parent, exists, $"{target.Name}: {request.Service} {version}\n", dryRun, "milestone-tag"));
        }

        var changed = effects.Any(e => e.Changed);
        if (target.Notify.Count > 0 && (manifestCommit is not null || written.Write.Outcome == BranchWriteOutcome.Planned))
        {
            var remoteUrl = new GitHistory(context, config.RepositoryRoot, settings.Git).RemoteUrl(config.Git.Remote);
            var notice = new PromotionNotice(request.Service, version, target.From!, target.Name, request.Promoter, approvers,
                ImageReference.InRegistry(config.Registry, config.Service(request.Service).Image).Name, digest, commit, CompareLinks.ForRemote(remoteUrl)?.Commit(commit));
            var records = new DeliveryRecords(context, config.RepositoryRoot, config.Git.Remote, settings.Git, settings.Retry);
            effects.AddRange(Notify(context.Log, records, manifestCommit, target, notice, settings.NotifyTimeout, dryRun));
        }

        var delivered = effects.Count(e => e.Step == "notify" && e.Changed);
        if (dryRun)
        {
            context.Log.Information("Dry run: every check passes; the steps above are what PromoteEnv would do. Nothing was changed.");
        }
        else if (!changed)
        {
            context.Log.Information(delivered == 0 ? "{0} {1} is already in {2}; nothing to do." : "{0} {1} is already in {2}; sent the {3} notification(s) an earlier run had not delivered.",
                request.Service, version, target.Name, delivered);
        }
        else
        {
            context.Log.Information("Promoted {0} {1} {2} → {3} ({4}).", request.Service, version, target.From!, target.Name, digest);
        }

        return new PromoteEnvResult(plan, effects, dryRun);
    }

    // The gates were checked above, so this write goes past UpdateManifest's refusal of gated environments; the
    // version rule is asked again on every attempt, against the tip the write lands on. When another promotion of a
    // higher version landed first, this one is refused, and the environment's moving tag, which it may have taken
    // over, is put back on the digest the environment runs.
    private static ManifestUpdateResult WriteManifest(ICakeContext context, UpdateManifestSettings update, EnvironmentConfig target, RetagServiceSettings retag, bool dryRun)
    {
        try
        {
            return context.WriteManifest(update, current => PromotionPolicy.Replaces(update.Service, target.Name, update.Version, current));
        }
        catch (DeploymentSupersededException superseded) when (!dryRun && target.ImageTag is { } imageTag && superseded.Current?.Digest is { } running && running != update.Digest)
        {
            var back = new RetagServiceSettings { Service = update.Service, Digest = running, ConfigFile = retag.ConfigFile, DryRun = false, Registry = retag.Registry };
            back.Tags.Add(imageTag);
            context.RetagService(back);
            throw;
        }
    }

    private static PromotionRequest Request(ICakeContext context, PromoteEnvSettings settings, out ReleaseConfig config)
    {
        if (string.IsNullOrWhiteSpace(settings.Service) || string.IsNullOrWhiteSpace(settings.To))
        {
            throw new ReleaseException($"PromoteEnv needs {(string.IsNullOrWhiteSpace(settings.Service) ? "a service: pass --service=blue" : "an environment to promote into: pass --to=staging")}.");
        }

        if (settings.Version is not null && settings.Bump is not null)
        {
            throw new ReleaseException($"PromoteEnv takes --version or --bump, not both (got --version={settings.Version} --bump={settings.Bump}); pass one.");
        }

        var bump = settings.Bump is null ? (VersionBump?)null : VersionRequest.ParseBump(settings.Bump);
        if (bump == VersionBump.Prerelease)
        {
            throw new ReleaseException("--bump=prerelease is not for PromoteEnv: an environment's preRelease: decides the channel; pass --bump=major, minor, patch or auto.");
        }

        config = ReleaseSession.Of(context).Config(settings.ConfigFile);
        var service = config.Service(settings.Service).Name;
        var target = config.Environment(settings.To).Name;
        var from = settings.From is null ? null : config.Environment(settings.From).Name;
        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        return new PromotionRequest(service, target, from, settings.Version, bump, Promoter.Resolve(context, settings.By, repository.UserName), AuditText.Approvers(settings.Approvers));
    }

    private static PromotionFacts Gather(ICakeContext context, PromoteEnvSettings settings, ReleaseConfig config, PromotionRequest request, ReleaseRefs refs)
    {
        var now = DateTimeOffset.UtcNow;
        var target = config.Environment(request.Target);
        var from = config.Source(target);
        var manifests = new RemoteManifests(context, config.RepositoryRoot, settings.Git).Read(config, [.. new[] { target, from }.OfType<EnvironmentConfig>()]);
        var source = from is null ? null : manifests[from.Name]?.Entry(request.Service);
        var tags = ReleaseTags.Of(config.Tags.Release, request.Service, refs.RemoteTags());
        var hotfix = from is { Auto: true } ? Hotfix(settings, config, request, source, tags, refs, now, context.Environment.GetEnvironmentVariable) : null;
        source = hotfix?.Entry ?? source;

        var (level, changed) = (ChangeLevel.None, false);
        if (source?.Commit is { } commit)
        {
            refs.EnsureCommit(commit, config.Git.MainBranch);
            var unit = ReleaseUnit.Resolve(config, request.Service, null, needsChart: false, dir => dir);
            (_, level, changed) = ReleasePlanner.ChangesSince(new GitHistory(context, config.RepositoryRoot, settings.Git), commit, tags, unit.Paths);
        }

        var choice = PromotionVersion.Choose(request, target, source, tags, level, changed);
        var registry = source?.Digest is { } digest
            ? PromotedImage.Facts(ImageReference.InRegistry(config.Registry, config.Service(request.Service).Image), digest,
                choice.Version is null ? null : ReleaseVersion.Text(choice.Version), settings.Registry, config.RepositoryRoot, context.Environment.GetEnvironmentVariable)
            : new RegistryFacts(null, null);
        ReleaseBranchState? branch = choice.Version is { } version && source?.Commit is { } at
            ? refs.BranchState(PromotionNames.For(config, target, request.Service, version, at, now).ReleaseBranch, at)
            : null;

        return new PromotionFacts
        {
            Config = config,
            Source = source,
            Target = manifests[target.Name]?.Entry(request.Service),
            SourceTag = hotfix?.Tag,
            ReleaseTags = tags,
            Version = choice,
            Registry = registry,
            ReleaseBranch = branch,
            Now = now,
        };
    }

    // A hotfix (Hotfix: a fix cherry-picked onto a release branch, tagged and built there) never runs in the auto
    // environment, which follows the main branch. When --version names such a release, it enters the chain where a
    // build from main would: its source is the release tag's commit and the image its build tag names. Soak counts
    // from now, since it ran nowhere.
    private static (ManifestEntry Entry, string Tag)? Hotfix(PromoteEnvSettings settings, ReleaseConfig config, PromotionRequest request, ManifestEntry? source, IReadOnlyList<ReleaseTag> tags, ReleaseRefs refs, DateTimeOffset now, Func<string, string?> environment)
    {
        if (request.Version is null || !ReleaseVersion.TryParse(request.Version, out var wanted, out _)
            || tags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, wanted)) is not { } released || released.Commit == source?.Commit)
        {
            return null;
        }

        var service = config.Service(request.Service);
        var releaseBranch = config.Tags.ReleaseBranch.Render(new TemplateValues { Service = service.Name, Version = request.Version, Sha = released.Commit });
        if (!refs.IsHotfix(released.Commit, releaseBranch, config.Git.MainBranch))
        {
            return null;
        }

        var image = ImageReference.InRegistry(config.Registry, service.Image);
        var build = config.Tags.Build.Render(new TemplateValues { Service = service.Name, Sha = released.Commit, Date = now });
        string? digest;
        using (var store = ImageStores.Open(image, settings.Registry, config.RepositoryRoot, environment))
        {
            digest = store.ResolveAsync(image.Repository, build).GetAwaiter().GetResult()?.Digest;
        }

        return (new ManifestEntry(request.Version, image.Name, digest, released.Commit, now), released.Name);
    }

    private static List<string> Approvers(PromotionRequest request) =>
        request.Approvers.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static void Report(ICakeLog log, PromotionPlan plan, PromotionFacts facts, bool dryRun)
    {
        var version = plan.Version is null ? "no version" : $"{plan.Version} ({facts.Version.How})";
        log.Information("{0}PromoteEnv {1} {2} → {3}: {4}", dryRun ? "Dry run: " : "", plan.Service, plan.From ?? "?", plan.Target, version);
        foreach (var check in plan.Checks)
        {
            log.Information("  {0}", check);
        }

        if (!plan.Allowed)
        {
            log.Information("{0} of {1} checks failed; {2}.", plan.Failed.Count, plan.Checks.Count, dryRun ? "the real run would be refused" : "nothing is changed");
            return;
        }

        if (plan.Names is { } names)
        {
            log.Information("Plan: image tags {0}; release branch {1} and tag {2} at {3}; manifest of {4}{5}; notify {6}.",
                string.Join(", ", plan.RegistryTags), names.ReleaseBranch, names.ReleaseTag, plan.Commit![..7], plan.Target,
                names.MilestoneTag is null ? "" : $"; milestone tag {names.MilestoneTag}", plan.Notify.Count == 0 ? "nobody" : string.Join(", ", plan.Notify));
        }
    }

    private static PromotionEffect ReleaseBranch(ICakeLog log, ReleaseRefs refs, ReleaseConfig config, string branch, string commit, ReleaseBranchState state, bool dryRun)
    {
        var at = commit[..7];
        if (state == ReleaseBranchState.Contains)
        {
            log.Information("{0}/{1} already holds {2}.", config.Git.Remote, branch, at);
            return new PromotionEffect("release-branch", false, $"{branch} already holds {at}");
        }

        var what = state == ReleaseBranchState.Absent ? $"{branch} created at {at}" : $"{branch} fast-forwarded to {at}";
        if (dryRun)
        {
            log.Information("Dry run: would push {0} (git push {1} {2}:refs/heads/{3}).", what, config.Git.Remote, at, branch);
            return new PromotionEffect("release-branch", true, what);
        }

        var push = refs.PushBranch(branch, commit);
        if (!push.IsAccepted && refs.BranchState(branch, commit) == ReleaseBranchState.Contains)
        {
            // Another run of the same promotion pushed it first: what this one wanted is there.
            log.Information("{0}/{1} already holds {2} (another run pushed it first).", config.Git.Remote, branch, at);
            return new PromotionEffect("release-branch", false, $"{branch} already holds {at}");
        }

        if (!push.IsAccepted)
        {
            throw new ReleaseException($"{config.Git.Remote} refused the release branch {branch} at {at}: {push.Reason}; the image tags are set, and running the promotion again continues from here once the cause is fixed.");
        }

        log.Information("Pushed {0} to {1}.", what, config.Git.Remote);
        return new PromotionEffect("release-branch", true, what);
    }

    private static PromotionEffect ReleaseTag(ICakeLog log, ReleaseRefs refs, ReleaseConfig config, string tag, string commit, bool exists, string message, bool dryRun, string step = "release-tag")
    {
        var at = commit[..7];
        if (exists)
        {
            log.Information("{0}: the tag {1} is already on {2}.", step, tag, config.Git.Remote);
            return new PromotionEffect(step, false, $"{tag} already on {config.Git.Remote}");
        }

        if (dryRun)
        {
            log.Information("Dry run: would push the annotated tag {0} on {1} (git push {2} refs/tags/{0}).", tag, at, config.Git.Remote);
            return new PromotionEffect(step, true, $"{tag} at {at}");
        }

        var push = refs.PushTag(tag, commit, message);
        if (!push.IsAccepted && refs.RemoteTags().Any(t => t.Name == tag && t.Commit == commit))
        {
            // Another run of the same promotion pushed it first: what this one wanted is there.
            log.Information("{0}: the tag {1} is already on {2} (another run pushed it first).", step, tag, config.Git.Remote);
            return new PromotionEffect(step, false, $"{tag} already on {config.Git.Remote}");
        }

        if (!push.IsAccepted)
        {
            throw new ReleaseException($"{config.Git.Remote} refused the tag {tag} on {at}: {push.Reason}; the steps before it are done, and running the promotion again continues from here once the cause is fixed.");
        }

        log.Information("Tagged {0} ({1}) and pushed it to {2}.", tag, at, config.Git.Remote);
        return new PromotionEffect(step, true, $"{tag} at {at}");
    }

    // Last, and never fatal: the promotion is done whether or not a chat hears about it. Delivered at least once: a
    // target is sent when the promotion's manifest commit has no delivery record of it, and recorded only after its
    // webhook answered 2xx, so a run stopped anywhere in between is completed by the next one, and a run after that
    // sends nothing. Without a manifest commit (a dry run that would write it), every target is due.
    private static IEnumerable<PromotionEffect> Notify(ICakeLog log, DeliveryRecords records, string? manifestCommit, EnvironmentConfig target, PromotionNotice notice, TimeSpan timeout, bool dryRun)
    {
        IReadOnlySet<string> delivered = new HashSet<string>();
        if (manifestCommit is not null)
        {
            try
            {
                delivered = records.Delivered(manifestCommit);
            }
            catch (ReleaseException e)
            {
                log.Warning("Could not read which notifications were delivered ({0}); notifying every target.", e.Message.TrimEnd('.'));
            }
        }

        var notifier = new WebhookNotifier(timeout);
        foreach (var notify in target.Notify)
        {
            var where = $"{notify.Kind} webhook ({Describe(notify)})";
            var name = DeliveryNote.Name(notify);
            if (delivered.Contains(name))
            {
                log.Verbose("The {0} was notified of {1} before.", where, notice.Title);
                continue;
            }

            if (dryRun)
            {
                log.Information("Dry run: would notify the {0}: {1} by {2}{3}.", where, notice.Title, notice.By, notice.Approvers.Count == 0 ? "" : $", approved by {string.Join(", ", notice.Approvers)}");
                yield return new PromotionEffect("notify", true, where);
                continue;
            }

            string? problem;
            try
            {
                var url = notify.Url.Resolve();
                log.KeepSecret(url);
                problem = notifier.Send(url, NotificationPayloads.For(notify.Kind, notice));
            }
            catch (ReleaseException e)
            {
                problem = e.Message.TrimEnd('.');
            }

            if (problem is not null)
            {
                log.Warning("Could not notify the {0}: {1}. The promotion itself is done. Running it again sends the notification.", where, problem);
                yield return new PromotionEffect("notify", false, $"{where}: {problem}");
                continue;
            }

            log.Information("Notified the {0}.", where);
            try
            {
                records.Record(manifestCommit!, name, DateTimeOffset.UtcNow);
            }
            catch (ReleaseException e)
            {
                log.Warning("Could not record that the {0} was notified: {1}; running the promotion again notifies it again.", where, e.Message.TrimEnd('.'));
            }

            yield return new PromotionEffect("notify", true, where);
        }
    }

    // The variable names are not secret, the URL is: name where it comes from, never what it is.
    private static string Describe(NotifyTarget notify) =>
        notify.Url.Variables.Count > 0 ? string.Join(", ", notify.Url.Variables.Select(v => $"${{{v}}}")) : notify.Url.Location.ToString();
}
