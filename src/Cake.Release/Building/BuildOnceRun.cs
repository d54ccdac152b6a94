using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Hosting;
using Cake.Release.Registry;
using Cake.Release.Session;

namespace Cake.Release.Building;

/// <summary>
/// One BuildOnce: pick the services and the commit, ask the store which build tags it already has, build the rest
/// (dependents after what they depend on, the others side by side, bounded), then report and write builds.json.
/// A failed service does not stop the others; the run throws at the end, naming every failure.
/// </summary>
internal sealed class BuildOnceRun
{
    private readonly ICakeContext _context;
    private readonly BuildOnceSettings _settings;
    private readonly object _logLock = new();

    public BuildOnceRun(ICakeContext context, BuildOnceSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    public BuildOnceResult Run()
    {
        var parallelism = _settings.Parallelism ?? Math.Min(4, Environment.ProcessorCount);
        if (parallelism < 1)
        {
            throw new ReleaseException($"BuildOnce: Parallelism {parallelism} builds nothing; set it to 1 or more (or leave it unset for min(4, processors)).");
        }

        var config = ReleaseSession.Of(_context).Config(_settings.ConfigFile);
        var (selected, changedHead) = Select(config);
        var charts = selected.Where(s => s.ChartOnly).Select(s => s.Name).ToList();
        charts.ForEach(chart => Log(LogLevel.Information, $"BuildOnce: {chart} is a chart without an image (image: false); nothing to build for it."));
        var services = selected.Where(s => !s.ChartOnly).ToList();
        var dryRun = _settings.DryRun ?? _context.IsDryRun();
        var sourceDirectory = _settings.SourceDirectory?.MakeAbsolute(_context.Environment) ?? new DirectoryPath(config.RepositoryRoot);
        var checkout = new BuildCheckout(_context, sourceDirectory);
        var head = checkout.Head();
        var commit = checkout.Commit(_settings.Commit ?? changedHead ?? head
            ?? throw new ReleaseException($"BuildOnce: {sourceDirectory.FullPath} has no commit to build; commit first, or pass --commit=<sha>."));
        if (services.Count == 0)
        {
            Log(LogLevel.Information, $"BuildOnce: no {(charts.Count > 0 ? "service with an image" : "service")} changed ({ChangedServices.RelativePath}); nothing to build.");
            WriteReport(config, commit, [], [], dryRun);
            return ReleaseSession.Of(_context).Keep(new BuildOnceResult([], dryRun) { Charts = charts, Commit = commit });
        }

        var created = checkout.CommitTime(commit);
        Func<string, string?> environment = name => _context.Environment.GetEnvironmentVariable(name);
        var first = ImageReference.InRegistry(config.Registry, services[0].Image);
        using var store = ImageStores.Open(first, _settings.Registry, config.RepositoryRoot, environment);

        var planned = services.Select(s => Plan(config, s, commit, created)).ToList();
        var found = Parallel(planned, parallelism, p => store.ResolveAsync(p.Target.Repository, p.Target.Tag!).GetAwaiter().GetResult());
        var results = new Dictionary<string, ServiceBuild>(StringComparer.Ordinal);
        foreach (var (plan, descriptor) in planned.Zip(found))
        {
            if (descriptor is not null)
            {
                results[plan.Service.Name] = Record(plan, descriptor.Digest, built: false);
                Log(LogLevel.Information, $"{plan.Service.Name} {plan.Target.Tag} is already in the registry ({descriptor.Digest}); not rebuilt.");
            }
        }

        var toBuild = planned.Where(p => !results.ContainsKey(p.Service.Name)).ToList();
        var builderName = ImageBuilders.Name(config.Build.Builder);
        if (dryRun)
        {
            foreach (var plan in toBuild)
            {
                results[plan.Service.Name] = Record(plan, string.Empty, built: true);
                Log(LogLevel.Information, $"{plan.Service.Name} {plan.Target.Tag} would be built with {builderName} at {ShortCommit.Of(commit)} and pushed to {plan.Target}.");
            }

            return ReleaseSession.Of(_context).Keep(new BuildOnceResult(services.Select(s => results[s.Name]).ToList(), DryRun: true) { Charts = charts, Commit = commit });
        }

        var failures = new List<ImageBuildException>();
        if (toBuild.Count > 0)
        {
            var builder = ImageBuilders.Create(_context, config, _settings, store, environment);
            using var source = BuildSource.For(checkout, sourceDirectory.FullPath, head, commit, line => Log(LogLevel.Information, line));
            var labels = ImageLabels.For(commit, created, checkout.RemoteUrl(config.Git.Remote));
            var requests = toBuild.ToDictionary(p => p.Service.Name, p => p with { Request = p.Request with { SourceRoot = source.Root, Labels = labels } });
            foreach (var wave in BuildOrder.Waves(toBuild.Select(p => p.Service).ToList()))
            {
                var outcomes = Parallel(wave, parallelism, service => Build(builder, requests[service.Name], failures));
                foreach (var (service, outcome) in wave.Zip(outcomes))
                {
                    if (outcome is { } build)
                    {
                        results[service.Name] = build;
                    }
                }
            }
        }

        var builds = services.Where(s => results.ContainsKey(s.Name)).Select(s => results[s.Name]).ToList();
        WriteReport(config, commit, builds, failures, dryRun: false);
        if (failures.Count > 0)
        {
            throw new BuildFailedException(failures.OrderBy(f => services.Select(s => s.Name).ToList().IndexOf(f.Service)).ToList(), services.Count);
        }

        return ReleaseSession.Of(_context).Keep(new BuildOnceResult(builds) { Charts = charts, Commit = commit });
    }

    private ServiceBuild? Build(IImageBuilder builder, ServicePlan plan, List<ImageBuildException> failures)
    {
        var service = plan.Service.Name;
        lock (failures)
        {
            var blocker = failures.FirstOrDefault(f => plan.Service.DependsOn.Contains(f.Service));
            if (blocker is not null)
            {
                var skipped = new ImageBuildException(service, $"not built, because {blocker.Service} (which it dependsOn) failed", []);
                failures.Add(skipped);
                Log(LogLevel.Error, $"{service} {plan.Target.Tag}: {skipped.Reason}.");
                return null;
            }
        }

        Log(LogLevel.Information, $"{service} {plan.Target.Tag}: building with {builder.Name} at {ShortCommit.Of(plan.Request.Commit)}…");
        try
        {
            var digest = builder.BuildAndPushAsync(plan.Request).GetAwaiter().GetResult();
            Log(LogLevel.Information, $"{service} {plan.Target.Tag} built and pushed: {plan.Target.Name}@{digest}");
            return Record(plan, digest, built: true);
        }
        catch (Exception e) when (e is ImageBuildException or ReleaseException or IOException or HttpRequestException)
        {
            var failure = e as ImageBuildException ?? new ImageBuildException(service, e.Message.TrimEnd('.'), []);
            lock (failures)
            {
                failures.Add(failure);
            }

            // One block per service, so parallel builds' lines do not interleave.
            var lines = new List<string> { $"{service} {plan.Target.Tag} failed: {failure.Reason}." };
            if (failure.LastLines.Count > 0)
            {
                lines.Add($"{service}: the builder's last {failure.LastLines.Count} lines:");
                lines.AddRange(failure.LastLines.Select(l => $"  {service} | {l}"));
            }

            lock (_logLock)
            {
                foreach (var line in lines)
                {
                    _context.Log.Write(Verbosity.Quiet, LogLevel.Error, "{0}", line);
                }
            }

            return null;
        }
    }

    private (IReadOnlyList<ServiceConfig> Services, string? Head) Select(ReleaseConfig config)
    {
        if (_settings.Services.Count > 0)
        {
            return (_settings.Services.Distinct(StringComparer.Ordinal).Select(config.Service).ToList(), null);
        }

        // DetectChanged earlier in this run left its answer in the session; a separate CI step left the file.
        if (ReleaseSession.Of(_context).Find<DetectChangedRun.DetectedChanges>() is { } detected && detected.RepositoryRoot == config.RepositoryRoot)
        {
            return (detected.Changes.Services.Where(s => !s.ConfigurationOnly).Select(s => config.Service(s.Name)).ToList(), detected.Changes.Head);
        }

        var changed = ChangedServices.Read(config.RepositoryRoot);
        return (changed.Services.Distinct(StringComparer.Ordinal).Select(config.Service).ToList(), changed.Head);
    }

    private static ServicePlan Plan(ReleaseConfig config, ServiceConfig service, string commit, DateTimeOffset created)
    {
        var tag = config.Tags.Build.Render(new TemplateValues { Service = service.Name, Sha = commit, Date = created });
        var target = ImageReference.InRegistry(config.Registry, service.Image).WithTag(tag);
        var args = new Dictionary<string, string>(config.Build.Args, StringComparer.Ordinal);
        foreach (var (name, value) in service.BuildArgs)
        {
            args[name] = value;
        }

        return new ServicePlan(service, target, new ImageBuildRequest
        {
            Service = service,
            Commit = commit,
            Target = target,
            SourceRoot = config.RepositoryRoot,
            RepositoryRoot = config.RepositoryRoot,
            Labels = new Dictionary<string, string>(),
            BuildArgs = args,
            Platform = config.Build.Platform,
            Created = created,
        });
    }

    private static ServiceBuild Record(ServicePlan plan, string digest, bool built) =>
        new(plan.Service.Name, plan.Request.Commit, plan.Target.Tag!, plan.Target.Name, digest, built);

    private void WriteReport(ReleaseConfig config, string commit, IReadOnlyList<ServiceBuild> builds, IReadOnlyList<ImageBuildException> failures, bool dryRun)
    {
        if (!dryRun)
        {
            var file = BuildsReport.Write(config.RepositoryRoot, commit, builds, failures);
            Log(LogLevel.Verbose, $"BuildOnce: wrote {file}.");
        }
    }

    private static IReadOnlyList<TResult> Parallel<TItem, TResult>(IReadOnlyList<TItem> items, int parallelism, Func<TItem, TResult> work)
    {
        var results = new TResult[items.Count];
        try
        {
            System.Threading.Tasks.Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = work(items[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The first refusal as itself (its one-line message), not wrapped in "One or more errors occurred".
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return results;
    }

    private void Log(LogLevel level, string line)
    {
        lock (_logLock)
        {
            _context.Log.Write(level == LogLevel.Verbose ? Verbosity.Verbose : Verbosity.Normal, level, "{0}", line);
        }
    }

    private sealed record ServicePlan(ServiceConfig Service, ImageReference Target, ImageBuildRequest Request);
}
