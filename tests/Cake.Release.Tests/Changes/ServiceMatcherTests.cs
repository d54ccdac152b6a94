using Cake.Release.Changes;
using Cake.Release.Config;

namespace Cake.Release.Tests.Changes;

/// <summary>The change matrix on the shop's layout: blue and green use libs/payments, red depends on the service yellow.</summary>
public sealed class ServiceMatcherTests
{
    private static readonly IReadOnlyList<ServiceConfig> Shop =
    [
        Service("blue", "projects/blue", "libs/payments"),
        Service("green", "projects/green", "libs/payments"),
        Service("yellow", "projects/yellow"),
        Service("red", "projects/red", "yellow"),
    ];

    [Fact]
    public void A_file_in_one_service_marks_that_service_alone()
    {
        var match = ServiceMatcher.Match(Shop, [Modified("projects/blue/app.txt")]);

        var (name, reasons) = Assert.Single(match.Changed);
        Assert.Equal("blue", name);
        var reason = Assert.Single(reasons);
        Assert.Equal(ChangeReasonKind.Files, reason.Kind);
        Assert.Equal([Modified("projects/blue/app.txt")], reason.Files);
        Assert.Empty(match.Outside);
    }

    // Configuration: blue's and yellow's deploy folders, and a values file inside yellow's own folder.
    private static IReadOnlyList<string> Configuration(ServiceConfig service) => service.Name switch
    {
        "blue" => ["deploy/blue"],
        "yellow" => ["deploy/yellow", "projects/yellow/values.yaml"],
        _ => [],
    };

    [Fact]
    public void A_file_under_a_services_configuration_paths_is_a_configuration_change_that_reaches_no_dependent()
    {
        var match = ServiceMatcher.Match(Shop, [Modified("deploy/blue/base/deployment.yaml"), Modified("projects/yellow/values.yaml")], Configuration);

        Assert.Equal(["blue", "yellow"], match.Changed.Select(c => c.Key));
        var blue = Assert.Single(match.ReasonsFor("blue")!);
        Assert.Equal(ChangeReasonKind.Configuration, blue.Kind);
        Assert.Equal([Modified("deploy/blue/base/deployment.yaml")], blue.Files);
        Assert.Equal("configuration: projects/yellow/values.yaml (modified)", Assert.Single(match.ReasonsFor("yellow")!).Describe());
        Assert.Null(match.ReasonsFor("red"));
    }

    [Fact]
    public void A_code_and_a_configuration_change_together_are_a_build_and_reach_the_dependents()
    {
        var match = ServiceMatcher.Match(Shop, [Modified("deploy/yellow/base/deployment.yaml"), Modified("projects/yellow/app.txt")], Configuration);

        Assert.Equal([ChangeReasonKind.Files, ChangeReasonKind.Configuration], match.ReasonsFor("yellow")!.Select(r => r.Kind));
        Assert.Equal([ChangeReason.OnService("yellow")], match.ReasonsFor("red")!);
        var changed = new ChangedService("yellow", null, BaseSource.None, match.ReasonsFor("yellow")!);
        Assert.False(changed.ConfigurationOnly);
        Assert.True(new ChangedService("blue", null, BaseSource.None, [ChangeReason.InConfiguration([Modified("deploy/blue/x.yaml")])]).ConfigurationOnly);
    }

    [Fact]
    public void A_library_file_marks_every_service_that_depends_on_the_library_path()
    {
        var match = ServiceMatcher.Match(Shop, [Modified("libs/payments/src/charge.cs")]);

        Assert.Equal(["blue", "green"], match.Changed.Select(c => c.Key));
        foreach (var (_, reasons) in match.Changed)
        {
            var reason = Assert.Single(reasons);
            Assert.Equal((ChangeReasonKind.DependsOnPath, "libs/payments"), (reason.Kind, reason.DependsOn));
            Assert.Equal("depends on libs/payments: libs/payments/src/charge.cs (modified)", reason.Describe());
        }
    }

    [Fact]
    public void A_service_marks_the_services_that_depend_on_it()
    {
        var match = ServiceMatcher.Match(Shop, [Modified("projects/yellow/app.txt")]);

        Assert.Equal(["yellow", "red"], match.Changed.Select(c => c.Key));
        Assert.Equal([ChangeReason.OnService("yellow")], match.ReasonsFor("red")!);
        Assert.Equal("depends on yellow", match.ReasonsFor("red")![0].Describe());
    }

