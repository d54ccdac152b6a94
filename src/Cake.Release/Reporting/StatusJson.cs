using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cake.Release.Reporting;

/// <summary>
/// The status matrix as release fragments (seed 001's ReleaseFragments): a JSON array with one object per service
/// and environment where the service runs, keys <c>component</c>, <c>environment</c>, <c>version</c>, <c>commit</c>,
/// <c>digest</c>, <c>date</c>, <c>image</c>, <c>by</c>, <c>drift</c> in that order. A matrix of the central release
/// record adds <c>repository</c>, <c>kind</c> and <c>service</c> after <c>component</c> (then <c>repository/service</c>),
/// and <c>incomplete</c> (the note) after <c>drift</c> where a release is incomplete.
/// </summary>
public static class StatusJson
{
    /// <summary>The fragments in environment-chain order, then by service name; indented, LF line endings, a final newline.</summary>
    /// <param name="status">The matrix.</param>
    public static string Render(ReleaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        // Relaxed escaping keeps '+' in versions readable; the file is data, never pasted into a page.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var cell in status.Deployments)
            {
                var entry = cell.Entry!;
                json.WriteStartObject();
                json.WriteString("component", cell.Service);
                if (status.SpansRepositories)
                {
                    var component = status.Component(cell.Service);
                    json.WriteString("repository", component.Repository);
                    json.WriteString("kind", component.Kind);
                    json.WriteString("service", component.Service);
                }

                json.WriteString("environment", cell.Environment);
                json.WriteString("version", entry.Version);
                json.WriteString("commit", entry.Commit);
                json.WriteString("digest", entry.Digest);
                if (cell.Configuration is { } configuration)
                {
                    json.WriteString("config", configuration);
                }

                json.WriteString("date", entry.Deployed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("image", entry.Image);
                json.WriteString("by", entry.By);
                json.WriteStartArray("drift");
                cell.DriftNames.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                if (cell.Incomplete is { } note)
                {
                    json.WriteString("incomplete", note);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
