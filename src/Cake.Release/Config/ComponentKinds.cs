namespace Cake.Release.Config;

/// <summary>
/// The kinds of component the central release record groups by (seed 001's <c>ReleaseFragments</c> sort key
/// <c>component#name</c>): a service's <c>kind:</c> in release.yaml.
/// </summary>
public static class ComponentKinds
{
    /// <summary>A service behind an API: the default.</summary>
    public const string Backend = "backend";

    /// <summary>A web frontend.</summary>
    public const string Frontend = "frontend";

    /// <summary>Event schemas (Kafka topics).</summary>
    public const string Kafka = "kafka";

    /// <summary>Infrastructure, e.g. a Helm chart released on its own (the default of <c>image: false</c>).</summary>
    public const string Infra = "infra";

    /// <summary>Kubernetes deployment configuration.</summary>
    public const string K8s = "k8s";

    /// <summary>Every kind, in the seed's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Backend, Frontend, Kafka, Infra, K8s];
}
