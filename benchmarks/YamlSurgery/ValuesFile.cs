using System.Globalization;
using System.Text;

namespace YamlSurgery;

/// <summary>A generated Helm values file of real shape: a service block after another, with comments, quoted tags, anchors and merge keys.</summary>
public static class ValuesFile
{
    public const int Services = 100;

    public static string Generate()
    {
        var text = new StringBuilder()
            .AppendLine("# Helm values for the shop umbrella chart.")
            .AppendLine("# Tags are written by the release pipeline; everything else by hand.")
            .AppendLine()
            .AppendLine("defaults: &defaults")
            .AppendLine("  resources:")
            .AppendLine("    limits: {cpu: 500m, memory: 256Mi}")
            .AppendLine("    requests: {cpu: 100m, memory: 128Mi}")
            .AppendLine();
        for (var i = 0; i < Services; i++)
        {
            var name = Name(i);
            text.AppendLine(CultureInfo.InvariantCulture, $"## {name}: owned by team-{i % 7}")
                .AppendLine(CultureInfo.InvariantCulture, $"{name}:")
                .AppendLine("  <<: *defaults")
                .AppendLine("  enabled: true # switched off per environment")
                .AppendLine("  replicaCount: 2")
                .AppendLine("  image:")
                .AppendLine(CultureInfo.InvariantCulture, $"    repository: registry.example.com/acme/{name}")
                .AppendLine("    # Overrides the image tag whose default is the chart appVersion.")
                .AppendLine(CultureInfo.InvariantCulture, $"    tag: \"1.{i}.0\"   # set by the release pipeline")
                .AppendLine("    pullPolicy: IfNotPresent")
                .AppendLine("  service:")
                .AppendLine("    type: ClusterIP")
                .AppendLine("    port: 80")
                .AppendLine("  env:")
                .AppendLine("    - name: LOG_LEVEL")
                .AppendLine("      value: info")
                .AppendLine("    - name: GREETING")
                .AppendLine("      value: 'hello, world'")
                .AppendLine("  podAnnotations:")
                .AppendLine(CultureInfo.InvariantCulture, $"    \"prometheus.io/scrape\": \"true\"");
        }

        return text.ToString();
    }

    public static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"service{i:D3}");
}
