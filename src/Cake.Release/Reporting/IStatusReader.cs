using Cake.Release.Fragments;

namespace Cake.Release.Reporting;

/// <summary>
/// Where a status matrix comes from, asked again and again by the dashboard: this repository's GitOps branches
/// (<see cref="GitStatusReader"/>) or the central release record (<see cref="TableStatusReader"/>).
/// </summary>
internal interface IStatusReader : IDisposable
{
    /// <summary>Where it reads, for the log and the page: <c>origin's GitOps branches</c>, <c>table ReleaseFragments (endpoint …)</c>.</summary>
    string Where { get; }

    /// <summary>The whole matrix, drift decided, unfiltered.</summary>
    Task<ReleaseStatus> ReadAsync(CancellationToken cancel);

    /// <summary>One component's releases and deployments, oldest first.</summary>
    /// <param name="component">The row's component.</param>
    /// <param name="cancel">Stops the read.</param>
    Task<IReadOnlyList<ReleaseFragment>> HistoryAsync(StatusComponent component, CancellationToken cancel);
}
