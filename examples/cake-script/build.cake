// Cake.Release's aliases from a plain Cake script, run by Cake.Tool 7.0.0:
//   dotnet tool restore
//   dotnet cake build.cake --config=/path/to/repo/release.yaml [--env=dev] [--dryrun]
// Default runs DetectChanged → BuildOnce → UpdateManifest → Status.
// The addin comes from the feeds in nuget.config; loaddependencies brings YamlDotNet and NuGet.Versioning with it.
#addin nuget:?package=Cake.Release&version=0.1.0&loaddependencies=true
// No using: the aliases bring their namespaces ([CakeNamespaceImport]).

var target = Argument("target", "Default");
// release.yaml of the repository to release; its folder is the repository root.
var config = MakeAbsolute(File(Argument("config", "release.yaml")));
var environment = Argument("env", "dev");

ChangeSet changes = null;
BuildOnceResult builds = null;

Task("DetectChanged")
    .Does(() =>
{
    // Also writes artifacts/changed.json and, on GitHub Actions, the services output.
    changes = DetectChanged(new DetectChangedSettings { ConfigFile = config });
    Information("Changed: {0}", changes.Services.Count == 0 ? "nothing" : string.Join(", ", changes.Names));
});

Task("BuildOnce")
    .IsDependentOn("DetectChanged")
    .WithCriteria(() => changes.Services.Count > 0, "no service changed")
    .Does(() =>
{
    var settings = new BuildOnceSettings { ConfigFile = config, Commit = changes.Head };
    foreach (var name in changes.Names)
    {
        settings.Services.Add(name);
    }

    builds = BuildOnce(settings);
});

Task("UpdateManifest")
    .IsDependentOn("BuildOnce")
    .WithCriteria(() => builds != null, "nothing was built")
    .Does(() =>
{
    // One commit per service on the environment's gitops branch of origin, pushed without touching the checkout.
    foreach (var build in builds.Builds)
    {
        UpdateManifest(new UpdateManifestSettings
        {
            Environment = environment,
            Service = build.Service,
            Version = build.Tag,
            Digest = build.Digest,
            Commit = build.Commit,
            ConfigFile = config,
            DryRun = HasArgument("dryrun"),
        });
    }
});

Task("Status")
    .IsDependentOn("UpdateManifest")
    .Does(() =>
{
    // What runs where, read back from the gitops branches and the registry; also artifacts/status.json.
    Status(new StatusSettings { ConfigFile = config });
    Status(new StatusSettings { ConfigFile = config, Format = StatusFormat.Json, DryRun = HasArgument("dryrun") });
});

// The live page needs ASP.NET Core, which Cake.Tool's process does not load: from a script this fails with one
// line saying so (serve from a compiled pipeline instead); everything above works the same.
Task("Serve")
    .Does(() =>
{
    StatusServe(new StatusSettings { ConfigFile = config }, new StatusServeSettings { Address = "0" });
});

Task("Default").IsDependentOn("Status");

RunTarget(target);
