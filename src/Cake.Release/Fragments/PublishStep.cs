using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.Secrets;
using Cake.Release.Session;

namespace Cake.Release.Fragments;

/// <summary>
/// Publishes what git recorded to the release record: for each environment, every deployment of its manifest history
/// past the environment's publish mark, then the mark moved to the branch's tip; and the release tags the tags mark has
/// not seen. So the outbox is git itself: a run killed between its git effect and its publish, a table that could not
/// be reached, an ephemeral CI runner — the next run of any publishing target (or <c>PublishRelease</c>) publishes
/// what is missing. The table being unreachable is one warning; the run still succeeds, git being the source of truth.
/// </summary>
internal sealed class PublishStep(ReleaseSession session) : IReleaseStep<PublishInput, StepEffect>
{
    private const string Step = "publish";
    private const int MarkAttempts = 5;

    /// <summary>What would be published (the table is read for the marks, nothing is written).</summary>
    public StepEffect Plan(PublishInput input) => Run(input, apply: false);

    /// <summary>Publishes what the table lacks and moves the marks.</summary>
    public StepEffect Apply(PublishInput input) => Run(input, apply: true);

    private StepEffect Run(PublishInput input, bool apply)
    {
        ArgumentNullException.ThrowIfNull(input);
        var publish = input.Config.Publish!;
        var log = session.Log;
        string endpoint = publish.Region ?? "the default region";
        var outbox = new FragmentOutbox(input.Config.RepositoryRoot);
        FragmentSource? source = null;
        try
        {
            source = new FragmentSource(session, input.Config, input.Git);
            using var client = FragmentConnection.Open(session, publish);
            endpoint = FragmentConnection.Endpoint(client);
            var publisher = new FragmentPublisher(client, publish.Table, readOnly: !apply);
            var counts = new PublishCounts();
            foreach (var environment in input.Environments)
            {
                counts.Add(PublishEnvironment(publisher, source, environment, apply).GetAwaiter().GetResult());
                if (apply)
                {
                    outbox.Clear(environment.Name);
                }
            }

            if (input.Tags)
            {
                counts.Add(PublishTags(publisher, source, apply).GetAwaiter().GetResult());
                if (apply)
                {
                    outbox.Clear(null);
                }
            }

            var detail = $"{publish.Table}: {counts.Published} fact(s) published, {counts.AlreadyThere} already there{(counts.Conflicts > 0 ? $", {counts.Conflicts} conflicting" : "")}";
            if (apply)
            {
                log.Information("Published to the release record ({0}): {1} new fact(s){2}.", publish.Table, counts.Published,
                    counts.AlreadyThere > 0 ? $", {counts.AlreadyThere} already there" : "");
            }

            return new StepEffect(Step, apply && counts.Published > 0, detail);
        }
        catch (Exception e) when (Unreachable(e))
        {
            var reason = log.Redact(Reason(e));
            log.Warning("Could not publish to the release record (DynamoDB table {0} at {1}): {2}. Git holds what {3} did; the next run of a publishing target, or PublishRelease, publishes it.",
                publish.Table, endpoint, reason, input.Why);
            if (apply && source is not null)
            {
                outbox.Keep(publish.Table, source.Repository, input, session.Now, reason);
            }

            return new StepEffect(Step, false, $"{publish.Table} unreachable: {reason}");
        }
    }

