using Cake.Release.Manifests;

namespace Cake.Release.Reporting;

/// <summary>One cell of the status matrix: what runs of a service in an environment, how old it is, and its drift.</summary>
/// <param name="Service">The service (a row).</param>
/// <param name="Environment">The environment (a column).</param>
/// <param name="Entry">The manifest entry, or null when the service does not run there.</param>
/// <param name="Age">How long ago the entry was deployed (<c>12m</c>, <c>5h</c>, <c>3d</c>), or null without an entry.</param>
/// <param name="Drift">The drift marks, in <see cref="DriftMarks.All"/> order; empty when none.</param>
public sealed record StatusCell(string Service, string Environment, ManifestEntry? Entry, string? Age, IReadOnlyList<DriftMark> Drift)
{
    /// <summary>In an environment that renders its configuration: the commit what runs was rendered from; else null.</summary>
    public string? Configuration { get; init; }

    /// <summary>With <see cref="DriftMark.Incomplete"/>: which release is missing here, e.g. <c>incomplete: 1.4.0 is in production for shop/frontend, not here</c>.</summary>
    public string? Incomplete { get; init; }

    /// <summary>True when the service runs in the environment.</summary>
    public bool Runs => Entry is not null;

    /// <summary>The first 12 hex digits of the digest (after <c>sha256:</c>), as registries and kubectl abbreviate it; null without one.</summary>
    public string? ShortDigest => Entry?.Digest is { } digest ? Abbreviate(digest) : null;

    /// <summary>The drift marks by name (<c>behind</c>, <c>config-behind</c>, <c>digest-mismatch</c>, <c>unverified</c>).</summary>
    public IReadOnlyList<string> DriftNames => Drift.Select(DriftMarks.Name).ToList();

    private static string Abbreviate(string digest)
    {
        var hex = digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return hex.Length > 12 ? hex[..12] : hex;
    }
}
