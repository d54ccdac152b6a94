using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Cake.Release.Registry;
using Cake.Release.Session;

namespace Cake.Release.Reporting;

/// <summary>What runs where: the environment × service matrix of the GitOps manifests, with drift marks.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Reporting")]
public static class StatusAliases
{
    /// <summary>
    /// Reads every environment's manifest from the remote's GitOps branches (no checkout) and shows, per service and
    /// environment, the version, the digest's first 12 hex digits and how long ago it was deployed, marking drift:
    /// <c>behind</c> (the environment's <c>from</c> runs a newer release), <c>config-behind</c> (in rendered mode: it
    /// runs a newer configuration; each such cell also names the commit its configuration comes from), <c>digest-mismatch</c> (the registry's tag
    /// for the version names another digest than the manifest) and <c>unverified</c> (the registry could not be read;
    /// one warning, and the run still succeeds). <see cref="StatusFormat.Table"/> and <see cref="StatusFormat.Markdown"/>
    /// print to the log, Markdown also to the GitHub Actions job summary; <see cref="StatusFormat.Json"/> and
    /// <see cref="StatusFormat.Html"/> write <see cref="StatusSettings.Output"/> and log its path.
    /// With <see cref="StatusSource.DynamoDb"/> it reads the central release record instead: every component of every
    /// repository that publishes, with repository and kind per row, <c>behind</c> and <c>incomplete</c>
    /// (<see cref="IncompleteReleases"/>). <see cref="StatusSettings.Versions"/>, <see cref="StatusSettings.Kinds"/>,
    /// <see cref="StatusSettings.Environments"/> and <see cref="StatusSettings.Repositories"/> filter the view
    /// (<see cref="StatusFilter"/>); a value that matches nothing is refused, naming the known ones.
    /// </summary>
    /// <example><code>Status(new StatusSettings { Format = StatusFormat.Html });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Status")]
    public static ReleaseStatus Status(this ICakeContext context, StatusSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (!Enum.IsDefined(settings.Format))
        {
            throw new ReleaseException($"Status: format {(int)settings.Format} is unknown; use one of {string.Join(", ", Enum.GetNames<StatusFormat>())}.");
        }

        using var reader = StatusReaders.Open(context, settings);
        var whole = reader.ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        var filter = StatusReaders.Filter(settings);
        if (filter.Unknown(whole) is { } unknown)
        {
            throw new ReleaseException("Status: " + unknown);
        }

        var status = filter.Apply(whole);
        var dryRun = settings.DryRun ?? context.IsDryRun();
        if (!whole.Cells.Any(cell => cell.Runs))
        {
            // An empty matrix is the state of a new repository, not a failure: say what fills it.
            context.Log.Information(settings.Source == StatusSource.Git
                ? "No environment runs any service yet ({0} has no manifests): DeployDev records the first deployments."
                : "No environment runs any component yet ({0} holds no deployment): PublishRelease in a repository records them.",
                settings.Source == StatusSource.Git ? ReleaseSession.Of(context).Config(settings.ConfigFile).Git.Remote : reader.Where);
        }

        var outputs = StatusReaders.OutputRoot(context, settings);
        return settings.Format switch
        {
            StatusFormat.Table => Print(context, status, StatusTable.Render(status)),
            StatusFormat.Markdown => Markdown(context, status, dryRun),
            StatusFormat.Json => Write(context, status, settings.Output, outputs, "status.json", StatusJson.Render(status), dryRun),
            _ => Write(context, status, settings.Output, outputs, "status.html", StatusHtml.Render(status), dryRun),
        };
    }

    private static ReleaseStatus Print(ICakeContext context, ReleaseStatus status, string text)
    {
        ReportOutput.Print(context, text);
        return status;
    }

    private static ReleaseStatus Markdown(ICakeContext context, ReleaseStatus status, bool dryRun)
    {
        ReportOutput.Summary(context, StatusMarkdown.Render(status), "the matrix", dryRun);
        return status;
    }

    private static ReleaseStatus Write(ICakeContext context, ReleaseStatus status, FilePath? output, string root, string defaultName, string text, bool dryRun)
    {
        if (ReportOutput.Write(context, output, root, defaultName, text, dryRun, $"the matrix ({status.Services.Count} services in {status.Environments.Count} environments)") is not { } file)
        {
            return status;
        }

        context.Log.Information("Wrote the release status ({0} services in {1} environments{2}) to {3}",
            status.Services.Count, status.Environments.Count, status.HasDrift ? ", with drift" : "", file);
        return new ReleaseStatus(status.Environments, status.Services, status.Cells, status.At) { OutputFile = file, Components = status.Components };
    }
}
