using System.Text.Json;
using Cake.Release.Tests.Infrastructure;

namespace Cake.Release.Tests.Promotion;

/// <summary>
/// <c>soakPolicy: warn</c> on the real pipeline: a version that ran less than the soak goes to production with a
/// warning, and its manifest commit and notification say the soak was short.
/// </summary>
public sealed class SoakWarningTests : IDisposable
{
    private const string Hook = "hook/soak-token";
    private readonly WebhookReceiver _receiver = new();
    private readonly PromotionWorld _world = new(yaml => yaml.Replace("    approvals: 2\n",
        "    approvals: 2\n    soak: 24h\n    soakPolicy: warn\n    notify:\n      - webhook: ${HOOK_URL}\n", StringComparison.Ordinal));

    public void Dispose()
    {
        _world.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public void A_short_soak_is_promoted_with_a_warning_a_Short_Soak_trailer_and_a_notification_that_says_so()
    {
        _world.SeedDev();
        Assert.Equal(0, _world.Run("--target=PromoteStaging", "--service=blue", "--version=1.6.0").ExitCode);

        var result = _world.Run(new Dictionary<string, string> { ["HOOK_URL"] = _receiver.Url(Hook) }, "--target=PromoteProduction", "--service=blue", "--by=alice", "--approver=bob", "--approver=carol");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\[warn\] soak: ran \d+m in staging of the 1d production asks; let through early \(soakPolicy: warn\), and recorded as a short soak", result.All);
        var trailer = GitRemote.Git(_world.Remote.Bare, "log", "-1", "--format=%(trailers:key=Short-Soak,valueonly)", "gitops/production-releases").Trim();
        Assert.Matches(@"^ran \d+m in staging of the 1d production asks$", trailer);
        using var body = JsonDocument.Parse(Assert.Single(_receiver.Received).Body);
        Assert.Equal(trailer, body.RootElement.GetProperty("waivers").GetProperty("Short-Soak").GetString());
        Assert.Equal("1.6.0", _world.Manifest("production")!.Entry("blue")!.Version);
    }
}
