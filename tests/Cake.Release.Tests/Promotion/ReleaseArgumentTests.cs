using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// The release targets refuse a misspelled argument before anything runs (it would otherwise be ignored and the target
/// go on with its default), name the closest one, and still take every argument from RELEASE_ variables.
/// </summary>
public sealed class ReleaseArgumentTests : IDisposable
{
    private readonly PromotionWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData("--versoin=1.0.0", "Unknown argument --versoin for PromoteStaging: did you mean --version? PromoteStaging reads --approver, --break-glass, --bump, --by, --config, --from, --service, --version, besides the host's options (--help).")]
    [InlineData("--approvers=bob", "Unknown argument --approvers for PromoteStaging: did you mean --approver?")]
    [InlineData("--to=production", "Unknown argument --to for PromoteStaging:")]
    [InlineData("--dry-rn", "Unknown argument --dry-rn for PromoteStaging: did you mean --dryrun?")]
    [InlineData("--Sevice=green", "Unknown argument --Sevice for PromoteStaging: did you mean --service?")]
    public void A_misspelled_argument_of_a_promotion_is_refused_and_nothing_changes(string argument, string message)
    {
        _world.SeedDev();
        var before = _world.State();

        var result = _world.Run("--target=PromoteStaging", "--service=blue", argument);

        result.AssertRefused(message);
        Assert.Equal(before, _world.State());
        Assert.Null(_world.Manifest("staging"));
    }

    [Fact]
    public void An_argument_read_by_a_target_the_run_does_not_include_is_refused()
    {
        var result = _world.Run("--target=Status", "--approver=alice");

        result.AssertRefused("Unknown argument --approver for Status: Status reads --config, --env, --format, --interval, --kind, --output, --region, --repository, --serve, --service, --source, --table, --version, besides the host's options (--help).");
    }

    [Fact]
    public void Variables_are_never_refused_and_config_is_read_in_every_run()
    {
        _world.SeedDev();
        var environment = new Dictionary<string, string> { ["RELEASE_VERSOIN"] = "9.9.9", ["RELEASE_VERSION"] = "1.6.0", ["RELEASE_UNRELATED"] = "x" };

        var promoted = _world.Run(environment, "--target=PromoteStaging", "--service=blue", "--config=release.yaml");
        var doctor = _world.Run("--target=Doctor", "--config=release.yaml");

        Assert.True(promoted.ExitCode == 0, promoted.ToString());
        Assert.Equal("1.6.0-rc.1", _world.Manifest("staging")!.Entry("blue")!.Version);
        Assert.True(doctor.ExitCode == 0, doctor.ToString());
    }
}
