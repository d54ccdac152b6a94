using Cake.Core;
using Cake.Core.Annotations;
using Cake.Release.Session;

namespace Cake.Release.Registry;

/// <summary>Registry operations of the release flow: promotion moves tags, never layers.</summary>
[CakeAliasCategory("Release")]
[CakeNamespaceImport("Cake.Release.Registry")]
public static class RegistryAliases
{
    /// <summary>
    /// Gives an existing image more tags, keeping its digest (an index keeps every platform). Idempotent; refuses to
    /// move a version tag or to use <c>latest</c> as one; with <c>--dryrun</c> it only logs what it would do.
    /// </summary>
    /// <example><code>
    /// var settings = new RetagSettings { Image = "registry.example.com/acme/blue:sha-3f2c1ab" };
    /// settings.Tags.Add("1.6.0"); settings.Tags.Add("stg"); settings.MovableTags.Add("stg");
    /// var result = Retag(settings);
    /// </code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Registry")]
    public static RetagResult Retag(this ICakeContext context, RetagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Image))
        {
            throw new ReleaseException("Retag: no image given; set RetagSettings.Image to host/repository:tag, host/repository@sha256:… or oci:<dir>/repository:tag.");
        }

        var session = ReleaseSession.Of(context);
        var source = ImageReference.Parse(settings.Image);
        var input = new RetagInput(source, settings.Tags.ToList(), settings.MovableTags.ToHashSet(StringComparer.Ordinal),
            settings.BaseDirectory ?? context.Environment.WorkingDirectory.FullPath, settings.Registry);
        var step = new RetagStep(session.Log, session.Variable);
        return session.IsDryRun(settings.DryRun) ? step.Plan(input) : step.Apply(input);
    }

    /// <summary>
    /// Retags a service's image in the registry release.yaml names, found by tag or digest. The environments'
    /// <c>imageTag</c>s may move; every other tag is a version and never does.
    /// </summary>
    /// <example><code>RetagService(new RetagServiceSettings { Service = "blue", FromTag = "sha-3f2c1ab", Tags = { "1.6.0", "stg" } });</code></example>
    [CakeMethodAlias]
    [CakeAliasCategory("Registry")]
    public static RetagResult RetagService(this ICakeContext context, RetagServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if ((settings.FromTag is null) == (settings.Digest is null))
        {
            throw new ReleaseException("Retag needs exactly one of --from-tag and --digest: pass --from-tag=sha-3f2c1ab or --digest=sha256:<64 hex digits>.");
        }

        var session = ReleaseSession.Of(context);
        var input = RetagInput.ForService(session.Config(settings.ConfigFile), settings.Service, settings.Digest, settings.FromTag, settings.Tags, settings.Registry);
        var step = new RetagStep(session.Log, session.Variable);
        return session.IsDryRun(settings) ? step.Plan(input) : step.Apply(input);
    }
}
