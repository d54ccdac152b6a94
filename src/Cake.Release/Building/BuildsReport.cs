using System.Text.Json;

namespace Cake.Release.Building;

/// <summary>
/// <c>artifacts/builds.json</c>: what BuildOnce built or found (service, commit, tag, image, digest, built) and which
/// services failed, for the steps after it (DeployDev, a CI matrix, a release note).
/// </summary>
internal static class BuildsReport
{
    public const string RelativePath = "artifacts/builds.json";

    public static string Write(string repositoryRoot, string commit, IReadOnlyList<ServiceBuild> builds, IReadOnlyList<ImageBuildException> failures)
    {
        var file = Path.Combine(repositoryRoot, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + $".{Environment.ProcessId}.tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("commit", commit);
            json.WriteStartArray("builds");
            foreach (var build in builds)
            {
                json.WriteStartObject();
                json.WriteString("service", build.Service);
                json.WriteString("commit", build.Commit);
                json.WriteString("tag", build.Tag);
                json.WriteString("image", build.Image);
                json.WriteString("digest", build.Digest);
                json.WriteBoolean("built", build.Built);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("failed");
            foreach (var failure in failures)
            {
                json.WriteStartObject();
                json.WriteString("service", failure.Service);
                json.WriteString("reason", failure.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Replaced whole, so a reader never sees half a file.
        File.Move(temporary, file, overwrite: true);
        return file;
    }

}
