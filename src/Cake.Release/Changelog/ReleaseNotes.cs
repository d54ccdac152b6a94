using System.Globalization;
using System.Text;
using Cake.Release.Changes;

namespace Cake.Release.Changelog;

/// <summary>A Keep a Changelog section for one release, rendered from parsed commits.</summary>
public static class ReleaseNotes
{
    /// <summary>
    /// <c>## [1.6.0] - 2025-01-20</c> and its <c>### Added</c> … <c>### Other</c> lists, newest commit first within
    /// each, lines ending in <c>\n</c>. A release whose changes are all hidden types says so instead of being empty.
    /// </summary>
    /// <param name="version">The version, as written in the heading.</param>
    /// <param name="date">The release date.</param>
    /// <param name="entries">The changes, newest first (git log order).</param>
    /// <param name="format">Sections, hidden types and the breaking marker.</param>
    public static string Render(string version, DateOnly date, IEnumerable<ChangeEntry> entries, ChangelogFormat format)
    {
        var sections = new Dictionary<string, List<string>>();
        foreach (var entry in entries)
        {
            if (SectionOf(entry, format) is not { } section)
            {
                continue;
            }

            if (!sections.TryGetValue(section, out var lines))
            {
                sections[section] = lines = [];
            }

            var line = Line(entry, format);
            if (!lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        var text = new StringBuilder($"## [{version}] - {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n");
        if (sections.Count == 0)
        {
            text.Append("\nNo notable changes.\n");
        }

        foreach (var section in ChangelogFormat.SectionOrder.Concat(sections.Keys.Except(ChangelogFormat.SectionOrder).Order()).Where(sections.ContainsKey))
        {
            text.Append($"\n### {section}\n\n");
            sections[section].ForEach(line => text.Append(line).Append('\n'));
        }

        return text.ToString();
    }

    private static string? SectionOf(ChangeEntry entry, ChangelogFormat format) => entry switch
    {
        { Kind: ChangeKind.Other } => "Other",
        { Type: { } type } when format.Sections.TryGetValue(type, out var section) => section,
        { Type: { } type, Breaking: false } when format.Hidden.Contains(type) => null,
        _ => "Changed",
    };

    private static string Line(ChangeEntry entry, ChangelogFormat format)
    {
        var text = new StringBuilder("- ");
        if (entry.Breaking)
        {
            text.Append(format.BreakingMarker).Append(' ');
        }

        if (entry.Scope is { } scope)
        {
            text.Append("**").Append(scope).Append(":** ");
        }

        text.Append(entry.Kind == ChangeKind.Revert ? $"Revert \"{entry.Description}\"" : entry.Description);
        if (entry.BreakingNote is { } note && note != entry.Description)
        {
            text.Append(" — ").Append(note);
        }

        return text.Append(" (").Append(entry.ShortSha).Append(')').ToString();
    }
}
