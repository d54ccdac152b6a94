using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>The <c>build:</c> section of release.yaml (builder, platform, args), and build-argument maps wherever they appear.</summary>
internal static partial class BuildSection
{
    private static readonly string[] BuildKeys = ["builder", "platform", "args"];

    private static readonly Dictionary<string, BuilderKind> Builders = new()
    {
        ["docker"] = BuilderKind.Docker,
        ["buildah"] = BuilderKind.Buildah,
        ["podman"] = BuilderKind.Podman,
        ["oci-layer"] = BuilderKind.OciLayer,
    };

    public static BuildConfig Read(ConfigReader reader, YamlMappingNode root)
    {
        if (ConfigReader.Optional(root, "build") is not { } node)
        {
            return new BuildConfig();
        }

        var build = reader.Mapping(node, "build", "build: { builder: docker }");
        reader.Entries(build, "build", BuildKeys, "a key of build");
        var builder = reader.OptionalText(build, "build", "builder", b => Builders.ContainsKey(b)
            ? null
            : $"is not a builder;{ConfigReader.Suggest(b, Builders.Keys)} use one of {string.Join(", ", Builders.Keys)}");
        return new BuildConfig
        {
            Builder = builder is null ? BuilderKind.Docker : Builders[builder],
            Platform = reader.OptionalText(build, "build", "platform", PlatformProblem),
            Args = Args(reader, build, "build", "args"),
        };
    }

    /// <summary>A map of build-argument names to values (<c>args:</c>, <c>buildArgs:</c>); empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> Args(ConfigReader reader, YamlMappingNode parent, string parentKey, string name)
    {
        if (ConfigReader.Optional(parent, name) is not { } node)
        {
            return new Dictionary<string, string>();
        }

        var key = ConfigReader.Join(parentKey, name);
        var map = reader.Mapping(node, key, $"{name}: {{ NODE_VERSION: \"22\" }}");
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (arg, keyNode, value) in reader.Entries(map, key, null, string.Empty))
        {
            var argKey = $"{key}.{arg}";
            if (!ArgName().IsMatch(arg))
            {
                throw reader.Error(keyNode, argKey, $"{argKey} is not a build argument name; use letters, digits, '_', '-' and '.', starting with a letter or '_' (as in the Dockerfile's ARG)");
            }

            // An empty value is a value (ARG X= is legal); only lists and maps are mistakes.
            args[arg] = value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : reader.Text(value, argKey);
        }

        return args;
    }

    // One platform: BuildOnce pushes one manifest per tag, not an index.
    private static string? PlatformProblem(string platform) =>
        platform.Contains(',', StringComparison.Ordinal)
            ? "names more than one platform; BuildOnce builds one image per tag, so give one, e.g. linux/amd64"
            : PlatformPattern().IsMatch(platform) ? null : "is not os/architecture[/variant]; write e.g. linux/amd64 or linux/arm64/v8";

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9_]+(?:/[a-z0-9]+)?$")]
    private static partial Regex PlatformPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex ArgName();
}
