using Cake.Release.Building;

namespace Cake.Release.Promotion;

/// <summary>What DeployDev records from one BuildOnce: the images built or found, then the chart-only services' released chart versions.</summary>
internal static class DeployDevResults
{
    public static DeployDevResult Record(DevDeployment deployment, BuildOnceResult built)
    {
        // Only charts changed: the images' "no service changed" would say the environment stays as it is.
        var images = built.Builds.Count > 0 || built.Charts.Count == 0 ? deployment.Record(built.Builds) : new DeployDevResult(deployment.Environment.Name, []);
        var charts = deployment.RecordCharts(built.Charts, built.Commit);
        return charts.Count == 0 ? images : images with { Deployments = [.. images.Deployments, .. charts] };
    }
}
