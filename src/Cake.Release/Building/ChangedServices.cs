using System.Text.Json;

namespace Cake.Release.Building;

/// <summary>
/// The services DetectChanged listed in <c>artifacts/changed.json</c>, and the head commit it compared: those to build,
/// and those whose configuration alone changed (<c>"build": false</c>).
/// </summary>
internal sealed record ChangedServices(string? Head, IReadOnlyList<string> Services, IReadOnlyList<string> Reconfigured)
{
    public const string RelativePath = "artifacts/changed.json";

    /// <summary>Reads the file under the repository root; a missing or malformed one is a one-line refusal saying what to run.</summary>
    public static ChangedServices Read(string repositoryRoot)
    {
        var file = Path.Combine(repositoryRoot, RelativePath);
        if (!File.Exists(file))
        {
            throw new ReleaseException($"BuildOnce: {RelativePath} is not there ({repositoryRoot}); run DetectChanged first, or name the services with --service=<name>.");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            var head = root.TryGetProperty("head", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            if (!root.TryGetProperty("services", out var services) || services.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(file, "has no \"services\" list");
            }

            var (names, reconfigured) = (new List<string>(), new List<string>());
            foreach (var entry in services.EnumerateArray())
            {
                var name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("service", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                var build = !(entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("build", out var b) && b.ValueKind == JsonValueKind.False);
                (build ? names : reconfigured).Add(name ?? throw Malformed(file, "has a services entry without a \"service\" name"));
            }

            return new ChangedServices(head, names, reconfigured);
        }
        catch (JsonException e)
        {
            throw Malformed(file, $"is not valid JSON ({e.Message.Split('\n')[0]})");
        }
    }

    private static ReleaseException Malformed(string file, string problem) =>
        new($"BuildOnce: {file} {problem}; run DetectChanged again to rewrite it, or name the services with --service=<name>.");
}
