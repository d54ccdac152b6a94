using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Fragments;

/// <summary>
/// <c>PublishRelease</c>: every fact of the git history (each environment's manifest history from its first commit,
/// every release tag) published idempotently, then the marks moved to the tips; with <c>--verify</c>, the table's
/// items of this repository compared with those facts and repaired, git winning.
/// </summary>
internal sealed class ReleaseBackfill(ReleaseSession session, ReleaseConfig config, PublishReleaseSettings settings)
{
    public PublishReleaseResult Run(IReadOnlyList<EnvironmentConfig> environments, IReadOnlySet<string> services, bool dryRun)
    {
        var publish = config.Publish!;
        var log = session.Log;
        var source = new FragmentSource(session, config, settings.Git);
        var everything = settings.Environments.Count == 0 && settings.Services.Count == 0;
        var tips = environments.Select(e => (Environment: e, Tip: source.Tip(e))).ToList();
        var facts = tips.Where(t => t.Tip is not null)
            .SelectMany(t => source.Deployments(t.Environment, t.Tip!, since: null))
            .Concat(settings.Environments.Count == 0 ? source.Releases() : [])
            .Where(f => services.Contains(f.Service))
            .ToList();

        var endpoint = publish.Region ?? "the default region";
        try
        {
            using var client = FragmentConnection.Open(session, publish);
            endpoint = FragmentConnection.Endpoint(client);
            var publisher = new FragmentPublisher(client, publish.Table, readOnly: dryRun);
            FragmentVerification? verification = null;
            PublishCounts counts;
            if (settings.Verify)
            {
                (verification, counts) = Verify(publisher, source.Repository, facts, services, dryRun).GetAwaiter().GetResult();
            }
            else if (dryRun)
            {
                counts = new PublishCounts();
                log.Information("Dry run: would publish {0} fact(s) of {1} to {2}, each only where the table lacks it.", facts.Count, source.Repository, publish.Table);
            }
            else
            {
                counts = Publish(publisher, facts).GetAwaiter().GetResult();
            }

            if (!dryRun && everything)
            {
                MoveMarks(publisher, source, tips).GetAwaiter().GetResult();
            }

            Report(source.Repository, facts.Count, counts, verification, dryRun);
            return new PublishReleaseResult(publish.Table, source.Repository, facts.Count, counts, verification, dryRun);
        }
        catch (Exception e) when (PublishStep.Unreachable(e))
        {
            throw new ReleaseException($"PublishRelease could not reach the DynamoDB table {publish.Table} at {endpoint}: {log.Redact(PublishStep.Reason(e))}; check the AWS credentials (environment, profile or web identity), publish.region or AWS_REGION, and AWS_ENDPOINT_URL_DYNAMODB for a local endpoint, then run it again.");
        }
    }

    private async Task<PublishCounts> Publish(FragmentPublisher publisher, IReadOnlyList<ReleaseFragment> facts)
    {
        var counts = await publisher.PutAsync(facts, replace: false, (fact, held) =>
            session.Log.Warning("The release record holds another fact under {0} {1} than git ({2}); run PublishRelease --verify to make the table follow git.", fact.Version, fact.SortKey, ShortCommit.Of(fact.Record))).ConfigureAwait(false);
        await MarkCurrent(publisher, facts).ConfigureAwait(false);
        return counts;
    }

    private static async Task<int> MarkCurrent(FragmentPublisher publisher, IReadOnlyList<ReleaseFragment> facts)
    {
        var changes = 0;
        foreach (var group in facts.Where(f => f.Environment is not null).GroupBy(f => (f.Environment!, f.ComponentId)))
        {
            changes += await publisher.MarkCurrentAsync(group.Key.Item1, group.Key.ComponentId, [.. group]).ConfigureAwait(false);
        }

        return changes;
    }

