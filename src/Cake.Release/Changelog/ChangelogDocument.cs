using System.Text;
using System.Text.RegularExpressions;

namespace Cake.Release.Changelog;

/// <summary>
/// A Keep a Changelog 1.1.0 file: a header, <c>## [Unreleased]</c>, one <c>## [version] - date</c> section per
/// release (newest first) and link definitions at the bottom. A release is added as a new section under
/// <c>## [Unreleased]</c> (above every other release) and, when the remote is a known host, its compare link; every
/// other line, hand edits included, stays exactly as it was, line endings too.
/// </summary>
public sealed partial class ChangelogDocument
{
    /// <summary>The standard header a new changelog starts with.</summary>
    public const string StandardHeader =
        "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n" +
        "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n" +
        "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n## [Unreleased]\n";

    private readonly List<string> _lines;
    private readonly string _newline;
    private readonly bool _finalNewline;

    private ChangelogDocument(string file, string text)
    {
        File = file;
        _newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        _finalNewline = text.Length == 0 || text.EndsWith('\n');
        _lines = [.. text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n')];
        if (text.Length == 0)
        {
            _lines.Clear();
        }
    }

    /// <summary>Where the file is, as messages name it.</summary>
    public string File { get; }

    /// <summary>The versions the file has sections for, newest (topmost) first.</summary>
    public IReadOnlyList<string> Versions => _lines.Select(l => VersionHeading().Match(l)).Where(m => m.Success).Select(m => m.Groups["version"].Value).ToList();

    /// <summary>
    /// Reads a changelog; a missing file (null text) is a new one with the standard header. A file with list entries
    /// or <c>##</c> headings but no release heading (neither <c>## [Unreleased]</c> nor a version) is not a Keep a
    /// Changelog file: a one-line <see cref="ReleaseException"/> with file:line.
    /// </summary>
    /// <param name="file">The path messages name.</param>
    /// <param name="text">The file's text, or null when it does not exist.</param>
    public static ChangelogDocument Parse(string file, string? text)
    {
        var document = new ChangelogDocument(file, text ?? StandardHeader);
        var lines = document._lines;
        if (!lines.Any(l => VersionHeading().IsMatch(l) || UnreleasedHeading().IsMatch(l)))
        {
            var entry = lines.FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal) || ListItem().IsMatch(l));
            if (entry >= 0)
            {
                throw new ReleaseException($"{file}:{entry + 1}: the changelog has entries but no release heading (## [Unreleased] or ## [1.2.3] - 2025-01-20); put them under such a heading (Keep a Changelog 1.1.0), or move the file away to start a new one.");
            }
        }

        return document;
    }

    /// <summary>Whether the file has a section for <paramref name="version"/>.</summary>
    /// <param name="version">The version as written in headings.</param>
    public bool Has(string version) => Versions.Contains(version);

    /// <summary>
    /// The text with <paramref name="section"/> added as the topmost release and the compare links updated; the
    /// file's text unchanged when it already has a section for <paramref name="version"/> (a re-run adds nothing).
    /// </summary>
    /// <param name="version">The release's version.</param>
    /// <param name="section">The rendered section (<see cref="ReleaseNotes.Render"/>), lines ending in <c>\n</c>.</param>
    /// <param name="links">The compare links to write (unreleased and this version), or null to leave links alone.</param>
    public string AddRelease(string version, string section, ReleaseLinks? links)
    {
        var lines = new List<string>(_lines);
        if (Has(version))
        {
            return Text(lines);
        }

        var linkStart = LinkBlockStart(lines);
        var at = lines.FindIndex(l => VersionHeading().IsMatch(l));
        if (at < 0)
        {
            at = linkStart;
            while (at > 0 && lines[at - 1].Trim().Length == 0)
            {
                at--;
            }
        }

        var inserted = section.TrimEnd('\n').Split('\n').ToList();
        if (at > 0 && lines[at - 1].Trim().Length > 0)
        {
            inserted.Insert(0, "");
        }

        if (at < lines.Count)
        {
            inserted.Add("");
        }

        lines.InsertRange(at, inserted);
        if (links is not null)
        {
            WriteLinks(lines, version, links);
        }

        return Text(lines);
    }

    private static void WriteLinks(List<string> lines, string version, ReleaseLinks links)
    {
        var start = LinkBlockStart(lines);
        if (start == lines.Count)
        {
            lines.Add("");
            start = lines.Count;
        }

        var unreleased = lines.FindIndex(start, l => LinkDefinition().Match(l) is { Success: true } m && m.Groups["label"].Value.Equals("unreleased", StringComparison.OrdinalIgnoreCase));
        var definition = $"[{version}]: {links.Release}";
        if (unreleased >= 0)
        {
            var label = LinkDefinition().Match(lines[unreleased]).Groups["label"].Value;
            lines[unreleased] = $"[{label}]: {links.Unreleased}";
            lines.Insert(unreleased + 1, definition);
        }
        else
        {
            lines.Insert(start, $"[unreleased]: {links.Unreleased}");
            lines.Insert(start + 1, definition);
        }
    }

    // The link definitions at the bottom of the file: the trailing run of definition (and blank) lines.
    private static int LinkBlockStart(List<string> lines)
    {
        var start = lines.Count;
        while (start > 0 && (LinkDefinition().IsMatch(lines[start - 1]) || lines[start - 1].Trim().Length == 0))
        {
            start--;
        }

        while (start < lines.Count && lines[start].Trim().Length == 0)
        {
            start++;
        }

        return start;
    }

    private string Text(List<string> lines)
    {
        var text = new StringBuilder(string.Join(_newline, lines));
        return (_finalNewline && lines.Count > 0 ? text.Append(_newline) : text).ToString();
    }

    [GeneratedRegex(@"^## \[?(?<version>[0-9]+\.[0-9]+\.[0-9]+[^\]\s]*)\]?(?:\s|$)")]
    private static partial Regex VersionHeading();

    [GeneratedRegex(@"^## \[?Unreleased\]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnreleasedHeading();

    [GeneratedRegex(@"^\[(?<label>[^\]]+)\]:\s*\S+\s*$")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^\s*[-*+] \S")]
    private static partial Regex ListItem();
}
