using System.Text.RegularExpressions;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Diffs;
using Cake.Release.Manifests;
using Cake.Release.Registry;

namespace Cake.Release.GitOps;

/// <summary>Writes environment manifests and the files that follow them to their GitOps branches.</summary>
[CakeAliasCategory("Release")]
public static partial class GitOpsAliases
{
    /// <summary>
    /// Records that an environment runs a service's version (and digest): the manifest entry and every
    /// <c>updates:</c> file of the environment, in one commit on the environment's branch, pushed without a checkout
    /// and retried on the new tip when other pipelines push at the same time. Changes nothing when the environment
    /// already runs that version and digest. In a dry run, prints each file's diff and the ref it would push.
    /// </summary>
    /// <example><code>UpdateManifest(new UpdateManifestSettings { Environment = "staging", Service = "blue", Version = "1.6.1", Digest = digest, From = "dev" });</code></example>
    [CakeMethodAlias]
    public static ManifestUpdateResult UpdateManifest(this ICakeContext context, UpdateManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);

        var config = ReleaseConfigLoader.Load(settings.ConfigFile.MakeAbsolute(context.Environment).FullPath);
        var environment = config.Environment(settings.Environment);
        var service = config.Service(settings.Service);
        var from = settings.From is null ? null : config.Environment(settings.From).Name;

        var repository = new GitRepository(context, config.RepositoryRoot, settings.Git);
        var deployment = new Deployment(
            environment.Name,
            service.Name,
            settings.Version,
            ImageReference.InRegistry(config.Registry, service.Image).Name,
            settings.Digest,
            SourceCommit(repository, settings.Commit),
            Promoter.Resolve(context, settings.By, repository.UserName),
            from,
            AuditText.Approvers(settings.Approvers),
            DateTimeOffset.UtcNow);

        var action = settings.Action ?? (from is null ? "deploy" : "promote");
        var write = new BranchWriter(repository, context.Log, settings.Retry)
            .Write(config.Git.Remote, environment.Branch, config.Git.MainBranch, snapshot => DeploymentEdits.Compose(config, deployment, action, snapshot), settings.DryRun);

        Report(context.Log, deployment, write);
        return new ManifestUpdateResult(environment.Name, service.Name, settings.Version, settings.Digest, write);
    }

    private static void Validate(UpdateManifestSettings settings)
    {
        Require(settings.Environment, "an environment", "--env=staging");
        Require(settings.Service, "a service", "--service=blue");
        Require(settings.Version, "a version", "--version=1.6.1");
        if (settings.Version.Equals("latest", StringComparison.OrdinalIgnoreCase) || ReleaseNames.ImageTagProblem(settings.Version) is not null)
        {
            throw new ReleaseException($"'{settings.Version}' is not a version a manifest can record (--version): pass the exact version or build tag the image carries, e.g. 1.6.1 or sha-3f2c1a0.");
        }

        if (settings.Digest is { } digest && !Digest().IsMatch(digest))
        {
            throw new ReleaseException($"'{digest}' is not an image digest (--digest): pass sha256: and 64 lowercase hex digits, as the registry reports it.");
        }
    }

    private static void Require(string value, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ReleaseException($"UpdateManifest needs {what}: pass {example}.");
        }
    }

    // A full object name is taken as given: promotions and rollbacks copy it from a manifest entry, and a shallow CI
    // clone need not hold that commit. Anything shorter (HEAD, a branch, an abbreviation) is resolved in the clone.
    private static string SourceCommit(GitRepository repository, string? commit) =>
        commit is { Length: 40 } && commit.All(char.IsAsciiHexDigitLower) ? commit : repository.ResolveCommit(commit ?? "HEAD");

    private static void Report(ICakeLog log, Deployment deployment, BranchWrite write)
    {
        var target = $"{write.Remote}/{write.Branch}";
        switch (write.Outcome)
        {
            case BranchWriteOutcome.Unchanged:
                log.Information("{0} {1} is already in {2} ({3}); nothing to do.", deployment.Service, deployment.Version, deployment.Environment, target);
                break;
            case BranchWriteOutcome.Committed:
                var retries = write.Attempts > 1 ? $" after {write.Attempts} attempts (other pipelines pushed first)" : "";
                log.Information("{0}: pushed {1} to {2}{3}{4}", write.Message.Split('\n')[0], write.Commit![..7], target, write.Created ? " (new branch from main)" : "", retries);
                foreach (var change in write.Changes)
                {
                    log.Information("  {0}", change.Path);
                }

                break;
            case BranchWriteOutcome.Planned:
                log.Information("Dry run: would push to {0}{1} on top of {2}: {3}", target, write.Created ? " (new branch)" : "", write.Parent[..7], write.Message.Split('\n')[0]);
                foreach (var change in write.Changes)
                {
                    log.Information("{0}", UnifiedDiff.Create(change.Before ?? "", change.After, change.Before is null ? "/dev/null" : $"a/{change.Path}", $"b/{change.Path}").TrimEnd('\n'));
                }

                break;
        }
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
