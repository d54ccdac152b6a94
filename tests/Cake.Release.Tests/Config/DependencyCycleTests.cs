namespace Cake.Release.Tests.Config;

/// <summary>dependsOn between services must not loop: a cycle is refused at the entry that closes it, naming the loop.</summary>
public sealed class DependencyCycleTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private static string Config(string services) => $"""
        version: 1
        environments:
          dev:
            branch: gitops/dev
            auto: true
        services:
        {services}
        """;

    [Fact]
    public void A_service_that_depends_on_itself_is_refused()
    {
        Assert.Equal("release.yaml:9: services.blue.dependsOn[0] closes a dependency cycle: blue → blue; remove one dependsOn entry of the cycle",
            _repository.Refusal(Config("  blue:\n    path: projects/blue\n    dependsOn: [blue]\n")));
    }

    [Fact]
    public void Two_services_that_depend_on_each_other_are_refused()
    {
        Assert.Equal("release.yaml:12: services.green.dependsOn[1] closes a dependency cycle: blue → green → blue; remove one dependsOn entry of the cycle",
            _repository.Refusal(Config("  blue:\n    path: projects/blue\n    dependsOn: [green]\n  green:\n    path: projects/green\n    dependsOn: [libs/payments, blue]\n")));
    }

    [Fact]
    public void A_longer_cycle_is_named_in_full_from_where_it_was_entered()
    {
        Assert.Equal("release.yaml:17: services.payments.dependsOn[0] closes a dependency cycle: green → payments → green; remove one dependsOn entry of the cycle",
            _repository.Refusal(Config("  blue:\n    path: projects/blue\n    dependsOn:\n      - green\n  green:\n    path: projects/green\n    dependsOn: [payments]\n  payments:\n    path: libs/payments\n    dependsOn:\n      - green\n")));
    }

    [Fact]
    public void A_three_service_cycle_is_refused()
    {
        Assert.Equal("release.yaml:15: services.payments.dependsOn[0] closes a dependency cycle: blue → green → payments → blue; remove one dependsOn entry of the cycle",
            _repository.Refusal(Config("  blue:\n    path: projects/blue\n    dependsOn: [green]\n  green:\n    path: projects/green\n    dependsOn: [payments]\n  payments:\n    path: libs/payments\n    dependsOn: [blue]\n")));
    }

    [Fact]
    public void Shared_dependencies_without_a_loop_are_accepted()
    {
        var config = _repository.Parse(Config("  blue:\n    path: projects/blue\n    dependsOn: [green, payments, libs/payments]\n  green:\n    path: projects/green\n    dependsOn: [payments]\n  payments:\n    path: libs/payments\n"));

        Assert.Equal(["green", "payments", "libs/payments"], config.Service("blue").DependsOn);
    }
}
