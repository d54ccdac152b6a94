using System.Text.RegularExpressions;

namespace Cake.Release.Config;

/// <summary>
/// A configuration value that may reference environment variables as <c>${VAR}</c>, such as a webhook URL kept in
/// the CI secrets. It is resolved only when used, so an unset variable fails only the step that needs it. The
/// resolved value is treated as a secret: <see cref="ToString"/> and every error name the key and variable, never
/// the value.
/// </summary>
public sealed partial class ConfigValue
{
    private readonly string _raw;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates a value as written at <paramref name="location"/>.</summary>
    /// <param name="raw">The text as written, e.g. <c>${TEAMS_WEBHOOK_URL}</c>.</param>
    /// <param name="location">Where it was written, for errors.</param>
    /// <param name="environment">Reads an environment variable; null when it is not set.</param>
    /// <exception cref="ReleaseConfigException">The text has a <c>${</c> with no <c>}</c> or a bad variable name.</exception>
    public ConfigValue(string raw, ConfigLocation location, Func<string, string?> environment)
    {
        _raw = raw;
        _environment = environment;
        Location = location;
        Variables = ParseVariables(raw, location);
    }

    /// <summary>Where the value was written.</summary>
    public ConfigLocation Location { get; }

    /// <summary>The environment variables it references, in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// The value with every <c>${VAR}</c> replaced. A variable that is unset or empty is a
    /// <see cref="ReleaseConfigException"/> naming the key and the variable.
    /// </summary>
    public string Resolve()
    {
        foreach (var variable in Variables)
        {
            if (string.IsNullOrEmpty(_environment(variable)))
            {
                throw new ReleaseConfigException(Location,
                    $"{Location.Key} uses ${{{variable}}}, which is not set; set it in the CI secrets or the shell");
            }
        }

        return VariableReference().Replace(_raw, m => _environment(m.Groups[1].Value)!);
    }

    /// <summary>The key and location, never the value: it may be a secret.</summary>
    public override string ToString() => $"{Location.Key} ({Location})";

    private static IReadOnlyList<string> ParseVariables(string raw, ConfigLocation location)
    {
        var names = new List<string>();
        var at = 0;
        while ((at = raw.IndexOf("${", at, StringComparison.Ordinal)) >= 0)
        {
            var close = raw.IndexOf('}', at);
            if (close < 0)
            {
                throw new ReleaseConfigException(location, $"{location.Key} has a '${{' with no closing '}}'; write ${{NAME}}");
            }

            var name = raw[(at + 2)..close];
            if (!VariableName().IsMatch(name))
            {
                // The name itself is not secret, but it may be a pasted value: describe it rather than quote it.
                throw new ReleaseConfigException(location,
                    $"{location.Key} references a variable whose name is not letters, digits and '_'; write ${{NAME}}, e.g. ${{TEAMS_WEBHOOK_URL}}");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }

            at = close + 1;
        }

        return names;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariableReference();
}
