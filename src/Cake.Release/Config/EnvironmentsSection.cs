using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>
/// The <c>environments:</c> section of release.yaml: each environment, its <c>updates:</c> and <c>notify:</c>
/// entries, and the promotion chains their <c>from</c> keys form (no unknown source, no cycle, one auto start).
/// </summary>
internal static class EnvironmentsSection
{
    private static readonly string[] EnvironmentKeys = ["branch", "from", "auto", "imageTag", "preRelease", "approvals", "soak", "milestoneTag", "updates", "notify", "render", "soakPolicy", "freeze", "promotion", "draftPullRequest"];
    private static readonly string[] FileUpdateKeys = ["file", "path", "value", "for"];

    public static IReadOnlyList<EnvironmentConfig> Read(ConfigReader reader, YamlMappingNode root, Func<string, string?> environment, TagsConfig tags, GitConfig git)
    {
        var render = RenderSection.Default(reader, root);
        var node = reader.Required(root, root, string.Empty, "environments", "environments: with at least one environment, e.g. dev: { branch: gitops/dev }");
        var map = reader.Mapping(node, "environments", "environments: followed by one indented key per environment, e.g. dev:");
        var entries = reader.Entries(map, "environments", null, string.Empty);
        if (entries.Count == 0)
        {
            throw reader.Error(node, "environments", "environments is empty; declare at least one, e.g. dev: { branch: gitops/dev, auto: true }");
        }

        var read = entries.Select(e => ReadEnvironment(reader, e.Name, e.Key, e.Value, environment, tags, render, git)).ToList();
        CheckPromotionChains(reader, read);
        CheckImageTags(reader, read);
        return read.Select(r => r.Config).ToList();
    }

    private sealed record ReadEnvironmentNodes(EnvironmentConfig Config, YamlNode Key, YamlNode? From, YamlNode? Auto, YamlNode? ImageTag);

    private static ReadEnvironmentNodes ReadEnvironment(ConfigReader reader, string name, YamlNode keyNode, YamlNode value, Func<string, string?> environment, TagsConfig tags, YamlMappingNode? render, GitConfig git)
    {
        var key = $"environments.{name}";
        if (ReleaseNames.NameProblem(name) is { } nameProblem)
        {
            throw reader.Error(keyNode, key, $"environment \"{name}\" {nameProblem}");
        }

        var env = reader.Mapping(value, key, $"{name}: with indented keys, e.g. branch: gitops/{name}");
        reader.Entries(env, key, EnvironmentKeys, "a key of an environment");
        var soak = reader.OptionalText(env, key, "soak", s => Durations.Parse(s) is not null ? null
            : s.StartsWith('-') && Durations.Parse(s[1..]) is not null ? $"is negative; a soak time is 0 or more, e.g. {Durations.Examples}"
            : $"is not a duration; write e.g. {Durations.Examples}");
        var approvals = reader.OptionalCount(env, key, "approvals", "approvers") ?? 0;

        var config = new EnvironmentConfig
        {
            Name = name,
            Branch = reader.Text(reader.Required(env, keyNode, key, "branch", $"branch: gitops/{name} (the GitOps branch of its manifest)"), $"{key}.branch"),
            From = reader.OptionalText(env, key, "from"),
            Auto = reader.OptionalFlag(env, key, "auto") ?? false,
            ImageTag = reader.OptionalText(env, key, "imageTag", t => ReleaseNames.ImageTagProblem(t) ?? MovingTagProblem(t, name, tags.Build)),
            PreRelease = reader.OptionalText(env, key, "preRelease", ReleaseNames.PreReleaseProblem),
            Approvals = approvals,
            Promotion = reader.OptionalText(env, key, "promotion", p => p is "push" or "pull-request" ? null : "is not a way to promote; write push (the default) or pull-request") == "pull-request"
                ? PromotionMode.PullRequest : PromotionMode.Push,
            DraftPullRequest = reader.OptionalFlag(env, key, "draftPullRequest") ?? false,
            Soak = soak is null ? TimeSpan.Zero : Durations.Parse(soak)!.Value,
            SoakPolicy = reader.OptionalText(env, key, "soakPolicy", p => p is "block" or "warn" ? null : "is not a soak policy; write soakPolicy: block (refuse a short soak, the default) or soakPolicy: warn (let it through with a warning)") == "warn" ? SoakPolicy.Warn : SoakPolicy.Block,
            Freeze = FreezeSection.Read(reader, env, key),
            MilestoneTag = reader.OptionalTemplate(env, key, "milestoneTag"),
            Updates = ReadUpdates(reader, env, key),
            Notify = ReadNotify(reader, env, key, environment),
            Render = RenderSection.Read(reader, render, env, key, git.ManifestsDir),
            Location = reader.At(keyNode, key),
        };

        if (config.Promotion == PromotionMode.PullRequest && config.From is null)
        {
            throw reader.Error(ConfigReader.Optional(env, "promotion")!, $"{key}.promotion", $"{key}.promotion: pull-request needs a from: to promote from; {name} {(config.Auto ? "is written by DeployDev, which pushes" : "starts the chain")}, so remove promotion: here");
        }

        if (config.DraftPullRequest && config.Promotion != PromotionMode.PullRequest)
        {
            throw reader.Error(ConfigReader.Optional(env, "draftPullRequest")!, $"{key}.draftPullRequest", $"{key}.draftPullRequest applies to promotion by pull request; add promotion: pull-request to {name}, or remove draftPullRequest");
        }

        // DeployDev writes the auto environment on every push and checks no gates; a window there would never hold.
        if (config.Auto && config.Freeze.Count > 0)
        {
            throw reader.Error(ConfigReader.Optional(env, "freeze")!, $"{key}.freeze", $"{key}.freeze is set, but {name} is the auto environment, which DeployDev writes on every push without promotion checks; freeze the environments you promote into, and remove freeze: here");
        }

        if (config.SoakPolicy == SoakPolicy.Warn && soak is null)
        {
            throw reader.Error(ConfigReader.Optional(env, "soakPolicy")!, $"{key}.soakPolicy", $"{key}.soakPolicy is warn, but {name} has no soak: to warn about; add soak: 24h beside it, or remove soakPolicy:");
        }

        if (ReleaseNames.RefProblem(config.Branch) is { } branchProblem)
        {
            throw reader.Error(ConfigReader.Optional(env, "branch")!, $"{key}.branch", $"{key}.branch \"{config.Branch}\" {branchProblem}");
        }

        return new ReadEnvironmentNodes(config, keyNode, ConfigReader.Optional(env, "from"), ConfigReader.Optional(env, "auto"), ConfigReader.Optional(env, "imageTag"));
    }

