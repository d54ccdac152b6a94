using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.Reporting;
using Cake.Release.Session;

namespace Cake.Release.Metrics;

/// <summary>Delivery metrics (the four DORA keys) per service and environment, from the GitOps manifests' history.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Metrics")]
public static class MetricsAliases
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Reads every environment's manifest history from the remote's GitOps branches (no checkout, nothing written to
    /// git) and computes, per service and environment over the window, deployment frequency, lead time for changes
    /// (median and p90), change failure rate and time to restore (median), with each environment's total; the
    /// production environment's total is the headline. <see cref="MetricsFormat.Table"/> and
    /// <see cref="MetricsFormat.Markdown"/> print to the log, Markdown also to the GitHub Actions job summary;
    /// <see cref="MetricsFormat.Json"/> and <see cref="MetricsFormat.Html"/> write <see cref="MetricsSettings.Output"/>.
    /// </summary>
    /// <example><code>var metrics = Metrics(new MetricsSettings { Window = TimeSpan.FromDays(90), Format = MetricsFormat.Html });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Metrics")]
    public static DeliveryReport Metrics(this ICakeContext context, MetricsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (!Enum.IsDefined(settings.Format))
        {
            throw new ReleaseException($"Metrics: format {(int)settings.Format} is unknown; use one of {string.Join(", ", Enum.GetNames<MetricsFormat>())}.");
        }

        var session = ReleaseSession.Of(context);
        var config = session.Config(settings.ConfigFile);
        // Every input is checked before anything is read, so a bad one is refused with nothing written.
        var window = Window(settings, session.Now);
        var named = settings.Services.Select(s => config.Service(s).Name).ToHashSet(StringComparer.Ordinal);
        var production = settings.Environment is { } asked ? config.Environment(asked).Name : Production(config);
        var environments = config.Environments.OrderBy(e => config.PromotionChain(e).Count).Select(e => e.Name).ToList();
        var dryRun = session.IsDryRun(settings);

        var events = (settings.Events ?? new GitDeploymentEvents(context, config, settings.Git)).Read(environments, window);
        // A service the manifests record that release.yaml no longer declares still counted when it ran: it is listed after the declared ones.
        var services = config.Services.Select(s => s.Name).Where(s => named.Count == 0 || named.Contains(s)).ToList();
        if (named.Count == 0)
        {
            services.AddRange(events.Select(e => e.Service).Where(s => !services.Contains(s)).Distinct().Order(StringComparer.Ordinal));
        }

        var report = DeliveryMetrics.Compute(events, window, environments, services, production);
        return settings.Format switch
        {
            MetricsFormat.Table => Print(context, report, MetricsTable.Render(report)),
            MetricsFormat.Markdown => Markdown(context, report, dryRun),
            MetricsFormat.Json => Write(context, report, settings.Output, config, "metrics.json", MetricsJson.Render(report), dryRun),
            _ => Write(context, report, settings.Output, config, "metrics.html", MetricsHtml.Render(report), dryRun),
        };
    }

    private static MetricsWindow Window(MetricsSettings settings, DateTimeOffset now)
    {
        if (settings.Since is not null && settings.Window is not null)
        {
            throw new ReleaseException("Metrics: --since and --window both set the window's start; pass one of them (--window=30d counts back from --until, or now).");
        }

        if (settings.Window is { } length && length <= TimeSpan.Zero)
        {
            throw new ReleaseException($"Metrics: --window={DurationText.Of(length)} is empty; pass a positive duration, e.g. --window=30d.");
        }

        var until = (settings.Until ?? now).ToUniversalTime();
        var since = (settings.Since ?? until - (settings.Window ?? DefaultWindow)).ToUniversalTime();
        if (since >= until)
        {
            throw new ReleaseException($"Metrics: --since={Iso(since)} is not before --until={Iso(until)}; pass a --since earlier than --until (or leave --until out for now).");
        }

        return new MetricsWindow(since, until);
    }

    // The end of the longest chain: dev → staging → production gives production; of two chains as long, the later in the file.
    private static string Production(ReleaseConfig config) =>
        config.Environments.Where(e => config.Targets(e).Count == 0)
            .Select((e, index) => (Environment: e, Length: config.PromotionChain(e).Count, index))
            .OrderByDescending(x => x.Length).ThenByDescending(x => x.index)
            .First().Environment.Name;

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static DeliveryReport Print(ICakeContext context, DeliveryReport report, string text)
    {
        ReportOutput.Print(context, text);
        return report;
    }

    private static DeliveryReport Markdown(ICakeContext context, DeliveryReport report, bool dryRun)
    {
        ReportOutput.Summary(context, MetricsMarkdown.Render(report), "the metrics", dryRun);
        return report;
    }

    private static DeliveryReport Write(ICakeContext context, DeliveryReport report, FilePath? output, ReleaseConfig config, string defaultName, string text, bool dryRun)
    {
        if (ReportOutput.Write(context, output, config.RepositoryRoot, defaultName, text, dryRun, $"the metrics ({report.Events.Count} changes in {MetricsText.Window(report.Window)})") is not { } file)
        {
            return report;
        }

        context.Log.Information("Wrote the delivery metrics ({0}) to {1}", MetricsText.Headline(report), file);
        return report with { OutputFile = file };
    }
}
