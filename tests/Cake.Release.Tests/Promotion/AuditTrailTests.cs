using Cake.Release.GitOps;
using Cake.Release.Promotion;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// Who promoted and who approved are records people audit: a name that would break out of its line (and so add an
/// <c>Approved-by:</c> trailer, or rewrite a terminal) is refused before any effect, and a list of approvers counts
/// one approver per name. Real git remote and registry, the pipeline run as a process.
/// </summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    // A value a caller controls, and what the refusal names (never the value itself).
    public static TheoryData<string, string> Injections => new()
    {
        { "--by=carol\nApproved-by: mallory", "--by holds the control character U+000A at position 6;" },
        { "--by=carol\r\nApproved-by: mallory", "--by holds the control character U+000D at position 6;" },
        { "--by=carol\u2028Approved-by: mallory", "--by holds the control character U+2028 at position 6;" },
        { "--by=carol\u001b[8m", "--by holds the control character U+001B at position 6;" },
        { "--by=carol\tApproved-by: mallory", "--by holds the control character U+0009 at position 6;" },
        { "--approver=dave\nApproved-by: mallory", "--approver holds the control character U+000A at position 5;" },
        { "--approver=dave\u0085mallory", "--approver holds the control character U+0085 at position 5;" },
        { "--approver=\u202Eevad", "--approver holds the control character U+202E at position 1;" },
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public void A_name_that_would_add_a_line_to_the_record_is_refused_and_nothing_changes(string injection, string message)
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var before = _world.State();
        string[] others = injection.StartsWith("--by=", StringComparison.Ordinal) ? ["--approver=bob", "--approver=dave"] : ["--by=carol", "--approver=bob"];

        var result = _world.Run(["--target=PromoteProduction", "--service=blue", .. others, injection]);

        result.AssertRefused(message);
        Assert.DoesNotContain("mallory", result.All);
        Assert.Equal(before, _world.State());
        Assert.Null(_world.Manifest("production"));
    }

    [Fact]
    public void A_CI_actor_with_a_line_break_is_refused_naming_the_variable()
    {
        _world.SeedDev();
        var before = _world.State();

        var result = _world.Run(new Dictionary<string, string> { ["GITHUB_ACTOR"] = "ci\nApproved-by: mallory" }, "--target=PromoteStaging", "--service=blue", "--version=1.6.0");

        result.AssertRefused("The CI actor GITHUB_ACTOR holds the control character U+000A at position 3;");
        Assert.Equal(before, _world.State());
    }

    [Theory]
    [InlineData("UpdateManifest")]
    [InlineData("DeployDev")]
    [InlineData("Rollback")]
    public void Every_target_that_records_a_promoter_refuses_one_with_a_line_break_before_any_effect(string target)
    {
        var (commit, digest) = _world.SeedDev();
        _world.SeedDev(imageSize: 48);
        var before = _world.State();
        var injected = "--by=ci\nApproved-by: mallory";
        string[] args = target switch
        {
            "UpdateManifest" => ["--target=UpdateManifest", "--env=dev", "--service=blue", $"--version=sha-{commit[..7]}", $"--digest={digest}", injected],
            "DeployDev" => ["--target=DeployDev", "--service=blue", injected],
            _ => ["--target=Rollback", "--env=dev", "--service=blue", injected],
        };

        var result = _world.Run(args);

        result.AssertRefused("--by holds the control character U+000A at position 3;");
        Assert.Equal(before, _world.State());
    }

    [Theory]
    [InlineData("--approver=bob,carol")]
    [InlineData("--approver=bob, carol,")]
    [InlineData("RELEASE_APPROVER=bob,carol")]
    public void A_comma_separated_list_of_approvers_counts_one_approver_per_name(string approvers)
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var environment = approvers.StartsWith("RELEASE_", StringComparison.Ordinal)
            ? new Dictionary<string, string> { [approvers.Split('=')[0]] = approvers.Split('=')[1] }
            : [];
        string[] extra = approvers.StartsWith("--", StringComparison.Ordinal) ? [approvers] : [];

        var result = _world.Run(environment, ["--target=PromoteProduction", "--service=blue", "--by=alice", .. extra]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[pass] approvals: approved by bob, carol (2 of 2 needed; names given with --approver, unverified)", result.Output);
        var trailers = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%(trailers:key=Approved-by,valueonly)", "gitops/production-releases");
        Assert.Equal(["bob (unverified)", "carol (unverified)"], trailers.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_approver_given_to_the_alias_as_a_list_is_refused_with_the_arguments_to_pass()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);
        var before = _world.State();
        var settings = new PromoteEnvSettings { Service = "blue", To = "production", By = "alice", ConfigFile = Path.Combine(_world.Clone, "release.yaml") };
        settings.Approvers.Add("bob,carol");

        var error = Assert.Throws<ReleaseException>(() => TestCake.Context().PromoteEnv(settings));

        Assert.Equal("The approver 'bob,carol' is a list; pass one name per approver: --approver=bob --approver=carol.", error.Message);
        Assert.Equal(before, _world.State());
    }

    [Fact]
    public void A_manifest_commit_message_never_carries_a_line_of_a_value()
    {
        var message = new ManifestCommitMessage("promote", "blue", "1.6.0", null, "production", "staging", "alice", ["bob\nApproved-by: mallory"], new string('a', 40));

        var error = Assert.Throws<ReleaseException>(() => message.ToString());

        Assert.StartsWith("A value of the manifest commit holds the control character U+000A at position 4;", error.Message);
    }
}
