using System.Text.RegularExpressions;

namespace Cake.Release.Fragments;

/// <summary>A manifest commit's message as the facts read it: its subject's verb and service, and one trailer block per service.</summary>
internal sealed partial class ManifestCommitTrailers
{
    private readonly string? _verb;
    private readonly string? _subjectService;
    private readonly Dictionary<string, List<string>> _approvers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    private ManifestCommitTrailers(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (Subject().Match(lines[0]) is { Success: true } subject)
        {
            (_verb, _subjectService) = (subject.Groups["verb"].Value, subject.Groups["service"].Value);
        }

        // DeployDev writes one block per service, each starting with Service:; Approved-by: belongs to the block it is in.
        string? block = null;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("Service: ", StringComparison.Ordinal))
            {
                block = line["Service: ".Length..].Trim();
                _services.Add(block);
            }
            else if (block is not null && line.StartsWith("Approved-by: ", StringComparison.Ordinal))
            {
                (_approvers.TryGetValue(block, out var list) ? list : _approvers[block] = []).Add(line["Approved-by: ".Length..].Trim());
            }
        }
    }

    public static ManifestCommitTrailers Read(string message) => new(message);

    /// <summary>The subject's verb when the commit is about <paramref name="service"/> (its subject or one of its blocks names it).</summary>
    public string? Verb(string service) => _verb is not null && (_subjectService == service || _services.Contains(service)) ? _verb : null;

    public IReadOnlyList<string> ApprovedBy(string service) => _approvers.TryGetValue(service, out var list) ? list : [];

    [GeneratedRegex(@"^(?<verb>[a-z]+)\((?<service>[^)]*)\)(!)?:")]
    private static partial Regex Subject();
}
