using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using S = Cake.Release.Fragments.FragmentSchema;

namespace Cake.Release.Fragments;

/// <summary>
/// Creates the table with its indexes when it is missing (on-demand capacity, so no throughput to size), and waits
/// until it is active. An existing table is checked for the indexes the readers query, so a table made by hand with
/// another shape is named as the problem rather than failing later in a query.
/// </summary>
internal static class FragmentTable
{
    public static async Task EnsureAsync(IAmazonDynamoDB client, string table, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        TableDescription description;
        try
        {
            description = (await client.DescribeTableAsync(table, cancel).ConfigureAwait(false)).Table;
        }
        catch (ResourceNotFoundException)
        {
            try
            {
                description = (await client.CreateTableAsync(Definition(table), cancel).ConfigureAwait(false)).TableDescription;
            }
            catch (ResourceInUseException)
            {
                // Another pipeline created it between our describe and create.
                description = (await client.DescribeTableAsync(table, cancel).ConfigureAwait(false)).Table;
            }
        }

        var indexes = (description.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet(StringComparer.Ordinal);
        if (!indexes.Contains(S.CurrentIndex) || !indexes.Contains(S.HistoryIndex))
        {
            throw new FragmentTableException($"DynamoDB table {table} lacks the global secondary indexes {S.CurrentIndex} and {S.HistoryIndex} the release record needs; delete it so Cake.Release creates it, or add them as the README's \"The central release record\" describes.");
        }

        for (var wait = 0; description.TableStatus != TableStatus.ACTIVE; wait++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * (wait + 1))), cancel).ConfigureAwait(false);
            description = (await client.DescribeTableAsync(table, cancel).ConfigureAwait(false)).Table;
        }
    }

    /// <summary>The table's definition: keys, the two indexes (all attributes projected), on-demand billing.</summary>
    public static CreateTableRequest Definition(string table) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(S.Version, ScalarAttributeType.S),
            new AttributeDefinition(S.Component, ScalarAttributeType.S),
            new AttributeDefinition(S.Current, ScalarAttributeType.S),
            new AttributeDefinition(S.ComponentId, ScalarAttributeType.S),
            new AttributeDefinition(S.At, ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement(S.Version, KeyType.HASH), new KeySchemaElement(S.Component, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            Index(S.CurrentIndex, S.Current, S.ComponentId),
            Index(S.HistoryIndex, S.ComponentId, S.At),
        ],
    };

    private static GlobalSecondaryIndex Index(string name, string partition, string sort) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(partition, KeyType.HASH), new KeySchemaElement(sort, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };
}
