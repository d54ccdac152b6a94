using Cake.Release.Fragments;
using Cake.Release.Versioning;

namespace Cake.Release.Reporting;

/// <summary>
/// The <c>incomplete</c> mark: a coordinated release that reached an environment for some of its components and not
/// for others (seed 001: "highlight discrepancies or incomplete deployments").
/// <para>
/// A <b>coordinated release</b> is a version partition of the release record holding facts (releases or
/// deployments, anywhere) of two or more components, like the seed's <c>v1.4.0</c> holding
/// <c>backend#auth-service</c> and <c>frontend#shell</c>; its <b>members</b> are those components. When at least one
/// member runs version V in environment E now, every other member that does not is marked incomplete in E, unless
/// what it runs in E is a SemVer version of greater precedence than V (it has moved past the release; where either
/// version is not SemVer, such as a build tag, it moved past when what it runs reached E after its own newest fact of
/// V, unless it got there by a rollback), or its
/// repository has no environment E (publishes no such environment and runs nothing there). Environments are compared
/// by name across repositories: <c>prod</c> of one and <c>production</c> of another are two environments. A version
/// partition with one component is never incomplete.
/// </para>
/// </summary>
public static class IncompleteReleases
{
    /// <summary>How many of the members that run the release a note names before it says "and N more".</summary>
    public const int NamedInNote = 3;

    /// <summary>The incomplete cells and their notes: <c>incomplete: 1.4.0 is in production for shop/api, not here</c>.</summary>
    /// <param name="current">What runs now, per (component, environment).</param>
    /// <param name="releases">The facts of each version partition that is checked (at least those running somewhere).</param>
    /// <param name="published">The environments each repository publishes (the publish marks), beyond those it runs something in.</param>
    public static IReadOnlyDictionary<(string ComponentId, string Environment), string> Find(
        IReadOnlyDictionary<(string ComponentId, string Environment), ReleaseFragment> current,
        IReadOnlyDictionary<string, IReadOnlyList<ReleaseFragment>> releases,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? published = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(releases);
        var environmentsOf = RepositoryEnvironments.Of(current.Values, published);
        var environments = current.Keys.Select(k => k.Environment).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var notes = new Dictionary<(string, string), List<string>>();
        foreach (var (version, facts) in releases.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var members = facts.Select(f => f.ComponentId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var repositories = facts.GroupBy(f => f.ComponentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Repository, StringComparer.Ordinal);
            if (members.Count < 2)
            {
                continue;
            }

            ReleaseVersion.TryParse(version, out var released, out _);
            foreach (var environment in environments)
            {
                var running = members.Where(m => current.GetValueOrDefault((m, environment))?.Version == version).ToList();
                if (running.Count == 0)
                {
                    continue;
                }

                foreach (var member in members.Except(running, StringComparer.Ordinal))
                {
                    if (!environmentsOf.TryGetValue(repositories[member], out var known) || !known.Contains(environment))
                    {
                        continue;
                    }

                    if (current.GetValueOrDefault((member, environment)) is { } now && MovedPast(now, released, facts.Where(f => f.ComponentId == member)))
                    {
                        continue;
                    }

                    var named = string.Join(", ", running.Take(NamedInNote)) + (running.Count > NamedInNote ? $" and {running.Count - NamedInNote} more" : "");
                    var key = (member, environment);
                    if (!notes.TryGetValue(key, out var list))
                    {
                        notes[key] = list = [];
                    }

                    list.Add($"{version} is in {environment} for {named}, not here");
                }
            }
        }

        return notes.ToDictionary(n => n.Key, n => "incomplete: " + string.Join("; ", n.Value));
    }

    // What the member runs is past the release: a SemVer version of greater precedence; or, where either is not
    // SemVer (build tags such as sha-3f2c1a0, which one DeployDev gives every service it deploys), a deployment made
    // after the member's own newest fact of the release, other than a rollback (which goes back).
    private static bool MovedPast(ReleaseFragment now, NuGet.Versioning.SemanticVersion? released, IEnumerable<ReleaseFragment> ownFacts)
    {
        if (released is not null && ReleaseVersion.TryParse(now.Version, out var running, out _))
        {
            return Precedence.SemVer.Compare(running, released) > 0;
        }

        return now.Action != FragmentActions.Rollback && ownFacts.Select(f => f.At).DefaultIfEmpty(DateTimeOffset.MaxValue).Max() < now.At;
    }
}
