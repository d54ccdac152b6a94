using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Release.Hosting;

namespace Cake.Release.Tests.Hosting;

/// <summary>Parsing the command line, in process: every spelling ends up as one canonical argument.</summary>
public sealed class HostOptionsTests
{
    [Fact]
    public void No_target_means_Default()
    {
        var options = HostOptions.Parse([]);

        Assert.Equal(["Default"], options.Targets);
        Assert.False(options.TargetGiven);
    }

    [Fact]
    public void Targets_repeat_and_may_be_comma_separated()
    {
        Assert.Equal(["A", "B", "C"], HostOptions.Parse(["--target=A", "-t", "B,C"]).Targets);
    }

    [Theory]
    [InlineData("--dryrun")]
    [InlineData("--noop")]
    [InlineData("--whatif")]
    [InlineData("--dry-run")]
    public void Every_dry_run_spelling_sets_the_one_dryrun_argument(string option)
    {
        var options = HostOptions.Parse([option, "--target=X"]);

        Assert.True(options.DryRun);
        Assert.Equal(["true"], options.Arguments[DryRunExtensions.ArgumentName]);
        Assert.Equal(["X"], options.Targets);
    }

    [Fact]
    public void A_bare_version_asks_for_the_host_version_and_a_valued_one_is_a_release_argument()
    {
        Assert.True(HostOptions.Parse(["--version"]).Version);

        var release = HostOptions.Parse(["--target=UpdateManifest", "--version=1.6.1"]);

        Assert.False(release.Version);
        Assert.Equal(["1.6.1"], release.Arguments["version"]);
    }

    [Fact]
    public void A_switch_never_swallows_the_next_word_but_a_value_option_does()
    {
        var options = HostOptions.Parse(["--exclusive", "--service", "blue", "--service=green", "--tree"]);

        Assert.True(options.Exclusive);
        Assert.True(options.Tree);
        Assert.Equal(["blue", "green"], options.Arguments["SERVICE"]);
    }

    [Fact]
    public void A_flag_followed_by_an_option_is_true_and_false_turns_it_off()
    {
        var options = HostOptions.Parse(["--force", "--dryrun=false"]);

        Assert.Equal(["true"], options.Arguments["force"]);
        Assert.False(options.DryRun);
    }

    [Fact]
    public void A_value_may_contain_equals_signs()
    {
        Assert.Equal(["a=b=c"], HostOptions.Parse(["--label=a=b=c"]).Arguments["label"]);
    }

    [Theory]
    [InlineData("q", Verbosity.Quiet)]
    [InlineData("minimal", Verbosity.Minimal)]
    [InlineData("Diagnostic", Verbosity.Diagnostic)]
    public void Verbosity_takes_names_and_initials(string value, Verbosity expected)
    {
        Assert.Equal(expected, HostOptions.Parse(["-v", value]).Verbosity);
    }

    [Theory]
    [InlineData("--=x", "has no name")]
    [InlineData("-z", "Unknown option '-z'")]
    [InlineData("Build", "Unexpected argument 'Build'")]
    [InlineData("--verbosity=chatty", "Unknown verbosity 'chatty'")]
    public void Malformed_arguments_are_rejected_with_the_reason(string arg, string reason)
    {
        var error = Assert.Throws<CakeException>(() => HostOptions.Parse([arg]));

        Assert.Contains(reason, error.Message);
    }
}
