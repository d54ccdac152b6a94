using System.Text.RegularExpressions;

namespace Cake.Release.Changes;

/// <summary>
/// Reads Conventional Commits 1.0.0 messages: <c>type(scope)!: description</c>, an optional body and footers
/// (<c>Token: value</c> or <c>Token #value</c>; <c>BREAKING CHANGE</c> and <c>BREAKING-CHANGE</c> mark a breaking change).
/// </summary>
/// <remarks>
/// Squash merges put every squashed commit into the body as <c>* type: description</c> lines; each such line is an
/// entry of its own (besides the subject when that is conventional too), so none is lost behind the pull request's
/// title. Merge commits are skipped: the commits they bring in are in the log themselves. A revert is recognised by
/// git's own <c>Revert "…"</c> subject as well as by a <c>revert:</c> type. Anything else is kept as an
/// <see cref="ChangeKind.Other"/> entry, never dropped silently.
/// </remarks>
public static partial class ConventionalCommitParser
{
    /// <summary>The changes a commit describes; none for a merge commit.</summary>
    /// <param name="commit">The commit.</param>
    public static IReadOnlyList<ChangeEntry> Parse(CommitRecord commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.ParentCount > 1)
        {
            return [];
        }

        var message = commit.Message.Replace("\r\n", "\n").Trim('\n');
        var lines = message.Split('\n');
        var subject = lines[0].Trim();
        var paragraphs = Paragraphs(lines.Skip(1));
        var footers = paragraphs.Count > 0 && FooterLine().IsMatch(paragraphs[^1][0]) ? Footers(paragraphs[^1]) : [];
        var breakingNote = footers.FirstOrDefault(f => f.Key is "BREAKING CHANGE" or "BREAKING-CHANGE").Value;
        var others = footers.Where(f => f.Key is not ("BREAKING CHANGE" or "BREAKING-CHANGE")).ToList();

        var entries = new List<ChangeEntry>();
        if (GitRevert().Match(subject) is { Success: true } revert)
        {
            entries.Add(new ChangeEntry(ChangeKind.Revert, "revert", null, revert.Groups["subject"].Value, false, null, others, commit.Sha));
        }
        else if (Header(subject, commit.Sha, others) is { } header)
        {
            entries.Add(breakingNote is null ? header : header with { Breaking = true, BreakingNote = breakingNote });
        }

        // Bullets of a squash body: each one a change of its own; the subject of a squash is the pull request's title.
        var bullets = paragraphs.Take(footers.Count > 0 ? paragraphs.Count - 1 : paragraphs.Count)
            .SelectMany(p => p)
            .Select(line => SquashBullet().Match(line))
            .Where(m => m.Success)
            .Select(m => Header(m.Groups["header"].Value.Trim(), commit.Sha, []))
            .OfType<ChangeEntry>()
            .Where(bullet => !entries.Any(e => e.Type == bullet.Type && e.Scope == bullet.Scope && e.Description == bullet.Description));
        entries.AddRange(bullets);

        if (entries.Count == 0)
        {
            entries.Add(new ChangeEntry(ChangeKind.Other, null, null, subject, breakingNote is not null, breakingNote, others, commit.Sha));
        }

        return entries;
    }

    private static ChangeEntry? Header(string text, string sha, IReadOnlyList<KeyValuePair<string, string>> footers)
    {
        var match = ConventionalHeader().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value.ToLowerInvariant();
        var scope = match.Groups["scope"].Success && match.Groups["scope"].Value.Trim().Length > 0 ? match.Groups["scope"].Value.Trim() : null;
        return new ChangeEntry(type == "revert" ? ChangeKind.Revert : ChangeKind.Conventional, type, scope, match.Groups["description"].Value.Trim(),
            match.Groups["bang"].Success, null, footers, sha);
    }

    private static List<string[]> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string[]>();
        var current = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add([.. current]);
                    current.Clear();
                }

                continue;
            }

            current.Add(line.TrimEnd());
        }

        return paragraphs;
    }

    // A footer's value runs on over following lines until the next token.
    private static List<KeyValuePair<string, string>> Footers(string[] paragraph)
    {
        var footers = new List<KeyValuePair<string, string>>();
        foreach (var line in paragraph)
        {
            var match = FooterLine().Match(line);
            if (match.Success)
            {
                footers.Add(new(match.Groups["token"].Value, match.Groups["value"].Value.Trim()));
            }
            else if (footers.Count > 0)
            {
                footers[^1] = new(footers[^1].Key, (footers[^1].Value + " " + line.Trim()).Trim());
            }
        }

        return footers;
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z0-9_-]*)(?:\((?<scope>[^()]*)\))?(?<bang>!)?: +(?<description>\S.*)$")]
    private static partial Regex ConventionalHeader();

    [GeneratedRegex(@"^(?<token>BREAKING CHANGE|BREAKING-CHANGE|[A-Za-z][A-Za-z0-9-]*)(?:: | #)(?<value>.*)$")]
    private static partial Regex FooterLine();

    [GeneratedRegex("^Revert \"(?<subject>.+)\"$")]
    private static partial Regex GitRevert();

    [GeneratedRegex(@"^\s*[*-]\s+(?<header>\S.*)$")]
    private static partial Regex SquashBullet();
}
