using Cake.Release.Fragments;
using Cake.Release.Tests.Infrastructure;
using Cake.Release.Tests.Promotion;

namespace Cake.Release.Tests.Fragments;

/// <summary>
/// The shop (a <see cref="PromotionWorld"/>: bare origin, real registry, CI checkout) publishing to a real
/// DynamoDB-compatible server (dynalite): release.yaml gains <c>publish:</c>, and every pipeline run reaches the
/// server through the AWS SDK's own variables.
/// </summary>
public sealed class PublishWorld : IDisposable
{
    public const string PublishSection = "publish:\n  dynamodb: ReleaseFragments\n";

    public PublishWorld(Dynalite dynalite, Func<string, string>? editConfig = null, bool publish = true, string section = PublishSection)
    {
        Dynalite = dynalite;
        World = new PromotionWorld(editConfig is null && !publish ? null : text => (editConfig?.Invoke(text) ?? text) + (publish ? section : ""));
    }

    public Dynalite Dynalite { get; }

    public PromotionWorld World { get; }

    /// <summary>This repository's name in the table: its origin's path, as the remote names it.</summary>
    public string Repository => RepositoryIdentity.FromRemote(GitRemote.Git(World.Clone, "remote", "get-url", "origin").Trim());

    public ProcessResult Run(params string[] args) => World.Run(new Dictionary<string, string>(Dynalite.Environment), args);

    public ProcessResult Run(IDictionary<string, string> environment, params string[] args) =>
        World.Run(new Dictionary<string, string>(Dynalite.Environment.Concat(environment).GroupBy(p => p.Key).Select(g => g.Last())), args);

    /// <summary>Adds <c>publish:</c> to release.yaml on main (for a world built without it).</summary>
    public void StartPublishing(string section = PublishSection)
    {
        var file = Path.Combine(World.Clone, "release.yaml");
        ShopMonorepo.Commit(World.Clone, "chore: publish the release record", new Dictionary<string, string?> { ["release.yaml"] = File.ReadAllText(file) + section });
    }

    public void Dispose() => World.Dispose();
}
