using Cake.Release.Config;

namespace Cake.Release.Tests.Config;

/// <summary>build.platform, build.args and the services' context, output and buildArgs: what BuildOnce reads.</summary>
public sealed class BuildConfigTests : IDisposable
{
    private readonly ConfigRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    // Line numbers: 1 version, 2 build, 3 the first build key; blue at 7, its path at 8, extra service keys from line 9.
    private static string Config(string build = "  builder: buildah\n", string service = "") => $$"""
        version: 1
        build:
        {{build}}environments:
          dev: { branch: gitops/dev, auto: true }
        services:
          blue:
            path: projects/blue
        {{service}}
        """;

    [Fact]
    public void Without_the_keys_the_defaults_hold()
    {
        var config = _repository.Parse(Config());
        var blue = config.Service("blue");

        Assert.Null(config.Build.Platform);
        Assert.Empty(config.Build.Args);
        Assert.Empty(blue.BuildArgs);
        Assert.Equal(("dist", "projects/blue/dist"), (blue.Output, blue.OutputPath));
        Assert.Equal((".", "projects/blue"), (blue.Context, blue.ContextPath));
    }

    [Fact]
    public void Platform_args_context_output_and_build_args_are_read()
    {
        var config = _repository.Parse(Config(
            build: "  builder: oci-layer\n  platform: linux/arm64/v8\n  args: { NODE_VERSION: \"22\", EMPTY: \"\" }\n",
            service: "    context: ../..\n    output: bin/publish/\n    buildArgs:\n      NODE_VERSION: \"20\"\n      app.name: blue\n"));
        var blue = config.Service("blue");

        Assert.Equal("linux/arm64/v8", config.Build.Platform);
        Assert.Equal(new Dictionary<string, string> { ["NODE_VERSION"] = "22", ["EMPTY"] = "" }, config.Build.Args);
        Assert.Equal(new Dictionary<string, string> { ["NODE_VERSION"] = "20", ["app.name"] = "blue" }, blue.BuildArgs);
        Assert.Equal(".", blue.ContextPath);
        Assert.Equal("projects/blue/bin/publish", blue.OutputPath);
    }

    [Fact]
    public void A_platform_that_is_not_os_and_architecture_is_refused()
    {
        Assert.Equal("release.yaml:4: build.platform \"amd64\" is not os/architecture[/variant]; write e.g. linux/amd64 or linux/arm64/v8",
            _repository.Refusal(Config(build: "  builder: buildah\n  platform: amd64\n")));
    }

    [Fact]
    public void More_than_one_platform_is_refused()
    {
        Assert.Equal("release.yaml:3: build.platform \"linux/amd64,linux/arm64\" names more than one platform; BuildOnce builds one image per tag, so give one, e.g. linux/amd64",
            _repository.Refusal(Config(build: "  platform: linux/amd64,linux/arm64\n")));
    }

    [Fact]
    public void Args_must_be_a_map_of_names()
    {
        Assert.Equal("release.yaml:3: build.args must be a mapping of keys, not a list; write it as args: { NODE_VERSION: \"22\" }",
            _repository.Refusal(Config(build: "  args: [NODE_VERSION=22]\n")));
        Assert.Equal("release.yaml:3: build.args.1X is not a build argument name; use letters, digits, '_', '-' and '.', starting with a letter or '_' (as in the Dockerfile's ARG)",
            _repository.Refusal(Config(build: "  args: { 1X: a }\n")));
        Assert.Equal("release.yaml:10: services.blue.buildArgs.VERSION must be a text value, not a list; write VERSION: <value>",
            _repository.Refusal(Config(service: "    buildArgs:\n      VERSION: [1, 2]\n")));
    }

    [Fact]
    public void An_output_folder_outside_the_repository_is_refused()
    {
        Assert.Equal("release.yaml:9: services.blue.output \"../../../dist\" leaves the repository; keep it inside the folder of the configuration file",
            _repository.Refusal(Config(service: "    output: ../../../dist\n")));
    }

    [Fact]
    public void A_mistyped_service_key_gets_a_suggestion()
    {
        Assert.Equal("release.yaml:9: services.blue.ouptut is not a key of a service; did you mean output?",
            _repository.Refusal(Config(service: "    ouptut: dist\n")));
    }

    [Fact]
    public void A_mistyped_build_key_gets_a_suggestion()
    {
        Assert.Equal("release.yaml:3: build.platfrom is not a key of build; did you mean platform?",
            _repository.Refusal(Config(build: "  platfrom: linux/amd64\n")));
    }
}
