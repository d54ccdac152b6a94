namespace Cake.Release.Config;

/// <summary>
/// A mistake in <c>release.yaml</c>. The one-line message starts with <c>file:line:</c>, names the key and says how
/// to fix it, e.g. <c>release.yaml:12: enviroments is not a release.yaml key; did you mean environments?</c>.
/// </summary>
public sealed class ReleaseConfigException : ReleaseException
{
    /// <summary>Creates the exception for a mistake at <paramref name="location"/>.</summary>
    /// <param name="location">Where the mistake is: file, line and key.</param>
    /// <param name="message">The rest of the line: what is wrong with the key and how to fix it, starting with the key.</param>
    public ReleaseConfigException(ConfigLocation location, string message)
        : base($"{location.File}:{location.Line}: {message}")
    {
        Location = location;
    }

    /// <summary>Where the mistake is.</summary>
    public ConfigLocation Location { get; }
}
