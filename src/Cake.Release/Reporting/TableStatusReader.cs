using Cake.Release.Config;
using Cake.Release.Fragments;

namespace Cake.Release.Reporting;

/// <summary>
/// The matrix of the central release record: the environments from the publish marks (plus any named with
/// <c>--env</c>), one current-index query per environment, and one base-table query per version running somewhere
/// (for the incomplete mark), all paged, none a Scan.
/// </summary>
internal sealed class TableStatusReader(Amazon.DynamoDBv2.IAmazonDynamoDB client, FragmentReader reader, IReadOnlyList<string> extraEnvironments, IReadOnlyList<EnvironmentConfig>? chain, TimeProvider clock) : IStatusReader
{
    public string Where => $"table {reader.Table} ({reader.Location})";

    public async Task<ReleaseStatus> ReadAsync(CancellationToken cancel)
    {
        var marks = await reader.MarksAsync(cancel).ConfigureAwait(false);
        var environments = marks.Environments.Concat(extraEnvironments).Distinct(StringComparer.Ordinal).ToList();
        var running = await Task.WhenAll(environments.Select(e => reader.CurrentAsync(e, cancel))).ConfigureAwait(false);
        var current = CurrentFacts.Reduce(running.SelectMany(r => r));
        // An environment named with --env but neither published nor running anything is no column: the filter then names the known ones.
        environments = [.. environments.Where(e => marks.Environments.Contains(e, StringComparer.Ordinal) || current.Keys.Any(k => k.Environment == e))];
        var releases = await reader.VersionsAsync(current.Values.Select(f => f.Version), cancel).ConfigureAwait(false);
        return FragmentMatrix.Build(current, releases, environments, chain, clock.GetUtcNow(), marks.EnvironmentsOf);
    }

    public void Dispose() => client.Dispose();

    public Task<IReadOnlyList<ReleaseFragment>> HistoryAsync(StatusComponent component, CancellationToken cancel) =>
        reader.HistoryAsync($"{component.Repository}/{component.Service}", cancel);
}
