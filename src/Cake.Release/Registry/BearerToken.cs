using System.Text.Json;

namespace Cake.Release.Registry;

/// <summary>
/// A token from a registry's token endpoint and when to stop using it. The distribution token spec says
/// <c>expires_in</c> defaults to 60 s; a margin keeps a token from expiring between check and use.
/// </summary>
internal sealed record BearerToken(string Value, DateTimeOffset Expires)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public bool IsFreshAt(DateTimeOffset now) => now < Expires - Margin;

    /// <summary>The token in a token endpoint's answer (<c>token</c> or <c>access_token</c>), or null when there is none.</summary>
    public static BearerToken? Parse(string json, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var value = Text(root, "token") ?? Text(root, "access_token");
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var lifetime = root.TryGetProperty("expires_in", out var seconds) && seconds.ValueKind == JsonValueKind.Number && seconds.GetInt32() > 0
            ? TimeSpan.FromSeconds(seconds.GetInt32())
            : TimeSpan.FromSeconds(60);
        var issued = Text(root, "issued_at") is { } at && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) && parsed <= now
            ? parsed
            : now;
        return new BearerToken(value, issued + lifetime);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A token is a secret: a record's generated ToString would print it.
    public override string ToString() => $"bearer token until {Expires:u}";
}
