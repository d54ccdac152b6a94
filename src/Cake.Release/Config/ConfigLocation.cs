namespace Cake.Release.Config;

/// <summary>Where a value was written in <c>release.yaml</c>, so that any later error about it can point there.</summary>
/// <param name="File">The configuration file as the user named it (e.g. <c>release.yaml</c>).</param>
/// <param name="Line">The 1-based line of the value.</param>
/// <param name="Key">The dotted key path, e.g. <c>environments.production.notify[0].teams</c>.</param>
public sealed record ConfigLocation(string File, int Line, string Key)
{
    /// <summary><c>file:line</c>, the prefix of every error about this value.</summary>
    public override string ToString() => $"{File}:{Line}";
}
