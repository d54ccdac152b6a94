using System.Text.Json;
using Cake.Release.Registry;
using Cake.Release.Reporting;
using Cake.Release.Tests.Promotion;
using Cake.Release.Tests.Registry;
using Cake.Release.Tests.Yaml;

namespace Cake.Release.Tests.Reporting;

/// <summary>A registry that is down: Status still succeeds, marks every entry unverified and warns once.</summary>
public sealed class StatusUnverifiedTests : IDisposable
{
    private readonly PromotionWorld _world = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _world.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Every_entry_of_an_unreachable_registry_is_unverified_with_one_warning_and_the_run_succeeds()
    {
        _world.SeedDev("blue", 33);
        _world.SeedDev("green", 34);
        _world.Registry.Stop();
        var (context, log) = CakeContexts.Create();
        var file = Path.Combine(_temp.Path, "status.json");

        var status = context.Status(new StatusSettings
        {
            Format = StatusFormat.Json,
            ConfigFile = Path.Combine(_world.Clone, "release.yaml"),
            Output = file,
            Registry = new RegistrySettings { MaxAttempts = 1, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, RequestTimeout = TimeSpan.FromSeconds(30) },
        });

        Assert.Equal(["unverified"], status.Cell("blue", "dev").DriftNames);
        Assert.Equal(["unverified"], status.Cell("green", "dev").DriftNames);
        Assert.Equal(["behind"], status.Cell("blue", "staging").DriftNames);
        var warning = Assert.Single(log.Lines, l => l.Contains("could not be read", StringComparison.Ordinal));
        Assert.StartsWith($"Status: the registry {_world.Registry.Host} could not be read (", warning, StringComparison.Ordinal);
        Assert.Equal(file, status.OutputFile);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.All(json.RootElement.EnumerateArray(), f => Assert.Equal(["unverified"], f.GetProperty("drift").EnumerateArray().Select(d => d.GetString())));
    }
}