    private async Task<PublishCounts> PublishEnvironment(FragmentPublisher publisher, FragmentSource source, EnvironmentConfig environment, bool apply)
    {
        var log = session.Log;
        var counts = new PublishCounts();
        if (source.Tip(environment) is not { } tip)
        {
            log.Verbose("{0} has no branch {1} yet: nothing to publish for it.", environment.Name, environment.Branch);
            return counts;
        }

        var key = FragmentSchema.MarkKey(source.Repository, environment.Name);
        for (var attempt = 1; attempt <= MarkAttempts; attempt++)
        {
            var mark = await publisher.ReadMarkAsync(key).ConfigureAwait(false);
            if (mark == tip)
            {
                log.Verbose("The release record has {0}'s history up to {1}: nothing to publish.", environment.Name, ShortCommit.Of(tip));
                return counts;
            }

            // Only forward: the history past a mark this tip descends from; all of it when the mark is unknown here or
            // the branch was rewritten; nothing when the mark is ahead of the tip this run read.
            var (since, move) = (default(string), true);
            if (mark is not null)
            {
                if (source.History.IsAncestor(mark, tip))
                {
                    since = mark;
                }
                else if (source.History.IsAncestor(tip, mark))
                {
                    log.Verbose("The release record's mark of {0} ({1}) is ahead of {2}: nothing to publish.", environment.Name, ShortCommit.Of(mark), ShortCommit.Of(tip));
                    return counts;
                }
                else
                {
                    move = source.History.HasCommit(mark);
                }
            }

            var facts = source.Deployments(environment, tip, since);
            if (!apply)
            {
                foreach (var fact in facts)
                {
                    log.Information("Dry run: would publish to {0}: {1} {2} in {3} at {4} ({5}).", publisher.Table, fact.Service, fact.Version, environment.Name, FragmentTime.Format(fact.At), fact.Action);
                }

                counts.Published += facts.Count;
                return counts;
            }

            counts = await publisher.PutAsync(facts, replace: false, (fact, held) =>
                log.Warning("The release record holds another fact under {0} {1} than {2} recorded ({3}); run PublishRelease --verify to make the table follow git.",
                    fact.Version, fact.SortKey, ShortCommit.Of(fact.Record), held is null ? "an item that is no fragment" : $"recorded by {ShortCommit.Of(held.Record)}")).ConfigureAwait(false);
            foreach (var component in facts.GroupBy(f => f.ComponentId, StringComparer.Ordinal))
            {
                await publisher.MarkCurrentAsync(environment.Name, component.Key, [.. component]).ConfigureAwait(false);
            }

            if (!move || await publisher.MoveMarkAsync(key, source.Repository, environment.Name, mark, tip, session.Now).ConfigureAwait(false))
            {
                log.Verbose("Published {0}'s history up to {1}: {2} new, {3} already there.", environment.Name, ShortCommit.Of(tip), counts.Published, counts.AlreadyThere);
                return counts;
            }

            // Another pipeline moved the mark meanwhile: read it again; what was put stays put (the puts are idempotent).
            log.Verbose("Another run moved the release record's mark of {0} meanwhile; reading it again.", environment.Name);
        }

        return counts;
    }

    private async Task<PublishCounts> PublishTags(FragmentPublisher publisher, FragmentSource source, bool apply)
    {
        var releases = source.Releases();
        var fingerprint = FragmentSource.Fingerprint(releases);
        var key = FragmentSchema.MarkKey(source.Repository, null);
        var mark = await publisher.ReadMarkAsync(key).ConfigureAwait(false);
        if (mark == fingerprint)
        {
            session.Log.Verbose("The release record has this repository's {0} release tag(s): nothing to publish.", releases.Count);
            return new PublishCounts();
        }

        if (!apply)
        {
            session.Log.Information("Dry run: would publish to {0} the release tags it lacks, of {1}.", publisher.Table, releases.Count);
            return new PublishCounts();
        }

        var counts = await publisher.PutAsync(releases, replace: false, (fact, _) =>
            session.Log.Warning("The release record holds another fact under {0} {1} than the tag {2}; run PublishRelease --verify to make the table follow git.", fact.Version, fact.SortKey, fact.Tag)).ConfigureAwait(false);
        await publisher.MoveMarkAsync(key, source.Repository, null, mark, fingerprint, session.Now).ConfigureAwait(false);
        return counts;
    }

    // What keeps the table from being written, as opposed to a bug: the network, the service's answers once the
    // retries are spent, missing credentials, a table of another shape.
    internal static bool Unreachable(Exception e) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or System.Net.Sockets.SocketException or TimeoutException or TaskCanceledException or FragmentTableException
        || (e is AggregateException { InnerException: { } inner } && Unreachable(inner));

    internal static string Reason(Exception e)
    {
        var inner = e;
        while (inner.InnerException is { } deeper && inner is AggregateException or AmazonClientException && deeper.Message.Length > 0)
        {
            inner = deeper;
        }

        var text = (e is AmazonServiceException service && service.ErrorCode is { Length: > 0 } code ? $"{code}: {e.Message}" : inner.Message).ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