    private async Task<(FragmentVerification, PublishCounts)> Verify(FragmentPublisher publisher, string repository, IReadOnlyList<ReleaseFragment> facts, IReadOnlySet<string> services, bool dryRun)
    {
        var environments = settings.Environments.ToHashSet(StringComparer.Ordinal);
        var table = new Dictionary<(string, string), (ReleaseFragment? Fact, bool Current)>();
        foreach (var service in services)
        {
            foreach (var item in await publisher.ComponentAsync($"{repository}/{service}").ConfigureAwait(false))
            {
                var fact = FragmentItems.Fragment(item);
                if (fact is null || fact.Repository != repository || (environments.Count > 0 && (fact.Environment is null || !environments.Contains(fact.Environment))))
                {
                    continue;
                }

                table[(fact.Version, fact.SortKey)] = (fact, FragmentItems.IsCurrent(item));
            }
        }

        var git = facts.ToDictionary(f => (f.Version, f.SortKey));
        var missing = facts.Where(f => !table.ContainsKey((f.Version, f.SortKey))).ToList();
        var different = facts.Where(f => table.TryGetValue((f.Version, f.SortKey), out var held) && held.Fact != f).ToList();
        var extra = table.Where(t => !git.ContainsKey(t.Key)).Select(t => t.Value.Fact!).ToList();

        // The markers git's facts call for: each component's newest fact per environment, and no other.
        var newest = facts.Where(f => f.Environment is not null)
            .GroupBy(f => (f.Environment!, f.ComponentId))
            .Select(g => g.OrderBy(f => f.At).ThenBy(f => f.SortKey, StringComparer.Ordinal).Last())
            .Select(f => (f.Version, f.SortKey))
            .ToHashSet();
        var markers = table.Count(t => git.ContainsKey(t.Key) && t.Value.Current != newest.Contains(t.Key)) + newest.Count(key => !table.ContainsKey(key));

        var counts = new PublishCounts();
        if (!dryRun)
        {
            counts = await publisher.PutAsync([.. missing, .. different], replace: true).ConfigureAwait(false);
            foreach (var fact in extra)
            {
                await publisher.DeleteAsync(fact).ConfigureAwait(false);
            }

            await MarkCurrent(publisher, facts).ConfigureAwait(false);
        }

        return (new FragmentVerification { Missing = missing.Count, Different = different.Count, Extra = extra.Count, Markers = markers, Repaired = !dryRun }, counts);
    }

    private async Task MoveMarks(FragmentPublisher publisher, FragmentSource source, IReadOnlyList<(EnvironmentConfig Environment, string? Tip)> tips)
    {
        foreach (var (environment, tip) in tips.Where(t => t.Tip is not null))
        {
            var key = FragmentSchema.MarkKey(source.Repository, environment.Name);
            var mark = await publisher.ReadMarkAsync(key).ConfigureAwait(false);
            // Only forward: a mark another run moved past this tip stays where it is.
            if (mark != tip && (mark is null || !source.History.IsAncestor(tip!, mark)))
            {
                await publisher.MoveMarkAsync(key, source.Repository, environment.Name, mark, tip!, session.Now).ConfigureAwait(false);
            }
        }

        var tags = FragmentSchema.MarkKey(source.Repository, null);
        var fingerprint = FragmentSource.Fingerprint(source.Releases());
        var held = await publisher.ReadMarkAsync(tags).ConfigureAwait(false);
        if (held != fingerprint)
        {
            await publisher.MoveMarkAsync(tags, source.Repository, null, held, fingerprint, session.Now).ConfigureAwait(false);
        }
    }

    private static string Row(string name, string found, string repaired) => $"  {name,-16} {found,6} {repaired,12}";

    private void Report(string repository, int facts, PublishCounts counts, FragmentVerification? verification, bool dryRun)
    {
        var log = session.Log;
        var table = config.Publish!.Table;
        if (verification is null)
        {
            if (!dryRun)
            {
                log.Information("Published {0} of {1}'s {2} fact(s) to {3}; {4} were already there{5}.", counts.Published, repository, facts, table, counts.AlreadyThere,
                    counts.Conflicts > 0 ? $"; {counts.Conflicts} conflicting (run PublishRelease --verify)" : "");
            }

            return;
        }

        var repaired = (int found) => dryRun ? "0 (dry run)" : found.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = new (string Name, int Found)[]
        {
            ("missing", verification.Missing),
            ("different", verification.Different),
            ("extra", verification.Extra),
            ("current markers", verification.Markers),
        };
        log.Information("{0}Verified {1} against git for {2} ({3} fact(s) in git):", dryRun ? "Dry run: " : "", table, repository, facts);
        log.Information("{0}", Row("difference", "found", "repaired"));
        foreach (var (name, found) in rows)
        {
            log.Information("{0}", Row(name, found.ToString(System.Globalization.CultureInfo.InvariantCulture), repaired(found)));
        }

        log.Information(verification.InSync ? "The table matches git." : dryRun ? "Run PublishRelease --verify without --dryrun to repair the table." : "The table matches git now.");
    }
}
