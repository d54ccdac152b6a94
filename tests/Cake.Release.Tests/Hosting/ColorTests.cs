using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Hosting;

/// <summary>
/// ANSI colour codes only where a terminal shows them: never in a file or a pipe (a CI log, <c>| tee</c>), never with
/// NO_COLOR, always with FORCE_COLOR. The fixture pipeline runs as a real process; under a terminal through
/// util-linux <c>script</c>, which gives it a pseudo-terminal.
/// </summary>
public sealed class ColorTests
{
    private const char Escape = '\u001b';

    // On a terminal NO_COLOR is about colour: .NET itself may still switch the terminal's keypad mode (ESC [?1h).
    private static readonly System.Text.RegularExpressions.Regex Colour = new(@"\u001b\[[0-9;]*m");

    // What makes Cake's own detection choose colours: an xterm, and GitHub Actions (which it trusts to render them).
    private static Dictionary<string, string> ColourfulTerminal(params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string> { ["NO_COLOR"] = "", ["FORCE_COLOR"] = "", ["TERM"] = "xterm-256color", ["GITHUB_ACTION"] = "run1" };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    [Theory]
    [InlineData("--target=AfterContinue")] // a warning, the task summary
    [InlineData("--target=Fails")] // an error
    [InlineData("--description")] // Spectre's table
    public void Output_into_a_pipe_has_no_escape_codes(string target)
    {
        var result = SamplePipeline.Run(ColourfulTerminal(), target);

        Assert.DoesNotContain(Escape, result.Output);
        Assert.DoesNotContain(Escape, result.Error);
        Assert.Contains(target == "--description" ? "Compiles" : "Error", result.All, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("3")]
    public void FORCE_COLOR_puts_them_into_a_pipe_too_even_with_NO_COLOR(string value)
    {
        var forced = SamplePipeline.Run(ColourfulTerminal(("FORCE_COLOR", value)), "--target=AfterContinue");
        var both = SamplePipeline.Run(ColourfulTerminal(("FORCE_COLOR", value), ("NO_COLOR", "1")), "--target=AfterContinue");

        Assert.Contains(Escape, forced.Output);
        Assert.Contains(Escape, both.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    public void FORCE_COLOR_off_forces_nothing(string value)
    {
        Assert.DoesNotContain(Escape, SamplePipeline.Run(ColourfulTerminal(("FORCE_COLOR", value)), "--target=AfterContinue").All);
    }

    [Fact]
    public void A_terminal_gets_colours_unless_NO_COLOR_is_set()
    {
        var colours = UnderTerminal(ColourfulTerminal(), "--target=AfterContinue");
        var none = UnderTerminal(ColourfulTerminal(("NO_COLOR", "1")), "--target=AfterContinue");
        var anyValue = UnderTerminal(ColourfulTerminal(("NO_COLOR", "false")), "--target=AfterContinue");

        Assert.Matches(Colour, colours.Output);
        Assert.Contains("FailsButContinues", none.Output);
        Assert.DoesNotMatch(Colour, none.Output);
        Assert.DoesNotMatch(Colour, anyValue.Output);
    }

    private static ProcessResult UnderTerminal(Dictionary<string, string> environment, string target)
    {
        var command = $"dotnet '{SamplePipeline.Assembly}' {target}";
        return ProcessRun.Start("script", ["--quiet", "--return", "--command", command, "/dev/null"], environment: environment);
    }
}
