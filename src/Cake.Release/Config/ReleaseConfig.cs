using Cake.Release.Hosting;

namespace Cake.Release.Config;

/// <summary>The typed, validated <c>release.yaml</c> (version 1): registry, git, tags, build, environments and services.</summary>
public sealed record ReleaseConfig
{
    /// <summary>The configuration file as the user named it (e.g. <c>release.yaml</c>); errors start with it.</summary>
    public required string File { get; init; }

    /// <summary>The repository root: the folder of the configuration file, as a full path.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>
    /// Where images go, as written: <c>oci:&lt;dir&gt;</c> (an OCI image layout on disk, the default
    /// <c>oci:.release/registry</c>), <c>&lt;host&gt;[:port]/&lt;namespace&gt;</c>, or <c>http://…</c> for a plain-HTTP loopback registry.
    /// </summary>
    public string Registry { get; init; } = ReleaseConfigLoader.DefaultRegistry;

    /// <summary>Where the GitOps branches and manifests live.</summary>
    public GitConfig Git { get; init; } = new();

    /// <summary>The names of git tags, release branches and build image tags.</summary>
    public TagsConfig Tags { get; init; } = new();

    /// <summary>How images are built.</summary>
    public BuildConfig Build { get; init; } = new();

    /// <summary>Where releases are published beyond git (<c>publish:</c>), or null when they are not.</summary>
    public PublishConfig? Publish { get; init; }

    /// <summary>The environments, in file order.</summary>
    public required IReadOnlyList<EnvironmentConfig> Environments { get; init; }

    /// <summary>The services, in file order.</summary>
    public required IReadOnlyList<ServiceConfig> Services { get; init; }

    /// <summary>The environment DeployDev writes for every changed service, or null when none is <c>auto</c>.</summary>
    public EnvironmentConfig? AutoEnvironment => Environments.FirstOrDefault(e => e.Auto);

    /// <summary>The environment of that name; an unknown name is a one-line <see cref="ReleaseException"/> suggesting the closest.</summary>
    /// <param name="name">The environment name, e.g. from <c>--env</c>.</param>
    public EnvironmentConfig Environment(string name) =>
        Environments.FirstOrDefault(e => e.Name == name)
        ?? throw Unknown("environment", name, Environments.Select(e => e.Name));

    /// <summary>The service of that name; an unknown name is a one-line <see cref="ReleaseException"/> suggesting the closest.</summary>
    /// <param name="name">The service name, e.g. from <c>--service</c>.</param>
    public ServiceConfig Service(string name) =>
        Services.FirstOrDefault(s => s.Name == name)
        ?? throw Unknown("service", name, Services.Select(s => s.Name));

    /// <summary>The environment <paramref name="environment"/> is promoted from, or null at the start of a chain.</summary>
    /// <param name="environment">An environment of this configuration.</param>
    public EnvironmentConfig? Source(EnvironmentConfig environment) =>
        environment.From is null ? null : Environment(environment.From);

    /// <summary>The environments promoted from <paramref name="environment"/>, in file order.</summary>
    /// <param name="environment">An environment of this configuration.</param>
    public IReadOnlyList<EnvironmentConfig> Targets(EnvironmentConfig environment) =>
        Environments.Where(e => e.From == environment.Name).ToList();

    /// <summary>
    /// The <c>from</c> chain that ends at <paramref name="environment"/>, first environment first: for production,
    /// dev → staging → production. The loader has refused cycles, so the walk ends.
    /// </summary>
    /// <param name="environment">An environment of this configuration.</param>
    public IReadOnlyList<EnvironmentConfig> PromotionChain(EnvironmentConfig environment)
    {
        var chain = new List<EnvironmentConfig>();
        for (EnvironmentConfig? at = environment; at is not null; at = Source(at))
        {
            chain.Insert(0, at);
        }

        return chain;
    }

    /// <summary>
    /// Where the service's deployment configuration lives: its <c>deploy:</c> paths, the service's folder of every
    /// per-service overlay rendered (<c>deploy/blue</c> for <c>deploy/{service}/overlays/{env}</c>), and its chart when
    /// an environment renders charts. A change only there is a configuration change: deployed without a new build.
    /// </summary>
    /// <param name="service">A service of this configuration.</param>
    public IReadOnlyList<string> ConfigurationPaths(ServiceConfig service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var renders = Environments.Select(e => e.Render).OfType<RenderConfig>().ToList();
        return service.Deploy
            .Concat(renders.Select(r => r.ServiceFolder(service.Name)).OfType<string>())
            .Concat(service.Chart is { } chart && renders.Any(r => r.Helm is not null) ? [chart] : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private ReleaseException Unknown(string what, string name, IEnumerable<string> names)
    {
        var known = names.ToList();
        var closest = ClosestNames.For(name, known, 1);
        var hint = closest.Count > 0 ? $"did you mean {closest[0]}? " : string.Empty;
        return new ReleaseException($"{File}: there is no {what} \"{name}\"; {hint}{what}s: {string.Join(", ", known)}.");
    }
}