    [Fact]
    public void Service_dependencies_are_followed_transitively()
    {
        IReadOnlyList<ServiceConfig> chain = [Service("api", "api", "core"), Service("core", "core", "db"), Service("db", "db"), Service("web", "web", "api")];

        var match = ServiceMatcher.Match(chain, [Modified("db/schema.sql")]);

        Assert.Equal(["api", "core", "db", "web"], match.Changed.Select(c => c.Key));
        Assert.Equal("depends on core", Assert.Single(match.ReasonsFor("api")!).Describe());
        Assert.Equal("depends on api", Assert.Single(match.ReasonsFor("web")!).Describe());
    }

    [Fact]
    public void A_rename_across_services_marks_both_sides()
    {
        var rename = new ChangedFile(FileChangeStatus.Renamed, "projects/green/shared.txt", "projects/blue/shared.txt");

        var match = ServiceMatcher.Match(Shop, [rename]);

        Assert.Equal(["blue", "green"], match.Changed.Select(c => c.Key));
        Assert.All(match.Changed, c => Assert.Equal([rename], Assert.Single(c.Value).Files));
        Assert.Equal("projects/blue/shared.txt → projects/green/shared.txt (renamed)", rename.ToString());
    }

    [Fact]
    public void A_deletion_counts_and_reaches_dependents()
    {
        var deleted = new ChangedFile(FileChangeStatus.Deleted, "projects/yellow/app.txt");

        var match = ServiceMatcher.Match(Shop, [deleted]);

        Assert.Equal(["yellow", "red"], match.Changed.Select(c => c.Key));
        Assert.Equal("projects/yellow/app.txt (deleted)", match.ReasonsFor("yellow")![0].Describe());
    }

    [Fact]
    public void A_file_outside_every_service_marks_nothing_and_is_reported()
    {
        var match = ServiceMatcher.Match(Shop, [Modified("docs/README.md"), Modified("projects/blue-legacy/app.txt")]);

        Assert.Empty(match.Changed);
        Assert.Equal(["docs/README.md", "projects/blue-legacy/app.txt"], match.Outside.Select(f => f.Path));
    }

    [Fact]
    public void Every_reason_is_kept_in_order_own_files_then_paths_then_services()
    {
        IReadOnlyList<ServiceConfig> services = [Service("yellow", "projects/yellow"), Service("red", "projects/red", "yellow", "go.mod", "libs")];

        var match = ServiceMatcher.Match(services, [Modified("libs/a/x.go"), Modified("projects/red/main.go"), Modified("go.mod"), Added("projects/yellow/new.txt")]);

        Assert.Equal(
            ["projects/red/main.go (modified)", "depends on go.mod: go.mod (modified)", "depends on libs: libs/a/x.go (modified)", "depends on yellow"],
            match.ReasonsFor("red")!.Select(r => r.Describe()));
    }

    [Fact]
    public void A_service_at_the_repository_root_holds_every_file()
    {
        IReadOnlyList<ServiceConfig> services = [Service("site", "."), Service("blue", "projects/blue")];

        var match = ServiceMatcher.Match(services, [Modified("README.md"), Modified("projects/blue/app.txt")]);

        Assert.Equal(["site", "blue"], match.Changed.Select(c => c.Key));
        Assert.Equal(2, match.ReasonsFor("site")![0].Files.Count);
        Assert.Empty(match.Outside);
    }

    [Fact]
    public void Nothing_changed_marks_nothing()
    {
        var match = ServiceMatcher.Match(Shop, []);

        Assert.Empty(match.Changed);
        Assert.Empty(match.Outside);
    }

    [Fact]
    public void Long_file_lists_are_shortened_in_the_log_but_kept_whole()
    {
        var files = Enumerable.Range(1, 5).Select(i => Modified($"projects/blue/f{i}.txt")).ToList();

        var reason = Assert.Single(ServiceMatcher.Match(Shop, files).ReasonsFor("blue")!);

        Assert.Equal(5, reason.Files.Count);
        Assert.Equal("projects/blue/f1.txt (modified), projects/blue/f2.txt (modified), projects/blue/f3.txt (modified) and 2 more", reason.Describe());
    }

    private static ServiceConfig Service(string name, string path, params string[] dependsOn) =>
        new() { Name = name, Path = path, Image = name, DependsOn = dependsOn };

    private static ChangedFile Modified(string path) => new(FileChangeStatus.Modified, path);

    private static ChangedFile Added(string path) => new(FileChangeStatus.Added, path);
}
