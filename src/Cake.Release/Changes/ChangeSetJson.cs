using System.Text;
using System.Text.Json;

namespace Cake.Release.Changes;

/// <summary>
/// <c>artifacts/changed.json</c>: the change set for later steps (BuildOnce reads <c>services[].service</c> and
/// <c>build</c>, false for a configuration change alone) and for
/// people. Enum values are written in kebab case (<c>merge-base</c>); a base that did not exist is <c>null</c>.
/// </summary>
public static class ChangeSetJson
{
    /// <summary>The file's path under the repository root.</summary>
    public const string RelativePath = "artifacts/changed.json";

    /// <summary>The change set as indented JSON, ending with a newline.</summary>
    /// <param name="changes">The change set.</param>
    public static string Write(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("head", changes.Head);
            json.WriteString("mode", Kebab(changes.Mode.ToString()));
            json.WriteStartArray("services");
            foreach (var service in changes.Services)
            {
                json.WriteStartObject();
                json.WriteString("service", service.Name);
                json.WriteString("base", service.Base);
                json.WriteString("baseSource", Kebab(service.BaseSource.ToString()));
                json.WriteBoolean("build", !service.ConfigurationOnly);
                json.WriteStartArray("reasons");
                foreach (var reason in service.Reasons)
                {
                    WriteReason(json, reason);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unchanged");
            changes.Unchanged.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WritePropertyName("outside");
            WriteFiles(json, changes.Outside);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteReason(Utf8JsonWriter json, ChangeReason reason)
    {
        json.WriteStartObject();
        json.WriteString("kind", Kebab(reason.Kind.ToString()));
        if (reason.DependsOn is not null)
        {
            json.WriteString("dependsOn", reason.DependsOn);
        }

        if (reason.Detail is not null)
        {
            json.WriteString("detail", reason.Detail);
        }

        if (reason.Files.Count > 0)
        {
            json.WritePropertyName("files");
            WriteFiles(json, reason.Files);
        }

        json.WriteEndObject();
    }

    private static void WriteFiles(Utf8JsonWriter json, IReadOnlyList<ChangedFile> files)
    {
        json.WriteStartArray();
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("status", Kebab(file.Status.ToString()));
            json.WriteString("path", file.Path);
            if (file.OldPath is not null)
            {
                json.WriteString("oldPath", file.OldPath);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
