using Amazon.DynamoDBv2.Model;
using Cake.Release.Fragments;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Fragments;

/// <summary>The table's shape on a real DynamoDB-compatible server (dynalite): created once with both indexes, queried through them.</summary>
public sealed class FragmentTableTests : IDisposable
{
    private readonly Dynalite _dynalite = Dynalite.Start();

    [Fact]
    public async Task Creates_the_table_with_both_indexes_once_and_the_indexes_answer_the_readers_queries()
    {
        using var client = _dynalite.Client();
        await FragmentTable.EnsureAsync(client, "ReleaseFragments");
        await FragmentTable.EnsureAsync(client, "ReleaseFragments");   // a second pipeline: no error, no second table

        var tables = await client.ListTablesAsync();
        Assert.Equal(["ReleaseFragments"], tables.TableNames);
        var described = (await client.DescribeTableAsync("ReleaseFragments")).Table;
        Assert.Equal([FragmentSchema.CurrentIndex, FragmentSchema.HistoryIndex], described.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(StringComparer.Ordinal));

        var older = Fragment("1.6.0", "production", "2026-12-01T10:00:00Z");
        var newer = Fragment("1.6.1", "production", "2026-12-05T10:00:00Z");
        await client.PutItemAsync("ReleaseFragments", FragmentItems.Item(older, current: false));
        await client.PutItemAsync("ReleaseFragments", FragmentItems.Item(newer, current: true));

        var now = await client.QueryAsync(new QueryRequest
        {
            TableName = "ReleaseFragments",
            IndexName = FragmentSchema.CurrentIndex,
            KeyConditionExpression = "#c = :env",
            ExpressionAttributeNames = new() { ["#c"] = FragmentSchema.Current },
            ExpressionAttributeValues = new() { [":env"] = new AttributeValue { S = "production" } },
        });
        Assert.Equal(newer, FragmentItems.Fragment(Assert.Single(now.Items)));

        var history = await client.QueryAsync(new QueryRequest
        {
            TableName = "ReleaseFragments",
            IndexName = FragmentSchema.HistoryIndex,
            KeyConditionExpression = "#id = :id",
            ExpressionAttributeNames = new() { ["#id"] = FragmentSchema.ComponentId },
            ExpressionAttributeValues = new() { [":id"] = new AttributeValue { S = "github.com/acme/shop/blue" } },
        });
        Assert.Equal(["1.6.0", "1.6.1"], history.Items.Select(i => FragmentItems.Fragment(i)!.Version));
    }

    [Fact]
    public async Task A_table_of_another_shape_is_named_as_the_problem()
    {
        using var client = _dynalite.Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "ReleaseFragments",
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("version", "S")],
            KeySchema = [new KeySchemaElement("version", "HASH")],
        });

        var refused = await Assert.ThrowsAsync<FragmentTableException>(() => FragmentTable.EnsureAsync(client, "ReleaseFragments"));
        Assert.Contains("lacks the global secondary indexes current-index and history-index", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ci:s3cret@github.com/acme/shop.git", "github.com/acme/shop")]
    [InlineData("git@github.com:acme/shop.git", "github.com/acme/shop")]
    [InlineData("ssh://git@gitlab.example.com:2222/platform/shop.git", "gitlab.example.com/platform/shop")]
    [InlineData("http://127.0.0.1:8080/acme/shop", "127.0.0.1:8080/acme/shop")]
    [InlineData("/tmp/remotes/shop.git", "/tmp/remotes/shop")]
    public void A_repository_is_named_by_its_remote_without_credentials(string remote, string name) =>
        Assert.Equal(name, RepositoryIdentity.FromRemote(remote));

    private static ReleaseFragment Fragment(string version, string environment, string at) => new()
    {
        Version = version,
        Kind = "backend",
        Repository = "github.com/acme/shop",
        Service = "blue",
        Environment = environment,
        At = FragmentTime.Parse(at)!.Value,
        Action = "promote",
        Record = "3f2c1a0",
        Digest = "sha256:" + new string('a', 64),
        ApprovedBy = ["alice", "bob (unverified)"],
    };

    public void Dispose() => _dynalite.Dispose();
}
