using Cake.Core;
using Spectre.Console;

namespace Cake.Release.Hosting;

/// <summary>
/// Whether the run writes ANSI colour codes: on a terminal, as Cake decides there; never when the output is a file
/// or a pipe (a CI log, <c>| tee</c>) or <c>NO_COLOR</c> is set (https://no-color.org); always when <c>FORCE_COLOR</c>
/// is set (not <c>0</c> or <c>false</c>), for log viewers that render them. Cake's own detection trusts <c>TERM</c> and
/// CI variables even when the output is redirected, which fills log files with escape codes.
/// </summary>
internal enum OutputColors
{
    /// <summary>No escape codes at all.</summary>
    Off,

    /// <summary>A terminal: Cake's detection decides (e.g. <c>TERM=dumb</c> gets none).</summary>
    Terminal,

    /// <summary>Escape codes even into a file or a pipe.</summary>
    Forced,
}

/// <summary>How the host reads the colour settings and applies them to Cake's console and Spectre's.</summary>
internal static class OutputColorsPolicy
{
    public static OutputColors Decide(Func<string, string?> variable, bool redirected) =>
        variable("FORCE_COLOR") is { Length: > 0 } force && force != "0" && !force.Equals("false", StringComparison.OrdinalIgnoreCase) ? OutputColors.Forced
        : !string.IsNullOrEmpty(variable("NO_COLOR")) || redirected ? OutputColors.Off
        : OutputColors.Terminal;

    public static OutputColors FromProcess() =>
        Decide(Environment.GetEnvironmentVariable, Console.IsOutputRedirected || Console.IsErrorRedirected);

    /// <summary>Spectre's console (the task summary, <c>--description</c>) under the same decision.</summary>
    public static IAnsiConsole Spectre(OutputColors colors) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = colors switch { OutputColors.Off => AnsiSupport.No, OutputColors.Forced => AnsiSupport.Yes, _ => AnsiSupport.Detect },
        ColorSystem = colors switch { OutputColors.Off => ColorSystemSupport.NoColors, OutputColors.Forced => ColorSystemSupport.Standard, _ => ColorSystemSupport.Detect },
        Out = new AnsiConsoleOutput(Console.Out),
    });
}
