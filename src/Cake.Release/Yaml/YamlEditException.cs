namespace Cake.Release.Yaml;

/// <summary>
/// A YAML edit that cannot be made: invalid YAML, or a path that does not fit the document. The message starts with
/// <c>line L, column C:</c> so that a caller's <c>file:</c> prefix makes it a complete error line.
/// </summary>
public sealed class YamlEditException : ReleaseException
{
    /// <summary>Creates the exception for a problem at a 1-based line and column of the YAML text.</summary>
    public YamlEditException(int line, int column, string problem)
        : base($"line {line}, column {column}: {problem}")
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the exception for a problem found by YamlDotNet, keeping it as the cause.</summary>
    public YamlEditException(int line, int column, string problem, Exception inner)
        : base($"line {line}, column {column}: {problem}", inner)
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The 1-based line of the text where the problem is.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-16 characters) on <see cref="Line"/>.</summary>
    public int Column { get; }

    /// <summary>The message without its line and column, for callers that place it themselves.</summary>
    public string Problem { get; }
}
