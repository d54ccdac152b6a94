using Cake.Release.Building;
using Cake.Release.Changes;

namespace Cake.Release.Promotion;

/// <summary>What DeployDev records from one BuildOnce: the images built or found (and configuration changes), then the chart-only services' released chart versions; then it publishes them to the release record.</summary>
internal static class DeployDevResults
{
    public static DeployDevResult Record(DevDeployment deployment, BuildOnceResult built, ChangeSet? changes)
    {
        // Only charts changed: the images' "no service changed" would say the environment stays as it is.
        var chartsOnly = built.Builds.Count == 0 && built.Charts.Count > 0 && (changes?.Reconfigured ?? []).Count == 0;
        var images = chartsOnly ? new DeployDevResult(deployment.Environment.Name, []) : deployment.Record(built.Builds, changes);
        var charts = deployment.RecordCharts(built.Charts, built.Commit);
        deployment.Publish();
        return charts.Count == 0 ? images : images with { Deployments = [.. images.Deployments, .. charts] };
    }
}
