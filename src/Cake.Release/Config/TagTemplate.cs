using System.Text;

namespace Cake.Release.Config;

/// <summary>
/// A name pattern such as <c>{service}/{version}</c> or <c>release-prd-{date:yyyyMMdd}</c>, parsed once. Placeholders:
/// <c>{service} {version} {major} {minor} {patch} {sha} {sha7} {env} {date} {date:FORMAT}</c> (plain <c>{date}</c>
/// is <c>yyyyMMdd</c>).
/// </summary>
public sealed class TagTemplate
{
    /// <summary>The format of a plain <c>{date}</c>.</summary>
    public const string DefaultDateFormat = "yyyyMMdd";

    /// <summary>The placeholder names a template may use.</summary>
    public static IReadOnlyList<string> KnownPlaceholders { get; } = ["service", "version", "major", "minor", "patch", "sha", "sha7", "env", "date"];

    private readonly IReadOnlyList<Segment> _segments;

    private TagTemplate(string text, IReadOnlyList<Segment> segments, ConfigLocation? location)
    {
        Text = text;
        _segments = segments;
        Location = location;
        Placeholders = segments.Where(s => s.Placeholder is not null).Select(s => s.Placeholder!).Distinct().ToList();
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The placeholder names it uses, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Where it was written in <c>release.yaml</c>, or null for a template made in code.</summary>
    public ConfigLocation? Location { get; }

    /// <summary>Parses a template made in code; a mistake is a <see cref="ReleaseException"/> naming the template.</summary>
    /// <param name="text">The template, e.g. <c>{service}/{version}</c>.</param>
    public static TagTemplate Parse(string text)
    {
        var error = TryParse(text, null, out var template);
        return error is null ? template! : throw new ReleaseException($"Tag template \"{text}\" {error}.");
    }

    /// <summary>Whether the template uses a placeholder (e.g. <c>version</c>).</summary>
    /// <param name="placeholder">The placeholder name without braces.</param>
    public bool Uses(string placeholder) => Placeholders.Contains(placeholder);

    /// <summary>Renders the template; a placeholder without a value is a <see cref="ReleaseException"/> naming the template.</summary>
    /// <param name="values">The values known at this step.</param>
    public string Render(TemplateValues values)
    {
        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Placeholder is null)
            {
                text.Append(segment.Literal);
                continue;
            }

            var value = values.Value(segment.Placeholder, segment.Format);
            if (string.IsNullOrEmpty(value))
            {
                throw new ReleaseException($"{Describe()} needs {{{segment.Placeholder}}}, {Missing(segment.Placeholder, values)}; " +
                    $"placeholders known at this step: {Known(values)}.");
            }

            text.Append(value);
        }

