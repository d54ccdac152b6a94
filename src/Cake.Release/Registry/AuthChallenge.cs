namespace Cake.Release.Registry;

/// <summary>
/// A <c>WWW-Authenticate</c> challenge: the scheme (Basic or Bearer) and its parameters (realm, service, scope),
/// read per RFC 7235 so quoted values may hold commas (<c>scope="repository:a/b:pull,push"</c>).
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    /// <summary>The challenge in a header value, or null when it is not <c>scheme key=value, …</c>.</summary>
    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = space < 0 ? text.Length : space + 1;
        while (position < text.Length)
        {
            while (position < text.Length && (text[position] == ' ' || text[position] == ','))
            {
                position++;
            }

            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var key = text[position..equals].Trim();
            position = equals + 1;
            string value;
            if (position < text.Length && text[position] == '"')
            {
                var builder = new System.Text.StringBuilder();
                position++;
                while (position < text.Length && text[position] != '"')
                {
                    // quoted-pair: a backslash takes the next character literally.
                    if (text[position] == '\\' && position + 1 < text.Length)
                    {
                        position++;
                    }

                    builder.Append(text[position++]);
                }

                position++;
                value = builder.ToString();
            }
            else
            {
                var comma = text.IndexOf(',', position);
                var end = comma < 0 ? text.Length : comma;
                value = text[position..end].Trim();
                position = end;
            }

            if (key.Length > 0)
            {
                parameters[key] = value;
            }
        }

        return new AuthChallenge(scheme, parameters);
    }
}
