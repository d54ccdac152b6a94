namespace Cake.Release.Manifests;

/// <summary>
/// A Kubernetes equality-based label selector (<c>app=blue,tier!=cache</c>, <c>app</c>, <c>!legacy</c>): what picks
/// one service's resources out of an overlay every service shares. The set-based forms (<c>in</c>, <c>notin</c>) are
/// not read; a selector using them is refused when it is parsed.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(string text, IReadOnlyList<Requirement> requirements) => (Text, _requirements) = (text, requirements);

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>Parses a selector, or says why it cannot be read.</summary>
    /// <param name="text">The selector, e.g. <c>app.kubernetes.io/name=blue</c>.</param>
    /// <param name="selector">The selector, when it parses.</param>
    public static string? TryParse(string text, out LabelSelector? selector)
    {
        ArgumentNullException.ThrowIfNull(text);
        selector = null;
        var requirements = new List<Requirement>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                return "has an empty requirement; write key=value, key!=value, key or !key, separated by commas";
            }

            if (part.Contains(" in ", StringComparison.Ordinal) || part.Contains(" notin ", StringComparison.Ordinal) || part.Contains('('))
            {
                return $"uses a set-based requirement ({part}), which is not read here; write key=value requirements separated by commas";
            }

            var requirement = part.Contains("!=", StringComparison.Ordinal) ? Split(part, "!=", Operator.NotEquals)
                : part.Contains("==", StringComparison.Ordinal) ? Split(part, "==", Operator.Equals)
                : part.Contains('=') ? Split(part, "=", Operator.Equals)
                : part.StartsWith('!') ? new Requirement(part[1..].Trim(), Operator.Absent, null)
                : new Requirement(part, Operator.Present, null);
            if (requirement.Key.Length == 0 || requirement.Key.Any(char.IsWhiteSpace) || requirement.Value?.Any(c => char.IsWhiteSpace(c) || c == '=' || c == '!') == true)
            {
                return $"has a requirement that is not key=value ({part}); write e.g. app={{service}}";
            }

            requirements.Add(requirement);
        }

        selector = new LabelSelector(text, requirements);
        return null;
    }

    /// <summary>Parses a selector; one that cannot be read is a <see cref="ReleaseException"/>.</summary>
    /// <param name="text">The selector.</param>
    public static LabelSelector Parse(string text) =>
        TryParse(text, out var selector) is { } problem ? throw new ReleaseException($"Label selector \"{text}\" {problem}.") : selector!;

    /// <summary>Whether a resource with these labels is selected.</summary>
    /// <param name="labels">The resource's <c>metadata.labels</c>.</param>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return _requirements.All(r => r.Operator switch
        {
            Operator.Equals => labels.TryGetValue(r.Key, out var value) && value == r.Value,
            Operator.NotEquals => !labels.TryGetValue(r.Key, out var value) || value != r.Value,
            Operator.Present => labels.ContainsKey(r.Key),
            _ => !labels.ContainsKey(r.Key),
        });
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static Requirement Split(string part, string op, Operator kind)
    {
        var at = part.IndexOf(op, StringComparison.Ordinal);
        return new Requirement(part[..at].Trim(), kind, part[(at + op.Length)..].Trim());
    }

    private enum Operator
    {
        Equals,
        NotEquals,
        Present,
        Absent,
    }

    private sealed record Requirement(string Key, Operator Operator, string? Value);
}
