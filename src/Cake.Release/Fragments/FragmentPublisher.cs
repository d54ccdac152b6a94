using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using S = Cake.Release.Fragments.FragmentSchema;

namespace Cake.Release.Fragments;

/// <summary>
/// The release record's table as the publishing side writes it. Every write is conditional, so a re-run, or two
/// pipelines publishing the same fact at once, leave one item: a fact is put only where its key is free
/// (<c>attribute_not_exists(version)</c>); a key already holding the same fact is success; a key holding another
/// fact is reported (git wins only when <c>replace</c> says so: <c>PublishRelease --verify</c>). The <c>current</c>
/// marker follows each component's newest fact per environment, and the publish marks move only from what was read.
/// Throttling and 5xx answers are retried with backoff by the client (<see cref="FragmentConnection"/>). A read-only
/// publisher (a dry run) never creates the table: a missing table reads as an empty one.
/// </summary>
internal sealed class FragmentPublisher(IAmazonDynamoDB client, string table, bool readOnly = false)
{
    private const int BatchSize = 100;
    private bool _ensured;

    /// <summary>The table's name.</summary>
    public string Table => table;

    /// <summary>The commit (or, for tags, the fingerprint) the publish mark <paramref name="key"/> holds, or null.</summary>
    public async Task<string?> ReadMarkAsync(string key, CancellationToken cancel = default)
    {
        try
        {
            var item = await Ensured(() => client.GetItemAsync(new GetItemRequest
            {
                TableName = table,
                Key = Key(S.MarksPartition, key),
                ConsistentRead = true,
            }, cancel)).ConfigureAwait(false);
            return item.Item is { Count: > 0 } found ? FragmentItems.Read(found, S.Record) : null;
        }
        catch (ResourceNotFoundException) when (readOnly)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the publish mark <paramref name="key"/> from <paramref name="expected"/> (null: no mark yet) to
    /// <paramref name="value"/>; false when another run moved it first (the caller reads it again).
    /// </summary>
    public async Task<bool> MoveMarkAsync(string key, string repository, string? environment, string? expected, string value, DateTimeOffset now, CancellationToken cancel = default)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":value"] = FragmentItems.Text(value),
            [":repository"] = FragmentItems.Text(repository),
            [":now"] = FragmentItems.Text(FragmentTime.Format(now)),
        };
        var update = "SET #record = :value, #repository = :repository, #published = :now";
        var names = new Dictionary<string, string> { ["#record"] = S.Record, ["#repository"] = S.Repository, ["#published"] = "publishedAt" };
        if (environment is not null)
        {
            update += ", #environment = :environment";
            names["#environment"] = S.Environment;
            values[":environment"] = FragmentItems.Text(environment);
        }

        string condition;
        if (expected is null)
        {
            condition = "attribute_not_exists(#version)";
            names["#version"] = S.Version;
        }
        else
        {
            condition = "#record = :expected";
            values[":expected"] = FragmentItems.Text(expected);
        }

        try
        {
            await Ensured(() => client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = Key(S.MarksPartition, key),
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            }, cancel)).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Puts each fact whose key is free; reads the keys first in batches so a re-run costs reads, not failed writes.
    /// With <paramref name="replace"/> (git wins), a key holding another fact gets git's.
    /// </summary>
    public async Task<PublishCounts> PutAsync(IReadOnlyList<ReleaseFragment> facts, bool replace, Action<ReleaseFragment, ReleaseFragment?>? conflict = null, CancellationToken cancel = default)
    {
        var counts = new PublishCounts();
        var existing = await ReadAsync(facts.Select(f => (f.Version, f.SortKey)).ToList(), cancel).ConfigureAwait(false);
        foreach (var fact in facts)
        {
            var held = existing.GetValueOrDefault((fact.Version, fact.SortKey));
            if (held is null)
            {
                held = await PutNewAsync(fact, cancel).ConfigureAwait(false);
                if (held is null)
                {
                    counts.Published++;
                    continue;
                }
            }

            if (FragmentItems.Fragment(held) == fact)
            {
                counts.AlreadyThere++;
                continue;
            }

            if (replace)
            {
                await Ensured(() => client.PutItemAsync(new PutItemRequest { TableName = table, Item = FragmentItems.Item(fact, current: false) }, cancel)).ConfigureAwait(false);
                counts.Replaced++;
            }
            else
            {
                conflict?.Invoke(fact, FragmentItems.Fragment(held));
                counts.Conflicts++;
            }
        }

        return counts;
    }

    /// <summary>
    /// Marks the newest of <paramref name="candidates"/> and the items now marked <c>current</c> for the component in
    /// the environment (newest <c>at</c> wins, then the sort key), and unmarks the others. Each change is conditional, so
    /// two pipelines doing this at once leave at most a surplus marker, which readers reduce (newest wins) and the
    /// next publish removes.
    /// </summary>
    public async Task<int> MarkCurrentAsync(string environment, string componentId, IReadOnlyList<ReleaseFragment> candidates, CancellationToken cancel = default)
    {
        var marked = await QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = S.CurrentIndex,
            KeyConditionExpression = "#current = :environment AND #component = :component",
            ExpressionAttributeNames = new() { ["#current"] = S.Current, ["#component"] = S.ComponentId },
            ExpressionAttributeValues = new() { [":environment"] = FragmentItems.Text(environment), [":component"] = FragmentItems.Text(componentId) },
        }, cancel).ConfigureAwait(false);
        var known = marked.Select(FragmentItems.Fragment).OfType<ReleaseFragment>().Concat(candidates).ToList();
        if (known.Count == 0)
        {
            return 0;
        }

        var newest = known.OrderBy(f => f.At).ThenBy(f => f.SortKey, StringComparer.Ordinal).Last();
        var changes = 0;
        foreach (var item in marked.Select(FragmentItems.Fragment).OfType<ReleaseFragment>().Where(f => f.SortKey != newest.SortKey || f.Version != newest.Version))
        {
            changes += await SetCurrentAsync(item, environment, mark: false, cancel).ConfigureAwait(false) ? 1 : 0;
        }

        if (!marked.Any(i => FragmentItems.Read(i, S.Version) == newest.Version && FragmentItems.Read(i, S.Component) == newest.SortKey))
        {
            changes += await SetCurrentAsync(newest, environment, mark: true, cancel).ConfigureAwait(false) ? 1 : 0;
        }

        return changes;
    }

    /// <summary>Every item of the component <paramref name="componentId"/> (history-index), fragments and their <c>current</c> marker.</summary>
    public Task<List<Dictionary<string, AttributeValue>>> ComponentAsync(string componentId, CancellationToken cancel = default) =>
        QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = S.HistoryIndex,
            KeyConditionExpression = "#component = :component",
            ExpressionAttributeNames = new() { ["#component"] = S.ComponentId },
            ExpressionAttributeValues = new() { [":component"] = FragmentItems.Text(componentId) },
        }, cancel);

    /// <summary>Deletes the item of <paramref name="fact"/> (an item git does not hold).</summary>
    public Task DeleteAsync(ReleaseFragment fact, CancellationToken cancel = default) =>
        Ensured(() => client.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = Key(fact.Version, fact.SortKey) }, cancel));

    /// <summary>Sets (or removes) the item's <c>current</c> marker; false when the item changed meanwhile and there was nothing to do.</summary>
    public async Task<bool> SetCurrentAsync(ReleaseFragment fact, string environment, bool mark, CancellationToken cancel = default)
    {
        try
        {
            await Ensured(() => client.UpdateItemAsync(mark
                ? new UpdateItemRequest
                {
                    TableName = table,
                    Key = Key(fact.Version, fact.SortKey),
                    UpdateExpression = "SET #current = :environment",
                    ConditionExpression = "attribute_exists(#version)",
                    ExpressionAttributeNames = new() { ["#current"] = S.Current, ["#version"] = S.Version },
                    ExpressionAttributeValues = new() { [":environment"] = FragmentItems.Text(environment) },
                }
                : new UpdateItemRequest
                {
                    TableName = table,
                    Key = Key(fact.Version, fact.SortKey),
                    UpdateExpression = "REMOVE #current",
                    ConditionExpression = "#current = :environment",
                    ExpressionAttributeNames = new() { ["#current"] = S.Current },
                    ExpressionAttributeValues = new() { [":environment"] = FragmentItems.Text(environment) },
                }, cancel)).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    // The put of a fact whose key was free when read: null when it landed, else what holds the key now (another
    // pipeline published it in between).
    private async Task<Dictionary<string, AttributeValue>?> PutNewAsync(ReleaseFragment fact, CancellationToken cancel)
    {
        try
        {
            await Ensured(() => client.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = FragmentItems.Item(fact, current: false),
                ConditionExpression = "attribute_not_exists(#version)",
                ExpressionAttributeNames = new() { ["#version"] = S.Version },
            }, cancel)).ConfigureAwait(false);
            return null;
        }
        catch (ConditionalCheckFailedException)
        {
            var held = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(fact.Version, fact.SortKey), ConsistentRead = true }, cancel).ConfigureAwait(false);
            return held.Item ?? [];
        }
    }

    private async Task<Dictionary<(string Version, string Component), Dictionary<string, AttributeValue>>> ReadAsync(IReadOnlyList<(string Version, string Component)> keys, CancellationToken cancel)
    {
        var found = new Dictionary<(string, string), Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Distinct().Chunk(BatchSize))
        {
            var request = new Dictionary<string, KeysAndAttributes>
            {
                [table] = new KeysAndAttributes { Keys = [.. chunk.Select(k => Key(k.Version, k.Component))], ConsistentRead = true },
            };
            for (var attempt = 0; request.Count > 0 && request.TryGetValue(table, out var pending) && pending.Keys is { Count: > 0 }; attempt++)
            {
                var answer = await Ensured(() => client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = request }, cancel)).ConfigureAwait(false);
                foreach (var item in answer.Responses?.GetValueOrDefault(table) ?? [])
                {
                    found[(FragmentItems.Read(item, S.Version)!, FragmentItems.Read(item, S.Component)!)] = item;
                }

                // Keys DynamoDB did not get to (throttling inside the batch) come back to be asked again, after a pause.
                request = answer.UnprocessedKeys ?? [];
                if (request.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 6))), cancel).ConfigureAwait(false);
                }
            }
        }

        return found;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(QueryRequest request, CancellationToken cancel)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            QueryResponse answer;
            try
            {
                answer = await Ensured(() => client.QueryAsync(request, cancel)).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException) when (readOnly)
            {
                return items;
            }

            items.AddRange(answer.Items ?? []);
            request.ExclusiveStartKey = answer.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return items;
    }

    // The table is created (with its indexes) the first time a call finds it missing, not checked on every run: the
    // hot path of a publish is its reads and writes.
    private async Task<T> Ensured<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ResourceNotFoundException) when (!_ensured && !readOnly)
        {
            _ensured = true;
            await FragmentTable.EnsureAsync(client, table).ConfigureAwait(false);
            return await call().ConfigureAwait(false);
        }
    }

    private static Dictionary<string, AttributeValue> Key(string version, string component) => new()
    {
        [S.Version] = FragmentItems.Text(version),
        [S.Component] = FragmentItems.Text(component),
    };
}
