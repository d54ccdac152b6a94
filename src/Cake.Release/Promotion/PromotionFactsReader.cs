using Cake.Release.Changelog;
using Cake.Release.Charts;
using Cake.Release.Config;
using Cake.Release.Forges;
using Cake.Release.GitOps;
using Cake.Release.Manifests;
using Cake.Release.Registry;
using Cake.Release.Session;
using Cake.Release.Versioning;

namespace Cake.Release.Promotion;

/// <summary>
/// Reads what a promotion's checks look at, changing nothing: the request from the settings, then the manifests of
/// the two environments, the release tags, the changes since the last release, the registry and the release branch.
/// </summary>
internal static class PromotionFactsReader
{
    public static (PromotionRequest Request, ReleaseConfig Config, GitRepository Repository) Request(ReleaseSession session, PromoteEnvSettings settings)
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

        var config = session.Config(settings.ConfigFile);
        var service = config.Service(settings.Service).Name;
        var target = config.Environment(settings.To).Name;
        var from = settings.From is null ? null : config.Environment(settings.From).Name;
        if (config.Environment(target).Promotion == PromotionMode.PullRequest && settings.Approvers.Count > 0)
        {
            throw new ReleaseException($"--approver is not taken for {target}, which is promoted by pull request: its approvals are the approving reviews on the pull request, read from the forge. Leave out --approver={settings.Approvers[0]}.");
        }

