namespace Cake.Release.Fragments;

/// <summary>
/// The shape of the <c>ReleaseFragments</c> table, the contract between the repositories that publish to it and the
/// readers (Status, Metrics, the dashboard). README "The central release record" documents it with its access patterns.
/// <list type="bullet">
/// <item>Base table: partition <see cref="Version"/>, sort <see cref="Component"/> (<see cref="ReleaseFragment.SortKey"/>):
/// every component of a version, the seed's matrix row.</item>
/// <item><see cref="CurrentIndex"/>: partition <see cref="Current"/> (an environment's name), sort <see cref="ComponentId"/>.
/// Sparse: only a component's newest fact in an environment carries <see cref="Current"/>, so a query per environment
/// is what runs there now, across repositories.</item>
/// <item><see cref="HistoryIndex"/>: partition <see cref="ComponentId"/>, sort <see cref="At"/>: one component's history,
/// releases and deployments in every environment, in time order.</item>
/// <item>Publish marks: partition <see cref="MarksPartition"/>, sort <c>{repository}@{environment}</c> (or
/// <c>{repository}#tags</c>): the last git commit of that history whose facts are in the table. The history past it is
/// the outbox the next run publishes; the marks also list which repositories and environments publish.</item>
/// </list>
/// </summary>
public static class FragmentSchema
{
    /// <summary>Partition key (S): the version.</summary>
    public const string Version = "version";

    /// <summary>Sort key (S): <c>kind#repository/service</c>, plus <c>@environment#at</c> for a deployment.</summary>
    public const string Component = "component";

    /// <summary>S: backend, frontend, kafka, infra, k8s.</summary>
    public const string Kind = "kind";

    /// <summary>S: the repository, e.g. github.com/acme/shop.</summary>
    public const string Repository = "repository";

    /// <summary>S: the service within the repository.</summary>
    public const string Service = "service";

    /// <summary>S: <c>repository/service</c>; partition of <see cref="HistoryIndex"/>.</summary>
    public const string ComponentId = "componentId";

    /// <summary>S: the environment of a deployment (absent on a release).</summary>
    public const string Environment = "environment";

    /// <summary>S: <see cref="FragmentTime"/> of the deployment or release; sort of <see cref="HistoryIndex"/>.</summary>
    public const string At = "at";

    /// <summary>S: <see cref="FragmentActions"/>.</summary>
    public const string Action = "action";

    /// <summary>S: source commit.</summary>
    public const string Commit = "commit";

    /// <summary>S: image repository.</summary>
    public const string Image = "image";

    /// <summary>S: image digest.</summary>
    public const string Digest = "digest";

    /// <summary>S: chart version.</summary>
    public const string ChartVersion = "chartVersion";

    /// <summary>S: the environment promoted from.</summary>
    public const string From = "from";

    /// <summary>S: who deployed.</summary>
    public const string By = "by";

    /// <summary>L of S: the approvers the record commit names.</summary>
    public const string ApprovedBy = "approvedBy";

    /// <summary>S: the git commit that recorded the fact.</summary>
    public const string Record = "record";

    /// <summary>S: the release tag.</summary>
    public const string Tag = "tag";

    /// <summary>S: the environment name while this is the component's newest fact there; partition of <see cref="CurrentIndex"/>.</summary>
    public const string Current = "current";

    /// <summary>The index of what runs in each environment now.</summary>
    public const string CurrentIndex = "current-index";

    /// <summary>The index of one component's history.</summary>
    public const string HistoryIndex = "history-index";

    /// <summary>The partition of the publish marks; no version starts with #.</summary>
    public const string MarksPartition = "#published";

    /// <summary>The sort key of the publish mark of <paramref name="repository"/>'s history of <paramref name="environment"/> (null: its release tags).</summary>
    public static string MarkKey(string repository, string? environment) =>
        environment is null ? $"{repository}#tags" : $"{repository}@{environment}";
}
