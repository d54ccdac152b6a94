using System.Globalization;
using Cake.Core;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.Release.Building;

/// <summary>
/// <c>buildah</c> or <c>podman</c>: both build without a daemon and share one command line for build and push
/// (podman's build is buildah's). The push writes the digest to a file (<c>--digestfile</c>), so the digest reported
/// is exactly the one pushed, not a later lookup that a concurrent push could change.
/// </summary>
internal sealed class DaemonlessBuilder<TSettings> : IImageBuilder
    where TSettings : ToolSettings, new()
{
    private readonly ContainerCli<TSettings> _cli;
    private readonly StorageOptions _storage;
    private readonly Func<string, string?> _environment;

    public DaemonlessBuilder(ICakeContext context, string name, TSettings settings, StorageOptions storage, Func<string, string?> environment)
    {
        Name = name;
        _cli = new ContainerCli<TSettings>(context, name, settings);
        _storage = storage;
        _environment = environment;
    }

    public string Name { get; }

    public Task<string> BuildAndPushAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        using var auth = RegistryAuthFile.For(request.Target, _environment);
        var work = Directory.CreateTempSubdirectory("cake-release-push-").FullName;
        try
        {
            var local = LocalName(request);
            var build = _cli.Run(BuildArguments(request, _storage, local, auth?.Path), request.ContextDirectory);
            if (!build.Succeeded)
            {
                throw new ImageBuildException(request.Service.Name, $"{Name} build exited with {build.ExitCode}", build.Tail);
            }

            if (request.LayoutRoot is { } layout)
            {
                // containers/image creates the repository's layout folder, but not the folders above it.
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(layout, request.Target.Repository))!);
            }

            var digestFile = System.IO.Path.Combine(work, "digest");
            var push = _cli.Run(PushArguments(request, _storage, local, digestFile, auth?.Path), request.ContextDirectory);
            if (!push.Succeeded)
            {
                throw new ImageBuildException(request.Service.Name, $"{Name} push to {request.Target} exited with {push.ExitCode}", push.Tail);
            }

            var digest = File.Exists(digestFile) ? File.ReadAllText(digestFile).Trim() : string.Empty;
            return Task.FromResult(Registry.ImageDigest.IsValid(digest)
                ? digest
                : throw new ImageBuildException(request.Service.Name, $"{Name} push wrote no digest to --digestfile", push.Tail));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The name the image gets in the builder's local storage before it is pushed.</summary>
    internal static string LocalName(ImageBuildRequest request) =>
        request.Target.IsOciLayout ? $"localhost/{request.Target.Repository}:{request.Target.Tag}" : $"{request.Target.Name}:{request.Target.Tag}";

    /// <summary>Where the push goes: <c>docker://host/repo:tag</c>, or <c>oci:&lt;layout&gt;:tag</c> for one repository's layout.</summary>
    internal static string Destination(ImageBuildRequest request) =>
        request.Target.IsOciLayout
            ? $"oci:{System.IO.Path.Combine(request.LayoutRoot!, request.Target.Repository)}:{request.Target.Tag}"
            : $"docker://{request.Target.Name}:{request.Target.Tag}";

    internal static ProcessArgumentBuilder BuildArguments(ImageBuildRequest request, StorageOptions storage, string localName, string? authFile)
    {
        var arguments = Global(storage).Append("build");
        if (storage.Isolation is { } isolation)
        {
            arguments.AppendSwitchQuoted("--isolation", isolation);
        }

        if (authFile is not null)
        {
            arguments.AppendSwitchQuoted("--authfile", authFile);
        }

        if (request.Platform is { } platform)
        {
            arguments.AppendSwitchQuoted("--platform", platform);
        }

        // The commit's time for the image's creation and every file in its layers: the same commit builds the same image.
        arguments.AppendSwitch("--timestamp", request.Created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
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
            .AppendSwitchQuoted("--tag", localName)
            .AppendQuoted(request.ContextDirectory);
    }

    internal static ProcessArgumentBuilder PushArguments(ImageBuildRequest request, StorageOptions storage, string localName, string digestFile, string? authFile)
    {
        var arguments = Global(storage).Append("push").AppendSwitchQuoted("--digestfile", digestFile);
        if (request.Target.UsesPlainHttp)
        {
            // A loopback or http:// registry speaks plain HTTP; containers/image would otherwise insist on HTTPS.
            arguments.Append("--tls-verify=false");
        }

        if (authFile is not null)
        {
            arguments.AppendSwitchQuoted("--authfile", authFile);
        }

        return arguments.AppendQuoted(localName).AppendQuoted(Destination(request));
    }

    // Storage options are global: they go before the subcommand.
    private static ProcessArgumentBuilder Global(StorageOptions storage)
    {
        var arguments = new ProcessArgumentBuilder();
        if (storage.Driver is { } driver)
        {
            arguments.AppendSwitchQuoted("--storage-driver", driver);
        }

        if (storage.Root is { } root)
        {
            arguments.AppendSwitchQuoted("--root", root);
        }

        if (storage.RunRoot is { } runRoot)
        {
            arguments.AppendSwitchQuoted("--runroot", runRoot);
        }

        return arguments;
    }
}
