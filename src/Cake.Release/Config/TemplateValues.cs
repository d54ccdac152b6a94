using System.Globalization;

namespace Cake.Release.Config;

/// <summary>
/// The values a <see cref="TagTemplate"/> is rendered with. Leave unknown values null: rendering a template that
/// needs one is an error naming the template. <c>{major}</c>, <c>{minor}</c> and <c>{patch}</c> come from
/// <see cref="Version"/>, <c>{sha7}</c> from <see cref="Sha"/>.
/// </summary>
public sealed record TemplateValues
{
    /// <summary>The service name, for <c>{service}</c>.</summary>
    public string? Service { get; init; }

    /// <summary>The SemVer version (e.g. <c>1.6.1-rc.2</c>), for <c>{version}</c>, <c>{major}</c>, <c>{minor}</c> and <c>{patch}</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The full commit id, for <c>{sha}</c> and <c>{sha7}</c>.</summary>
    public string? Sha { get; init; }

    /// <summary>The environment name, for <c>{env}</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The moment rendered by <c>{date}</c> and <c>{date:FORMAT}</c>, in UTC. The caller passes the clock so renders are reproducible.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The value of one placeholder, or null when it is not known.</summary>
    internal string? Value(string placeholder, string? format) => placeholder switch
    {
        "service" => Service,
        "version" => Version,
        "major" => VersionPart(0),
        "minor" => VersionPart(1),
        "patch" => VersionPart(2),
        "sha" => Sha,
        "sha7" => Sha is null ? null : Sha[..Math.Min(7, Sha.Length)],
        "env" => Environment,
        "date" => Date?.UtcDateTime.ToString(format ?? TagTemplate.DefaultDateFormat, CultureInfo.InvariantCulture),
        _ => null,
    };

    // A plain split of MAJOR.MINOR.PATCH[-pre][+build]: enough for naming, precedence is the versioning model's job.
    private string? VersionPart(int index)
    {
        if (Version is null)
        {
            return null;
        }

        var core = Version.Split('-', '+')[0].TrimStart('v');
        var parts = core.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) ? parts[index] : null;
    }
}