        var repository = new GitRepository(session.Context, config.RepositoryRoot, settings.Git);
        var request = new PromotionRequest(service, target, from, settings.Version, bump, Promoter.Resolve(session.Context, settings.By, repository.UserName), AuditText.Approvers(settings.Approvers))
        {
            BreakGlass = BreakGlassReason.Of(settings.BreakGlass),
        };
        return (request, config, repository);
    }

    public static PromotionFacts Gather(ReleaseSession session, PromoteEnvSettings settings, ReleaseConfig config, PromotionRequest request, GitRepository repository, ReleaseRefs refs, IForge? forge)
    {
        var now = session.Now;
        var target = config.Environment(request.Target);
        var from = config.Source(target);
        var manifests = new RemoteManifests(repository).Read(config, [.. new[] { target, from }.OfType<EnvironmentConfig>()]);
        var source = from is null ? null : manifests[from.Name]?.Entry(request.Service);
        if (config.Service(request.Service).ChartOnly)
        {
            // No registry, no release branch, no hotfix line: the chart release tags are the whole story.
            var chartVersion = ChartVersion(request, target, source);
            return new PromotionFacts
            {
                Config = config,
                Source = source,
                Target = manifests[target.Name]?.Entry(request.Service),
                ReleaseTags = ReleaseTags.Of(config.Tags.ChartRelease, request.Service, refs.RemoteTags()),
                Version = chartVersion,
                Registry = new RegistryFacts(null, null),
                PullRequest = PullRequest(forge, target, request.Service, chartVersion),
                Now = now,
            };
        }

        var tags = ReleaseTags.Of(config.Tags.Release, request.Service, refs.RemoteTags());
        var hotfix = from is { Auto: true } ? Hotfix(session, settings, config, request, source, tags, refs) : null;
        source = hotfix?.Entry ?? source;

        var (level, changed) = (ChangeLevel.None, false);
        if (source?.Source is { } commit)
        {
            refs.EnsureCommit(commit, config.Git.MainBranch);
            var unit = ReleaseUnit.Resolve(config, request.Service, null, needsChart: false, dir => dir);
            (_, level, changed) = ReleasePlanner.ChangesSince(new GitHistory(session.Context, config.RepositoryRoot, settings.Git), commit, tags, unit.Paths);
        }

        var choice = PromotionVersion.Choose(request, target, source, tags, level, changed);
        var registry = source?.Digest is { } digest
            ? PromotedImage.Facts(ImageReference.InRegistry(config.Registry, config.Service(request.Service).Image), digest,
                choice.Version is null ? null : ReleaseVersion.Text(choice.Version), settings.Registry, config.RepositoryRoot, session.Variable)
            : new RegistryFacts(null, null);
        ReleaseBranchState? branch = choice.Version is { } version && source?.Source is { } at
            ? refs.BranchState(PromotionNames.For(config, target, request.Service, version, at, now).ReleaseBranch, at)
            : null;
        var (rendered, renderProblem) = Render(session, config, repository, target, request.Service, source, choice);

        return new PromotionFacts
        {
            Rendered = rendered,
            RenderProblem = renderProblem,
            Config = config,
            Source = source,
            Target = manifests[target.Name]?.Entry(request.Service),
            SourceTag = hotfix?.Tag,
            ReleaseTags = tags,
            Version = choice,
            Registry = registry,
            ReleaseBranch = branch,
            PullRequest = PullRequest(forge, target, request.Service, choice),
            ApproversVerified = forge is null && DeploymentApprovals.Verified(session, config, settings.Git, target.Name, request.Approvers, settings.ForgeTimeout),
            Now = now,
        };
    }

    // The promotion's own pull request: an open one is brought up to date, a merged one is completed; closed ones
    // (superseded, or turned down) are history.
    private static PromotionPullRequest? PullRequest(IForge? forge, EnvironmentConfig target, string service, VersionChoice choice)
    {
        if (forge is null || choice.Version is not { } version)
        {
            return null;
        }

        var head = PromotionPullRequest.Branch(target.Name, service, ReleaseVersion.Text(version));
        try
        {
            var all = forge.PullRequests(target.Branch, head, openOnly: false).Where(p => p.Head == head).ToList();
            var current = all.FirstOrDefault(p => p.State == PullRequestState.Open) ?? all.FirstOrDefault(p => p.State == PullRequestState.Merged);
            if (current is { State: PullRequestState.Merged })
            {
                current = forge.Get(current.Number);
                return new PromotionPullRequest(forge.Name, forge.Noun, head, current, forge.Reviews(current));
            }

            return new PromotionPullRequest(forge.Name, forge.Noun, head, current, []);
        }
        catch (ReleaseException error)
        {
            return new PromotionPullRequest(forge.Name, forge.Noun, head, null, [], error.Message);
        }
    }

    // Rendered before any effect, so an overlay that does not render, or a selector that picks nothing, is a failed
    // check like any other: reported with the rest, and nothing moved.
    private static (RenderedConfiguration?, string?) Render(ReleaseSession session, ReleaseConfig config, GitRepository repository, EnvironmentConfig target, string service, ManifestEntry? source, VersionChoice choice)
    {
        if (target.Render is null || config.Service(service).ChartOnly || source is not { Digest: { } digest, Source: { } commit } || choice.Version is not { } version)
        {
            return (null, null);
        }

        try
        {
            return (new ConfigurationRenderer(session.Context, config, repository).Render(target.Name, service, commit, ReleaseVersion.Text(version), digest), null);
        }
        catch (ReleaseException error)
        {
            return (null, error.Message.Replace(" Nothing was pushed.", "", StringComparison.Ordinal).TrimEnd('.'));
        }
    }

    // A chart version goes on as the source runs it; only --version naming that same version is accepted (the source check says so otherwise).
    private static VersionChoice ChartVersion(PromotionRequest request, EnvironmentConfig target, ManifestEntry? source)
    {
        if (request.Bump is not null)
        {
            return new VersionChoice(null, "--bump", $"{request.Service} is a chart without an image, whose versions are chart releases promoted as they are; leave out --bump (ReleaseChart makes new chart versions)");
        }

        if (source is null)
        {
            return new VersionChoice(null, "none", $"there is no chart version to promote; get {request.Service} into {target.From ?? "the source"} first");
        }

        return ReleaseVersion.TryParse(source.Version, out var version, out var problem)
            ? new VersionChoice(version, $"the chart version {target.From} runs")
            : new VersionChoice(null, "none", $"{target.From} runs {request.Service} at {source.Version}, which is not a chart version ({problem}); deploy a released chart version there");
    }

    // A hotfix (Hotfix: a fix cherry-picked onto a release branch, tagged and built there) never runs in the auto
    // environment, which follows the main branch. When --version names such a release, it enters the chain where a
    // build from main would: its source is the release tag's commit and the image its build tag names. Soak counts
    // from now, since it ran nowhere.
    private static (ManifestEntry Entry, string Tag)? Hotfix(ReleaseSession session, PromoteEnvSettings settings, ReleaseConfig config, PromotionRequest request, ManifestEntry? source, IReadOnlyList<ReleaseTag> tags, ReleaseRefs refs)
    {
        if (request.Version is null || !ReleaseVersion.TryParse(request.Version, out var wanted, out _)
            || tags.FirstOrDefault(t => Precedence.SemVer.Equals(t.Version, wanted)) is not { } released || released.Commit == source?.Source)
        {
            return null;
        }

        var service = config.Service(request.Service);
        var releaseBranch = config.Tags.ReleaseBranch.Render(new TemplateValues { Service = service.Name, Version = request.Version, Sha = released.Commit });
        if (!refs.IsHotfix(released.Commit, releaseBranch, config.Git.MainBranch))
        {
            return null;
        }

        var now = session.Now;
        var image = ImageReference.InRegistry(config.Registry, service.Image);
        var build = config.Tags.Build.Render(new TemplateValues { Service = service.Name, Sha = released.Commit, Date = now });
        string? digest;
        using (var store = ImageStores.Open(image, settings.Registry, config.RepositoryRoot, session.Variable))
        {
            digest = store.ResolveAsync(image.Repository, build).GetAwaiter().GetResult()?.Digest;
        }

        return (new ManifestEntry(request.Version, image.Name, digest, released.Commit, now), released.Name);
    }
}
