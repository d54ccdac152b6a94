using System.Text.RegularExpressions;

namespace Cake.Release.Registry;

/// <summary>
/// Where an image is and which one: <c>host[:port]/repository[:tag][@digest]</c> in a registry (Docker Hub's defaults
/// when the host is left out), or <c>oci:&lt;dir&gt;/repository[:tag][@digest]</c> in an OCI image layout on disk.
/// </summary>
public sealed partial record ImageReference
{
    /// <summary>The registry host as written (<c>docker.io</c>, <c>127.0.0.1:5000</c>), or <c>oci:&lt;dir&gt;</c> for a layout.</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry (<c>acme/blue</c>; <c>library/nginx</c> on Docker Hub).</summary>
    public string Repository { get; }

    /// <summary>The tag, when the reference names one.</summary>
    public string? Tag { get; }

    /// <summary>The content digest (<c>sha256:…</c>), when the reference names one.</summary>
    public string? Digest { get; }

    /// <summary>True when the reference was written with <c>http://</c>: plain HTTP was asked for explicitly.</summary>
    public bool PlainHttpConfigured { get; }

    private ImageReference(string registry, string repository, string? tag, string? digest, bool plainHttpConfigured)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
        PlainHttpConfigured = plainHttpConfigured;
    }

    /// <summary>The registry Docker Hub references default to.</summary>
    public const string DockerHub = "docker.io";

    private const string OciPrefix = "oci:";

    /// <summary>True for an OCI image layout on disk (<c>oci:&lt;dir&gt;</c>).</summary>
    public bool IsOciLayout => Registry.StartsWith(OciPrefix, StringComparison.Ordinal);

    /// <summary>The layout's parent folder for <c>oci:</c> references (as written, maybe relative); null for registries.</summary>
    public string? LayoutRoot => IsOciLayout ? Registry[OciPrefix.Length..] : null;

    /// <summary>
    /// Whether the registry is spoken to over plain HTTP: only a loopback host (127.0.0.0/8, localhost, ::1), as
    /// crane does, or a reference written with <c>http://</c>. Everything else is HTTPS.
    /// </summary>
    public bool UsesPlainHttp => !IsOciLayout && (PlainHttpConfigured || IsLoopback(HostName));

    /// <summary>The host to send API calls to: Docker Hub serves its API from <c>registry-1.docker.io</c>.</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>The repository without tag or digest, as text (<c>127.0.0.1:5000/acme/blue</c>).</summary>
    public string Name => $"{Registry}/{Repository}";

    private string HostName
    {
        get
        {
            if (Registry.StartsWith('['))
            {
                return Registry[..(Registry.IndexOf(']', StringComparison.Ordinal) + 1)];
            }

            var colon = Registry.LastIndexOf(':');
            return colon < 0 ? Registry : Registry[..colon];
        }
    }

    /// <summary>The same repository with this tag and no digest.</summary>
    public ImageReference WithTag(string tag) => new(Registry, Repository, tag, null, PlainHttpConfigured);

    /// <summary>The same repository pinned to this digest and no tag.</summary>
    public ImageReference WithDigest(string digest) => new(Registry, Repository, null, digest, PlainHttpConfigured);

    /// <summary>The reference as text, in the form <see cref="Parse"/> reads.</summary>
    public override string ToString() =>
        $"{(PlainHttpConfigured ? "http://" : "")}{Name}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    /// <summary>
    /// The repository <paramref name="image"/> under a release.yaml <c>registry</c> value
    /// (<c>oci:.release/registry</c>, <c>127.0.0.1:5000/acme</c>, <c>http://127.0.0.1:5000/acme</c>).
    /// </summary>
    public static ImageReference InRegistry(string registry, string image)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(image);
        return Parse($"{registry.TrimEnd('/')}/{image.TrimStart('/')}");
    }

    /// <summary>Reads a reference; a bad one is a <see cref="ReleaseException"/> saying which part is wrong and how.</summary>
    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = text.Trim();
        if (input.Length == 0)
        {
            throw Bad(text, "it is empty", "write host[:port]/repository[:tag][@digest] or oci:<dir>/repository[:tag]");
        }

        var plainHttp = false;
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            plainHttp = true;
            input = input["http://".Length..];
        }
        else if (input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            input = input["https://".Length..];
        }

        string? digest = null;
        var at = input.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = input[(at + 1)..];
            input = input[..at];
            if (!ImageDigest.IsValid(digest))
            {
                throw Bad(text, $"the digest '{digest}' is not sha256: followed by 64 lowercase hex digits", "copy the digest exactly as the registry printed it");
            }
        }

        string? tag = null;
        var lastColon = input.LastIndexOf(':');
        if (lastColon > input.LastIndexOf('/') && !(input.StartsWith(OciPrefix, StringComparison.Ordinal) && lastColon == OciPrefix.Length - 1))
        {
            tag = input[(lastColon + 1)..];
            input = input[..lastColon];
            if (!IsValidTag(tag))
            {
                throw Bad(text, $"the tag '{tag}' is not 1 to 128 letters, digits, '_', '.' or '-' starting with a letter, digit or '_'", "fix the tag");
            }
        }

        return input.StartsWith(OciPrefix, StringComparison.Ordinal)
            ? Layout(text, input[OciPrefix.Length..], tag, digest, plainHttp)
            : InRegistry(text, input, tag, digest, plainHttp);
    }

    /// <summary>True for a tag the distribution spec allows: <c>[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}</c>.</summary>
    public static bool IsValidTag(string tag) => TagPattern().IsMatch(tag);

    private static ImageReference Layout(string text, string path, string? tag, string? digest, bool plainHttp)
    {
        if (plainHttp)
        {
            throw Bad(text, "http:// and oci: do not go together", "write oci:<dir>/repository for a layout on disk");
        }

        path = path.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var repository = slash < 0 ? path : path[(slash + 1)..];
        var root = slash < 0 ? "." : path[..slash];
        if (repository.Length == 0 || root.Length == 0)
        {
            throw Bad(text, "the layout folder is missing after oci:", "write oci:<dir>/repository, e.g. oci:.release/registry/blue");
        }

        return new ImageReference(OciPrefix + root, repository, tag, digest, false);
    }

    private static ImageReference InRegistry(string text, string input, string? tag, string? digest, bool plainHttp)
    {
        var slash = input.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? input : input[..slash];
        // Docker's rule: the first component is a host only if it has a '.' or a ':' or is localhost.
        var hasHost = slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" || first.StartsWith('['));
        var registry = hasHost ? first : DockerHub;
        var repository = hasHost ? input[(slash + 1)..] : input;
        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (hasHost && !HostPattern().IsMatch(registry))
        {
            throw Bad(text, $"the registry host '{registry}' is not host[:port] with a numeric port", "write e.g. registry.example.com or 127.0.0.1:5000");
        }

        if (repository.Length == 0)
        {
            throw Bad(text, "the repository is missing", $"write {registry}/<repository>, e.g. {registry}/acme/blue");
        }

        if (!RepositoryPattern().IsMatch(repository) || repository.Length > 255)
        {
            throw Bad(text, $"the repository '{repository}' is not lowercase path components of letters, digits and single separators ('.', '_', '__', '-') joined by '/'", "use e.g. acme/blue");
        }

        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        return new ImageReference(registry, repository, tag, digest, plainHttp);
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" or "[::1]" or "::1" || (host.StartsWith("127.", StringComparison.Ordinal) && System.Net.IPAddress.TryParse(host, out _));

    private static ReleaseException Bad(string text, string what, string fix) =>
        new($"Image reference '{text}': {what}; {fix}.");

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex HostPattern();
}
