namespace Cake.Release.Config;

/// <summary>How images are built (<c>build:</c>).</summary>
public sealed record BuildConfig
{
    /// <summary>The builder; <c>docker</c> unless <c>build.builder</c> says otherwise.</summary>
    public BuilderKind Builder { get; init; } = BuilderKind.Docker;

    /// <summary>The one platform images are built for (<c>build.platform</c>, e.g. <c>linux/amd64</c>); null: the builder's (the machine's).</summary>
    public string? Platform { get; init; }

    /// <summary>Build arguments every service's build gets (<c>build.args</c>); a service's <c>buildArgs</c> override them.</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();
}
