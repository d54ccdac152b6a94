using Cake.Release.Config;
using Cake.Release.Versioning;
using NuGet.Versioning;

namespace Cake.Release.Promotion;

/// <summary>The refs a promotion writes, named by release.yaml's templates.</summary>
/// <param name="ReleaseBranch"><c>tags.releaseBranch</c>, e.g. release/blue-1.6.</param>
/// <param name="ReleaseTag"><c>tags.release</c>, e.g. blue/1.6.0.</param>
/// <param name="MilestoneTag">The target's <c>milestoneTag</c>, e.g. release-prd-20250120, or null.</param>
public sealed record PromotionNames(string ReleaseBranch, string ReleaseTag, string? MilestoneTag)
{
    /// <summary>Renders the templates for one release.</summary>
    public static PromotionNames For(ReleaseConfig config, EnvironmentConfig target, string service, SemanticVersion version, string? commit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(target);
        var values = new TemplateValues { Service = service, Version = ReleaseVersion.Text(version), Sha = commit, Environment = target.Name, Date = now };
        return new PromotionNames(config.Tags.ReleaseBranch.Render(values), config.Tags.Release.Render(values), target.MilestoneTag?.Render(values));
    }
}