    // An environment's tag moves with every promotion; release versions and build tags name one image for good
    // (Retag refuses to move them), so a moving tag of that shape would move a release or fail every promotion.
    private static string? MovingTagProblem(string tag, string environment, TagTemplate build)
    {
        if (Versioning.ReleaseVersion.TryParse(tag, out _, out _))
        {
            return $"is a SemVer version, so every promotion into {environment} would move the release tag {tag}, which must never move; name the moving tag after the environment, e.g. imageTag: {environment}";
        }

        return build.Matcher(null).IsMatch(tag)
            ? $"has the shape of the build tags (tags.build \"{build}\"), which name one build for good; name the moving tag after the environment, e.g. imageTag: {environment}"
            : null;
    }

    private static void CheckImageTags(ConfigReader reader, IReadOnlyList<ReadEnvironmentNodes> environments)
    {
        var seen = new Dictionary<string, ReadEnvironmentNodes>(StringComparer.Ordinal);
        foreach (var env in environments.Where(e => e.Config.ImageTag is not null))
        {
            var tag = env.Config.ImageTag!;
            if (seen.TryGetValue(tag, out var other))
            {
                var key = $"environments.{env.Config.Name}.imageTag";
                throw reader.Error(env.ImageTag!, key,
                    $"{key} \"{tag}\" is also the imageTag of environments.{other.Config.Name} (line {other.ImageTag!.Start.Line}), so a promotion into either would move the other's tag; give each environment its own, e.g. imageTag: {env.Config.Name}");
            }

            seen[tag] = env;
        }
    }

    private static IReadOnlyList<ManifestUpdate> ReadUpdates(ConfigReader reader, YamlMappingNode env, string parent)
    {
        if (ConfigReader.Optional(env, "updates") is not { } node)
        {
            return [];
        }

        var key = $"{parent}.updates";
        var list = reader.Sequence(node, key, "a list of - kustomize: <dir> or - file: <file> with path:");
        var updates = new List<ManifestUpdate>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemKey = $"{key}[{i}]";
            var item = reader.Mapping(list.Children[i], itemKey, "- kustomize: <dir> or - file: <file> with path: \"{service}.image.tag\"");
            if (ConfigReader.Optional(item, "kustomize") is { } kustomize)
            {
                reader.Entries(item, itemKey, ["kustomize", "for"], "a key of a kustomize update (it takes kustomize: and for: images)");
                var scope = ReadFor(reader, item, itemKey);
                if (scope != UpdateServices.Images)
                {
                    throw reader.Error(ConfigReader.Optional(item, "for")!, $"{itemKey}.for", $"{itemKey}.for is {scope.ToString().ToLowerInvariant()}, but a kustomize update writes images: entries, which only services with an image have; remove for:, or pin charts with - file: <Application file> and path: \"[metadata.name={{service}}-{{env}}].spec.source.targetRevision\" with for: charts");
                }

                updates.Add(new KustomizeUpdate(CheckedPath(reader, kustomize, $"{itemKey}.kustomize")));
            }
            else if (ConfigReader.Optional(item, "file") is { } file)
            {
                reader.Entries(item, itemKey, FileUpdateKeys, "a key of a file update");
                var path = reader.Required(item, list.Children[i], itemKey, "path", "path: \"{service}.image.tag\" (the dotted key to set)");
                var fileKey = $"{itemKey}.file";
                updates.Add(new FileValueUpdate(
                    CheckedPath(reader, file, fileKey),
                    reader.Template(path, $"{itemKey}.path"),
                    reader.OptionalTemplate(item, itemKey, "value") ?? TagTemplate.Parse("{version}"))
                {
                    For = ReadFor(reader, item, itemKey),
                });
                reader.Template(file, fileKey);
            }
            else
            {
                reader.Entries(item, itemKey, ["kustomize", "file"], "a kind of update");
                throw reader.Error(list.Children[i], itemKey, $"{itemKey} names no file; write - kustomize: <overlay dir> or - file: <file> with path: <key>");
            }
        }

