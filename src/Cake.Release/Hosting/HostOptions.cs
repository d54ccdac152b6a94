using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Release.Hosting;

/// <summary>
/// The command line as the host reads it: Frosting's options, and every <c>--key=value</c> or
/// <c>--key value</c> kept as a Cake argument (the options too, so <c>Argument("target")</c> works).
/// </summary>
internal sealed class HostOptions
{
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["t"] = "target",
        ["v"] = "verbosity",
        ["e"] = "exclusive",
        ["w"] = "working",
        ["h"] = "help",
    };

    // Spellings of one option, folded so tasks and aliases need to ask for one name only.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["noop"] = DryRunExtensions.ArgumentName,
        ["whatif"] = DryRunExtensions.ArgumentName,
        ["dry-run"] = DryRunExtensions.ArgumentName,
        ["targets"] = "target",
    };

    // Options that never take the next word as their value.
    private static readonly HashSet<string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        DryRunExtensions.ArgumentName, "description", "tree", "exclusive", "version", "info", "help",
    };

    private HostOptions(ILookup<string, string> arguments) => Arguments = arguments;

    /// <summary>Every argument by name (case-insensitive), in the order given.</summary>
    public ILookup<string, string> Arguments { get; }

    public IReadOnlyList<string> Targets =>
        Arguments["target"].SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() is { Count: > 0 } targets
            ? targets
            : ["Default"];

    public bool TargetGiven => Arguments.Contains("target");

    public bool DryRun => IsOn(DryRunExtensions.ArgumentName);

    public bool Description => IsOn("description");

    public bool Tree => IsOn("tree");

    public bool Exclusive => IsOn("exclusive");

    // A bare --version asks for the host's version; --version=1.6.1 is the release targets' argument.
    public bool Version => Arguments["version"].LastOrDefault() == "true";

    public bool Info => IsOn("info");

    public bool Help => IsOn("help");

    public string? WorkingDirectory => Arguments["working"].LastOrDefault();

    public Verbosity? Verbosity => Arguments["verbosity"].LastOrDefault() is { } value ? ParseVerbosity(value) : null;

    public static HostOptions Parse(IEnumerable<string> args)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            string name;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                name = arg[2..];
            }
            else if (arg.StartsWith('-') && arg.Length > 1 && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[1..];
                var key = name.Split('=', 2)[0];
                if (!ShortNames.TryGetValue(key, out var longName))
                {
                    throw new CakeException($"Unknown option '{arg}'. Short options are -t (target), -v (verbosity), -e (exclusive), -w (working), -h (help); write others as --name=value.");
                }

                name = longName + name[key.Length..];
            }
            else
            {
                throw new CakeException($"Unexpected argument '{arg}'. Arguments are written --name=value or --name value, e.g. --target={arg}.");
            }

            string value;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (!Switches.Contains(Canonical(name)) && i + 1 < list.Count && !list[i + 1].StartsWith('-'))
            {
                value = list[++i];
            }
            else
            {
                value = "true";
            }

            if (name.Length == 0)
            {
                throw new CakeException($"Argument '{arg}' has no name. Write --name=value.");
            }

            pairs.Add(new(Canonical(name), value));
        }

        var options = new HostOptions(pairs.ToLookup(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
        _ = options.Verbosity; // a bad verbosity is reported before anything runs
        return options;
    }

    private static string Canonical(string name) => Synonyms.TryGetValue(name, out var canonical) ? canonical : name;

    private bool IsOn(string name) =>
        Arguments[name].LastOrDefault() is { } value && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    private static Verbosity ParseVerbosity(string value) => value.ToLowerInvariant() switch
    {
        "q" or "quiet" => Core.Diagnostics.Verbosity.Quiet,
        "m" or "minimal" => Core.Diagnostics.Verbosity.Minimal,
        "n" or "normal" => Core.Diagnostics.Verbosity.Normal,
        "v" or "verbose" => Core.Diagnostics.Verbosity.Verbose,
        "d" or "diagnostic" => Core.Diagnostics.Verbosity.Diagnostic,
        _ => throw new CakeException($"Unknown verbosity '{value}' (--verbosity). Use quiet, minimal, normal, verbose or diagnostic."),
    };
}