        return text.ToString();
    }

    /// <summary>
    /// The reverse of <see cref="Render"/> for one service: a pattern matching the names this template gives that
    /// service's releases, capturing the version as <c>version</c> (other placeholders match what they may render).
    /// </summary>
    /// <param name="service">The service whose names to match; null matches the names of any service.</param>
    internal System.Text.RegularExpressions.Regex Matcher(string? service) => Pattern(service is null ? null : [service]);

    /// <summary>
    /// One pattern matching the names this template gives the releases of any of <paramref name="services"/>: a name
    /// matches it exactly when it matches <see cref="Matcher(string?)"/> of one of them, so checking a name against
    /// every service costs one match, not one pattern per service (release.yaml's check of 1,000 services would
    /// otherwise build millions of patterns).
    /// </summary>
    /// <param name="services">The services whose names to match.</param>
    internal System.Text.RegularExpressions.Regex MatcherForAny(IReadOnlyList<string> services) => Pattern(services);

    // The services' names in place of {service}; null: any name.
    private System.Text.RegularExpressions.Regex Pattern(IReadOnlyList<string>? services)
    {
        var pattern = new StringBuilder("^");
        var versionSeen = false;
        var serviceSeen = false;
        foreach (var segment in _segments)
        {
            pattern.Append(segment.Placeholder switch
            {
                null => System.Text.RegularExpressions.Regex.Escape(segment.Literal!),
                "service" when services is [var only] => System.Text.RegularExpressions.Regex.Escape(only),
                "service" when services is [] => "(?!)",
                // Every {service} of one name is the same service, as when the template is rendered for one.
                "service" when services is not null && !serviceSeen => $"(?<service>{string.Join('|', services.Select(System.Text.RegularExpressions.Regex.Escape))})",
                "service" when services is not null => "\\k<service>",
                "version" when !versionSeen => "(?<version>[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)",
                "version" => "\\k<version>",
                "major" or "minor" or "patch" => "[0-9]+",
                "sha" => "[0-9a-f]{40}",
                "sha7" => "[0-9a-f]{7}",
                _ => "[^/]+?",
            });
            versionSeen |= segment.Placeholder == "version";
            serviceSeen |= segment.Placeholder == "service";
        }

        return new System.Text.RegularExpressions.Regex(pattern.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    /// <summary>The template as written.</summary>
    public override string ToString() => Text;

    /// <summary>Parses a template, returning the reason it is wrong (for "tags.release \"…\" &lt;reason&gt;") or null.</summary>
    internal static string? TryParse(string text, ConfigLocation? location, out TagTemplate? template)
    {
        template = null;
        var segments = new List<Segment>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOfAny(['{', '}'], i);
            if (open < 0)
            {
                segments.Add(new Segment(text[i..], null, null));
                break;
            }

            if (text[open] == '}')
            {
                return $"has a '}}' with no '{{' at position {open + 1}; remove it or add the opening brace";
            }

            if (open > i)
            {
                segments.Add(new Segment(text[i..open], null, null));
            }

            var close = text.IndexOf('}', open + 1);
            var nested = text.IndexOf('{', open + 1);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                return $"has a '{{' with no closing '}}' at position {open + 1}; close the placeholder, e.g. {{version}}";
            }

            var inner = text[(open + 1)..close];
            var colon = inner.IndexOf(':');
            var name = colon < 0 ? inner : inner[..colon];
            var format = colon < 0 ? null : inner[(colon + 1)..];
            if (!KnownPlaceholders.Contains(name))
            {
                var closest = ClosestNames.For(name, KnownPlaceholders, 1);
                var hint = closest.Count > 0 ? $"did you mean {{{closest[0]}}}? " : string.Empty;
                return $"uses the unknown placeholder {{{inner}}}; {hint}known: {string.Join(" ", KnownPlaceholders.Select(p => $"{{{p}}}"))}";
            }

            if (format is not null && name != "date")
            {
                return $"gives {{{name}}} a format; only {{date:FORMAT}} takes one, write {{{name}}}";
            }

            if (format is not null && !IsDateFormat(format))
            {
                return $"has the date format \"{format}\"; write it with y, M, d, H, m, s and the separators - _ . only, e.g. {{date:yyyyMMdd}}";
            }

            segments.Add(new Segment(null, name, format));
            i = close + 1;
        }

        if (text.Length == 0)
        {
            return "is empty; give it a name pattern, e.g. \"{service}/{version}\"";
        }

        template = new TagTemplate(text, segments, location);
        return null;
    }

    // Only the parts of a date, with separators that every tag, branch and image tag accepts: a rendered name
    // must never carry a culture's text, a space or a ':'.
    private static bool IsDateFormat(string format) =>
        format.Length > 0 && format.Any(c => c is 'y' or 'M' or 'd') && format.All(c => c is 'y' or 'M' or 'd' or 'H' or 'm' or 's' or '-' or '_' or '.');

    private static string Missing(string placeholder, TemplateValues values) => placeholder switch
    {
        "major" or "minor" or "patch" when values.Version is not null => $"but the version \"{values.Version}\" is not MAJOR.MINOR.PATCH",
        _ => "which is not known at this step",
    };

    private static string Known(TemplateValues values)
    {
        var known = KnownPlaceholders.Where(p => !string.IsNullOrEmpty(values.Value(p, null))).Select(p => $"{{{p}}}").ToList();
        return known.Count > 0 ? string.Join(" ", known) : "none";
    }

    private string Describe() => Location is null
        ? $"Tag template \"{Text}\""
        : $"{Location}: {Location.Key} \"{Text}\"";

    private sealed record Segment(string? Literal, string? Placeholder, string? Format);
}
