using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Cake.Release.Fragments;

namespace Cake.Release.Tests.Fragments;

/// <summary>What a test reads back from the table: every item (a scan, all pages), as fragments, markers and marks.</summary>
public sealed class ReleaseRecordTable(AmazonDynamoDBClient client, string table = "ReleaseFragments")
{
    public async Task<List<Dictionary<string, AttributeValue>>> ItemsAsync()
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        var request = new ScanRequest { TableName = table, ConsistentRead = true };
        do
        {
            var page = await client.ScanAsync(request);
            items.AddRange(page.Items);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return items;
    }

    /// <summary>The fragments (no publish marks).</summary>
    public async Task<List<ReleaseFragment>> FactsAsync() =>
        (await ItemsAsync()).Select(FragmentItems.Fragment).OfType<ReleaseFragment>().ToList();

    /// <summary>The fragments marked current, as (environment, componentId, version).</summary>
    public async Task<List<(string Environment, string Component, string Version)>> CurrentAsync() =>
        (await ItemsAsync()).Where(FragmentItems.IsCurrent)
            .Select(i => (FragmentItems.Read(i, FragmentSchema.Current)!, FragmentItems.Read(i, FragmentSchema.ComponentId)!, FragmentItems.Read(i, FragmentSchema.Version)!))
            .ToList();

    /// <summary>The publish marks: sort key → what they hold.</summary>
    public async Task<Dictionary<string, string>> MarksAsync() =>
        (await ItemsAsync()).Where(i => FragmentItems.Read(i, FragmentSchema.Version) == FragmentSchema.MarksPartition)
            .ToDictionary(i => FragmentItems.Read(i, FragmentSchema.Component)!, i => FragmentItems.Read(i, FragmentSchema.Record)!);

    public async Task DeleteAsync(ReleaseFragment fact) =>
        await client.DeleteItemAsync(table, new Dictionary<string, AttributeValue>
        {
            [FragmentSchema.Version] = new() { S = fact.Version },
            [FragmentSchema.Component] = new() { S = fact.SortKey },
        });

    public async Task PutAsync(ReleaseFragment fact, bool current = false) =>
        await client.PutItemAsync(table, FragmentItems.Item(fact, current));
}
