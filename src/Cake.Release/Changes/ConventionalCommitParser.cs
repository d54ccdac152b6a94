using System.Text.RegularExpressions;

namespace Cake.Release.Changes;

/// <summary>
/// Reads Conventional Commits 1.0.0 messages: <c>type(scope)!: description</c>, an optional body and footers
/// (<c>Token: value</c> or <c>Token #value</c>; <c>BREAKING CHANGE</c> and <c>BREAKING-CHANGE</c> mark a breaking change).
/// </summary>
/// <remarks>
/// The footer section starts at the first paragraph of the body that opens with a footer and runs to the end: a
/// footer's value goes on over lines and blank lines until the next token (spec items 8-10), so a breaking footer is
/// read wherever git put it, e.g. before the paragraph <c>git commit -s</c> adds. A breaking footer whose value starts
/// on the next line is read too: git strips the space after <c>BREAKING CHANGE:</c> when nothing follows it.
/// <para>
/// A squash merge describes several commits, and each becomes an entry with its own footers, besides the subject when
/// that is conventional too (the subject of a squash is the pull request's title): GitHub's body lists them as
/// <c>* type: description</c> followed by their bodies, <c>git merge --squash</c> as indented <c>git log</c> blocks.
/// Merge commits are skipped: the commits they bring in are in the log themselves. A revert is recognised by git's own
/// <c>Revert "…"</c> subject as well as by a <c>revert:</c> type. Anything else is kept as an
/// <see cref="ChangeKind.Other"/> entry, never dropped silently.
/// </para>
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

        var lines = commit.Message.Replace("\r\n", "\n").Trim('\n').Split('\n');
        var subject = lines[0].Trim();
        var (body, squashed) = Split(lines.Skip(1).ToList());
        var (breakingNote, others) = Footers(body);

        var entries = new List<ChangeEntry>();
        if (GitRevert().Match(subject) is { Success: true } revert)
        {
            entries.Add(new ChangeEntry(ChangeKind.Revert, "revert", null, revert.Groups["subject"].Value, breakingNote is not null, breakingNote, others, commit.Sha));
        }
        else if (Header(subject, commit.Sha) is { } header)
        {
            entries.Add(Broken(header with { Footers = others }, breakingNote));
        }

        foreach (var squash in squashed)
        {
            var (note, footers) = Footers(squash.Body);
            var entry = Header(squash.Subject, commit.Sha) is { } conventional
                ? Broken(conventional with { Footers = footers }, note)
                : new ChangeEntry(ChangeKind.Other, null, null, squash.Subject, note is not null, note, footers, commit.Sha);
            var same = entries.FindIndex(e => e.Type == entry.Type && e.Scope == entry.Scope && e.Description == entry.Description);
            if (same < 0)
            {
                entries.Add(entry);
            }
            else if (entry.Breaking && !entries[same].Breaking)
            {
                entries[same] = entries[same] with { Breaking = true, BreakingNote = entry.BreakingNote };
            }
        }

        // A subject that is not conventional still carries its own breaking footer: an entry of its own keeps it.
        if (entries.Count == 0 || (breakingNote is not null && !entries.Any(e => e.BreakingNote == breakingNote)))
        {
            entries.Add(new ChangeEntry(ChangeKind.Other, null, null, subject, breakingNote is not null, breakingNote, others, commit.Sha));
        }

        return entries;
    }

    private static ChangeEntry Broken(ChangeEntry entry, string? note) => note is null ? entry : entry with { Breaking = true, BreakingNote = note };

    private static ChangeEntry? Header(string text, string sha)
    {
        var match = ConventionalHeader().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value.ToLowerInvariant();
        var scope = match.Groups["scope"].Success && match.Groups["scope"].Value.Trim().Length > 0 ? match.Groups["scope"].Value.Trim() : null;
        return new ChangeEntry(type == "revert" ? ChangeKind.Revert : ChangeKind.Conventional, type, scope, match.Groups["description"].Value.Trim(),
            match.Groups["bang"].Success, null, [], sha);
    }

    // The commit's own body, and the commits a squash body lists, each as its subject and body.
    private static (List<string> Body, List<(string Subject, List<string> Body)> Squashed) Split(List<string> lines)
    {
        var own = new List<string>();
        var squashed = new List<(string Subject, List<string> Body)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (GitLogCommit().IsMatch(lines[i]) && i + 1 < lines.Count && lines[i + 1].Split(':')[0] is "Author" or "Merge")
            {
                // git merge --squash: "commit <sha>", Author:, Date:, a blank line, then the message indented by four spaces.
                var block = lines.Skip(i + 1).TakeWhile(l => !GitLogCommit().IsMatch(l)).ToList();
                var message = block.SkipWhile(l => l.Length > 0).Skip(1).Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l.TrimStart()).ToList();
                if (message.Count > 0)
                {
                    squashed.Add((message[0].Trim(), message.Skip(1).ToList()));
                }

                i += block.Count;
            }
            else if (SquashBullet().Match(lines[i]) is { Success: true } bullet && ConventionalHeader().IsMatch(bullet.Groups["header"].Value.Trim()))
            {
                squashed.Add((bullet.Groups["header"].Value.Trim(), []));
            }
            else
            {
                (squashed.Count > 0 ? squashed[^1].Body : own).Add(lines[i]);
            }
        }

        return (own, squashed);
    }

    // The footer section: from the first paragraph that opens with a footer to the end; a line that is not a footer
    // continues the value of the one before it.
    private static (string? BreakingNote, List<KeyValuePair<string, string>> Others) Footers(List<string> body)
    {
        var start = Enumerable.Range(0, body.Count).FirstOrDefault(i => (i == 0 || body[i - 1].Trim().Length == 0) && FooterLine().IsMatch(body[i].TrimEnd()), -1);
        var footers = new List<KeyValuePair<string, string>>();
        foreach (var line in start < 0 ? [] : body.Skip(start).Select(l => l.Trim()))
        {
            if (FooterLine().Match(line) is { Success: true } match)
            {
                footers.Add(new(match.Groups["token"].Value, match.Groups["value"].Value.Trim()));
            }
            else if (line.Length > 0)
            {
                footers[^1] = new(footers[^1].Key, (footers[^1].Value + " " + line).Trim());
            }
        }

        var breaking = footers.Where(IsBreaking).Select(f => f.Value).ToList();
        return (breaking.Count == 0 ? null : string.Join(" ", breaking), footers.Where(f => !IsBreaking(f)).ToList());
    }

    private static bool IsBreaking(KeyValuePair<string, string> footer) => footer.Key is "BREAKING CHANGE" or "BREAKING-CHANGE";

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z0-9_-]*)(?:\((?<scope>[^()]*)\))?(?<bang>!)?: +(?<description>\S.*)$")]
    private static partial Regex ConventionalHeader();

    // "Token: value", "Token #value"; the breaking tokens also as "BREAKING CHANGE:" with the value on the lines below.
    [GeneratedRegex(@"^(?:(?<token>BREAKING CHANGE|BREAKING-CHANGE):(?: (?<value>.*))?|(?<token>[A-Za-z][A-Za-z0-9-]*)(?:: | #)(?<value>.*))$")]
    private static partial Regex FooterLine();

    [GeneratedRegex("^Revert \"(?<subject>.+)\"$")]
    private static partial Regex GitRevert();

    [GeneratedRegex(@"^\s*[*-]\s+(?<header>\S.*)$")]
    private static partial Regex SquashBullet();

    [GeneratedRegex("^commit [0-9a-f]{40,64}$")]
    private static partial Regex GitLogCommit();
}
