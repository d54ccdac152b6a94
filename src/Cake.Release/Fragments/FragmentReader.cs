using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using S = Cake.Release.Fragments.FragmentSchema;

namespace Cake.Release.Fragments;

/// <summary>
/// The read side of the release record (<see cref="FragmentSchema"/>), Query only, every page followed
/// (LastEvaluatedKey), never a Scan: the publish marks (which repositories and environments publish), what runs in an
/// environment now (the sparse current-index), one component's history (history-index), the facts of one version
/// (the base table's partition). A table that does not exist is one line saying how one comes to exist.
/// </summary>
internal sealed class FragmentReader(IAmazonDynamoDB client, string table, string where, int? pageSize = null)
{
    /// <summary>How many version partitions are read at once for the incomplete mark.</summary>
    public const int Parallel = 8;

    /// <summary>The table's name.</summary>
    public string Table => table;

    /// <summary>Where the table is: <c>endpoint http://127.0.0.1:8000</c>, <c>region eu-central-1</c>.</summary>
    public string Location => where;

    /// <summary>The repositories that publish and the environments each publishes (release tags are not an environment).</summary>
    public async Task<PublishMarks> MarksAsync(CancellationToken cancel)
    {
        var keys = (await QueryAsync(null, S.Version, S.MarksPartition, cancel).ConfigureAwait(false))
            .Select(item => FragmentItems.Read(item, S.Component)).OfType<string>().ToList();
        return PublishMarks.Parse(keys);
    }

    /// <summary>The facts marked current in <paramref name="environment"/>, as the index holds them (possibly two for one component: see <see cref="CurrentFacts"/>).</summary>
    public async Task<IReadOnlyList<ReleaseFragment>> CurrentAsync(string environment, CancellationToken cancel) =>
        Fragments(await QueryAsync(S.CurrentIndex, S.Current, environment, cancel).ConfigureAwait(false));

    /// <summary>One component's releases and deployments, oldest first.</summary>
    public async Task<IReadOnlyList<ReleaseFragment>> HistoryAsync(string componentId, CancellationToken cancel) =>
        Fragments(await QueryAsync(S.HistoryIndex, S.ComponentId, componentId, cancel).ConfigureAwait(false));

    /// <summary>Every fact of one version: the seed's matrix row.</summary>
    public async Task<IReadOnlyList<ReleaseFragment>> VersionAsync(string version, CancellationToken cancel) =>
        Fragments(await QueryAsync(null, S.Version, version, cancel).ConfigureAwait(false));

    /// <summary>The facts of each of <paramref name="versions"/>, <see cref="Parallel"/> partitions at a time.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ReleaseFragment>>> VersionsAsync(IEnumerable<string> versions, CancellationToken cancel)
    {
        var result = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ReleaseFragment>>(StringComparer.Ordinal);
        await System.Threading.Tasks.Parallel.ForEachAsync(
            versions.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancel },
            async (version, token) => result[version] = await VersionAsync(version, token).ConfigureAwait(false)).ConfigureAwait(false);
        return result;
    }

    private static List<ReleaseFragment> Fragments(IEnumerable<Dictionary<string, AttributeValue>> items) =>
        [.. items.Select(i => FragmentItems.Fragment(i)).OfType<ReleaseFragment>()];

    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(string? index, string key, string value, CancellationToken cancel)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = table,
                IndexName = index,
                KeyConditionExpression = "#k = :v",
                ExpressionAttributeNames = new() { ["#k"] = key },
                ExpressionAttributeValues = new() { [":v"] = FragmentItems.Text(value) },
                ExclusiveStartKey = start,
            };
            if (pageSize is { } limit)
            {
                // DynamoDB pages at 1 MB; a smaller page lets a test walk many pages without megabytes of items.
                request.Limit = limit;
            }

            QueryResponse page;
            try
            {
                page = await client.QueryAsync(request, cancel).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                throw new ReleaseException($"Status: no release record at {table} ({where}): run PublishRelease in a repository with publish: in release.yaml, or name the table with --table=<name>.");
            }
            catch (AmazonDynamoDBException e) when (e.ErrorCode is "ValidationException" && index is not null)
            {
                throw new ReleaseException($"Status: table {table} ({where}) has no {index} to read ({e.Message}); it was not created by Cake.Release: see README \"The central release record\".");
            }

            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }
}