        return updates;
    }

    private static UpdateServices ReadFor(ConfigReader reader, YamlMappingNode item, string parent) =>
        reader.OptionalText(item, parent, "for", text => text is "images" or "charts" or "all"
            ? null
            : "is not a kind of service; write for: images (the default), for: charts (services with image: false) or for: all") switch
        {
            "charts" => UpdateServices.Charts,
            "all" => UpdateServices.All,
            _ => UpdateServices.Images,
        };

    private static string CheckedPath(ConfigReader reader, YamlNode node, string key)
    {
        var text = reader.Text(node, key);
        var (path, problem) = RepositoryPath.Normalize(text);
        return problem is null ? path! : throw reader.Error(node, key, $"{key} \"{text}\" {problem}");
    }

    private static IReadOnlyList<NotifyTarget> ReadNotify(ConfigReader reader, YamlMappingNode env, string parent, Func<string, string?> environment)
    {
        if (ConfigReader.Optional(env, "notify") is not { } node)
        {
            return [];
        }

        var key = $"{parent}.notify";
        var list = reader.Sequence(node, key, "a list of - teams: ${TEAMS_WEBHOOK_URL}");
        var targets = new List<NotifyTarget>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemKey = $"{key}[{i}]";
            var item = reader.Mapping(list.Children[i], itemKey, "- teams: ${TEAMS_WEBHOOK_URL} (or slack:, webhook:)");
            var entries = reader.Entries(item, itemKey, NotifyTarget.Kinds, "a kind of notification");
            if (entries.Count != 1)
            {
                throw reader.Error(item, itemKey, $"{itemKey} must name exactly one target; write one list item per target, e.g. - slack: ${{SLACK_WEBHOOK_URL}}");
            }

            var (kind, _, value) = entries[0];
            var urlKey = $"{itemKey}.{kind}";
            if (ConfigReader.IsNull(value))
            {
                throw reader.Error(value, urlKey, $"{urlKey} is empty; give the webhook URL through a variable, e.g. {kind}: ${{{kind.ToUpperInvariant()}_WEBHOOK_URL}}");
            }

            targets.Add(new NotifyTarget(kind, new ConfigValue(reader.Text(value, urlKey), reader.At(value, urlKey), environment)));
        }

        return targets;
    }

    private static void CheckPromotionChains(ConfigReader reader, IReadOnlyList<ReadEnvironmentNodes> environments)
    {
        var names = environments.Select(e => e.Config.Name).ToList();
        ReadEnvironmentNodes? auto = null;
        foreach (var env in environments)
        {
            var key = $"environments.{env.Config.Name}";
            if (env.Config.From is { } from && !names.Contains(from))
            {
                throw reader.Error(env.From!, $"{key}.from", $"{key}.from names \"{from}\", which is not an environment;{ConfigReader.Suggest(from, names)} environments: {string.Join(", ", names)}");
            }

            if (env.Config.Auto && env.Config.From is not null)
            {
                throw reader.Error(env.Auto!, $"{key}.auto", $"{key}.auto is true but the environment is promoted from {env.Config.From}; an auto environment starts the chain, so remove auto: true or from:");
            }

            if (env.Config.Auto && auto is not null)
            {
                throw reader.Error(env.Auto!, $"{key}.auto", $"{key}.auto is true, but environments.{auto.Config.Name} (line {auto.Auto!.Start.Line}) is already the auto environment; keep auto: true on one environment only");
            }

            if (env.Config.Auto)
            {
                auto = env;
            }
        }

        var byName = environments.ToDictionary(e => e.Config.Name);
        foreach (var start in environments)
        {
            var seen = new List<string>();
            for (var at = start; at.Config.From is { } from; at = byName[from])
            {
                seen.Add(at.Config.Name);
                if (seen.Contains(from))
                {
                    var loop = seen.Skip(seen.IndexOf(from)).Append(from);
                    var key = $"environments.{at.Config.Name}.from";
                    throw reader.Error(at.From!, key, $"{key} closes a promotion cycle: {string.Join(" → ", loop)}; the chain must start at an environment without from:");
                }
            }
        }
    }
}
