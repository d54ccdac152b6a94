using System.Globalization;
using System.Text.RegularExpressions;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Release.Building;

/// <summary>
/// The <c>docker</c> CLI (needs a Docker engine). It pushes only to registries, and has no <c>--authfile</c>: a
/// credential reaches it as a <c>DOCKER_CONFIG</c> folder of its own for the push. The digest is the one
/// <c>docker push</c> reports.
/// </summary>
internal sealed partial class DockerBuilder : IImageBuilder
{
    private readonly ContainerCli<DockerSettings> _cli;
    private readonly Func<string, string?> _environment;

    public DockerBuilder(ICakeContext context, DockerSettings settings, Func<string, string?> environment)
    {
        _cli = new ContainerCli<DockerSettings>(context, "docker", settings);
        _environment = environment;
    }

    public string Name => "docker";

    public Task<string> BuildAndPushAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        var tag = Tag(request);
        var build = _cli.Run(BuildArguments(request, tag), request.ContextDirectory);
        if (!build.Succeeded)
        {
            throw new ImageBuildException(request.Service.Name, $"docker build exited with {build.ExitCode}", build.Tail);
        }

        using var auth = RegistryAuthFile.For(request.Target, _environment);
        var push = _cli.Run(PushArguments(tag), request.ContextDirectory, auth is null ? null : new Dictionary<string, string> { ["DOCKER_CONFIG"] = auth.Folder });
        if (!push.Succeeded)
        {
            throw new ImageBuildException(request.Service.Name, $"docker push {tag} exited with {push.ExitCode}", push.Tail);
        }

        return Task.FromResult(PushedDigest(push.Output)
            ?? throw new ImageBuildException(request.Service.Name, $"docker push {tag} printed no digest", push.Tail));
    }

    internal static string Tag(ImageBuildRequest request) => $"{request.Target.Name}:{request.Target.Tag}";

    internal static ProcessArgumentBuilder BuildArguments(ImageBuildRequest request, string tag)
    {
        var arguments = new ProcessArgumentBuilder().Append("build");
        if (request.Platform is { } platform)
        {
            arguments.AppendSwitchQuoted("--platform", platform);
        }

        // BuildKit takes the creation time and file times from SOURCE_DATE_EPOCH: the commit's time makes rebuilds reproducible.
        arguments.AppendSwitchQuoted("--build-arg", $"SOURCE_DATE_EPOCH={request.Created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        foreach (var (name, value) in request.BuildArgs)
        {
            arguments.AppendSwitchQuoted("--build-arg", $"{name}={value}");
        }

        foreach (var (name, value) in request.Labels)
        {
            arguments.AppendSwitchQuoted("--label", $"{name}={value}");
        }

        return arguments
            .AppendSwitchQuoted("--file", request.DockerfilePath)
            .AppendSwitchQuoted("--tag", tag)
            .AppendQuoted(request.ContextDirectory);
    }

    internal static ProcessArgumentBuilder PushArguments(string tag) => new ProcessArgumentBuilder().Append("push").AppendQuoted(tag);

    /// <summary>The digest in docker push's last report line (<c>sha-3f2c1a0: digest: sha256:… size: 528</c>).</summary>
    internal static string? PushedDigest(IEnumerable<string> output) =>
        output.Select(line => PushDigest().Match(line)).LastOrDefault(m => m.Success)?.Groups[1].Value;

    [GeneratedRegex(@"digest: (sha256:[a-f0-9]{64})")]
    private static partial Regex PushDigest();
}
