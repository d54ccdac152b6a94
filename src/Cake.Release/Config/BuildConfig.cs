namespace Cake.Release.Config;

/// <summary>How images are built (<c>build:</c>).</summary>
public sealed record BuildConfig
{
    /// <summary>The builder; <c>docker</c> unless <c>build.builder</c> says otherwise.</summary>
    public BuilderKind Builder { get; init; } = BuilderKind.Docker;
}
