namespace Cake.Release.GitOps;

/// <summary>
/// Several services' deployments into one environment as one commit, as DeployDev writes them (DESIGN §4): each
/// deployment is composed against the branch with the earlier ones' edits applied, so two services sharing an
/// overlay or a values file both land in it. The message keeps one trailer block per service (<c>Service:</c>,
/// <c>Version:</c>, <c>Digest:</c>, …), so <c>git log --grep="Service: blue"</c> still finds every release of blue.
/// </summary>
public static class DeploymentBatch
{
    // A subject names the services while it stays readable in `git log --oneline`.
    private const int NamedServices = 5;

    /// <summary>The commit for <paramref name="deployments"/> on <paramref name="snapshot"/>, and the services it changes.</summary>
    /// <param name="environment">The environment written.</param>
    /// <param name="deployments">Each service with how its own commit is composed on a branch tip.</param>
    /// <param name="snapshot">The branch as the writer found it.</param>
    public static (BranchChange Change, IReadOnlySet<string> Changed) Compose(string environment, IReadOnlyList<(string Service, Func<BranchSnapshot, BranchChange> Compose)> deployments, BranchSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(snapshot);
        var edits = new List<FileEdit>();
        var renders = new List<Manifests.OverlayRelease>();
        var messages = new List<(string Service, string Message)>();
        var at = snapshot;
        foreach (var (service, compose) in deployments)
        {
            var change = compose(at);
            // A service whose entry (and files) the branch already holds adds nothing, not even a trailer block.
            if (change.Files.All(edit => at.ReadText(edit.Path) == edit.Text))
            {
                continue;
            }

            edits.AddRange(change.Files);
            renders.AddRange(change.Renders ?? []);
            messages.Add((service, change.Message));
            at = snapshot.After(edits);
        }

        // One file edited by several deployments: the last edit holds them all, since each composed on the one before.
        var files = edits.GroupBy(edit => edit.Path, StringComparer.Ordinal).Select(group => group.Last()).ToList();
        var changed = messages.Select(m => m.Service).ToHashSet(StringComparer.Ordinal);
        return messages.Count switch
        {
            0 => (new BranchChange("", [], []), changed),
            1 => (new BranchChange(messages[0].Message, files, renders), changed),
            _ => (new BranchChange(Message(environment, messages), files, renders), changed),
        };
    }

    // deploy(blue, green): sha-3f2c1a0 → dev, then each service's trailer block.
    private static string Message(string environment, List<(string Service, string Message)> messages)
    {
        var blocks = messages.Select(m => m.Message.Split("\n\n", 2)).ToList();
        var versions = blocks.Select(b => b[0][(b[0].IndexOf("): ", StringComparison.Ordinal) + 3)..]).Distinct(StringComparer.Ordinal).ToList();
        var scope = messages.Count <= NamedServices ? string.Join(", ", messages.Select(m => m.Service)) : $"{messages.Count} services";
        var subject = versions.Count == 1 ? $"deploy({scope}): {versions[0]}" : $"deploy({scope}) → {environment}";
        return $"{subject}\n\n{string.Join("\n", blocks.Select(b => b.Length > 1 ? b[1] : ""))}";
    }
}
