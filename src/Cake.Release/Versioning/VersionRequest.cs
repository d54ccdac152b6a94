using NuGet.Versioning;

namespace Cake.Release.Versioning;

/// <summary>What the user asked for: a bump rule and channel, or an explicit version.</summary>
public sealed record VersionRequest
{
    /// <summary>The bump rule (<c>--bump</c>); <see cref="VersionBump.Auto"/> by default.</summary>
    public VersionBump Bump { get; init; } = VersionBump.Auto;

    /// <summary>The pre-release channel (<c>--prerelease=rc</c>); null for a stable release unless <see cref="VersionBump.Prerelease"/>.</summary>
    public string? PreRelease { get; init; }

    /// <summary>The exact version (<c>--version</c>); the bump rule is ignored when set.</summary>
    public SemanticVersion? Explicit { get; init; }

    /// <summary>Reads <c>--bump</c>: major, minor, patch, prerelease or auto (case-insensitive).</summary>
    /// <param name="text">The argument's value; null or empty means auto.</param>
    public static VersionBump ParseBump(string? text) =>
        string.IsNullOrWhiteSpace(text) ? VersionBump.Auto
        : Enum.TryParse<VersionBump>(text, ignoreCase: true, out var bump) && !int.TryParse(text, out _) ? bump
        : throw new ReleaseException($"--bump={text} is not a bump rule; pass --bump=major, minor, patch, prerelease or auto.");
}
