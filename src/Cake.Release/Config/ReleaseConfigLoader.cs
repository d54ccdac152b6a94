using Cake.Release.Hosting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>
/// Loads <c>release.yaml</c> (version 1) into a <see cref="ReleaseConfig"/>, refusing the first mistake with a
/// <see cref="ReleaseConfigException"/>: one line naming file, line, key and the fix.
/// </summary>
public static class ReleaseConfigLoader
{
    /// <summary>The registry when <c>registry:</c> is absent: an OCI image layout inside the repository.</summary>
    public const string DefaultRegistry = "oci:.release/registry";

    private static readonly string[] TopKeys = ["version", "registry", "git", "tags", "build", "environments", "services"];
    private static readonly string[] GitKeys = ["remote", "mainBranch", "manifestsDir"];
    private static readonly string[] TagKeys = ["release", "releaseBranch", "build"];
    private static readonly string[] BuildKeys = ["builder"];
    private static readonly string[] EnvironmentKeys = ["branch", "from", "auto", "imageTag", "preRelease", "approvals", "soak", "milestoneTag", "updates", "notify"];
    private static readonly string[] ServiceKeys = ["path", "image", "dockerfile", "chart", "changelog", "dependsOn"];
    private static readonly string[] FileUpdateKeys = ["file", "path", "value"];

    private static readonly Dictionary<string, BuilderKind> Builders = new()
    {
        ["docker"] = BuilderKind.Docker,
        ["buildah"] = BuilderKind.Buildah,
        ["podman"] = BuilderKind.Podman,
        ["oci-layer"] = BuilderKind.OciLayer,
    };

    /// <summary>
    /// Loads the configuration file. The repository root is the file's folder; <c>${VAR}</c> values read the
    /// process environment when they are resolved.
    /// </summary>
    /// <param name="configFile">The file as the user named it (e.g. <c>release.yaml</c> or <c>--config</c>); errors start with this name.</param>
    public static ReleaseConfig Load(string configFile)
    {
        var full = Path.GetFullPath(configFile);
        if (!File.Exists(full))
        {
            throw new ReleaseException($"{configFile}: the release configuration is not there; create release.yaml at the repository root or pass --config=<path>.");
        }

        return Parse(File.ReadAllText(full), configFile, Path.GetDirectoryName(full)!, Environment.GetEnvironmentVariable);
    }

    /// <summary>Parses and validates configuration text; service paths are checked against <paramref name="repositoryRoot"/> on disk.</summary>
    /// <param name="yaml">The text of the configuration file.</param>
    /// <param name="configFile">The file name errors start with.</param>
    /// <param name="repositoryRoot">The folder relative paths start from.</param>
    /// <param name="environment">Reads an environment variable (null when unset), used when a <c>${VAR}</c> value is resolved.</param>
    public static ReleaseConfig Parse(string yaml, string configFile, string repositoryRoot, Func<string, string?> environment)
    {
        var reader = new ConfigReader(configFile);
        var root = LoadRoot(yaml, reader);
        var rootKey = (YamlNode)root;

        var version = reader.Required(root, rootKey, string.Empty, "version", "version: 1 as the first line");
        if (version is not YamlScalarNode { Value: "1" })
        {
            throw reader.Error(version, "version", $"version is {ConfigReader.Describe(version)}, but this Cake.Release reads version 1; write version: 1 (or upgrade Cake.Release)");
        }

        reader.Entries(root, string.Empty, TopKeys, "a release.yaml key");
        var repository = Path.GetFullPath(repositoryRoot);

        var environments = ReadEnvironments(reader, root, environment);
        var services = ReadServices(reader, root, repository);

        return new ReleaseConfig
        {
            File = configFile,
            RepositoryRoot = repository,
            Registry = reader.OptionalText(root, string.Empty, "registry", r => r.Any(char.IsWhiteSpace) ? "contains spaces; write oci:<dir>, <host>[:port]/<namespace> or http://<host>:<port>/<namespace>" : null) ?? DefaultRegistry,
            Git = ReadGit(reader, root),
            Tags = ReadTags(reader, root),
            Build = ReadBuild(reader, root),
            Environments = environments,
            Services = services,
        };
    }

    private static YamlMappingNode LoadRoot(string yaml, ConfigReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ReleaseConfigException(new ConfigLocation(reader.File, (int)e.Start.Line, string.Empty),
                $"not valid YAML at column {e.Start.Column}: {e.Message.TrimEnd('.')}; fix the indentation, quoting or brackets there");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's node tree gives up on some malformed flow collections without a mark; its parser knows the spot.
            var line = LastGoodLine(yaml);
            throw new ReleaseConfigException(new ConfigLocation(reader.File, line, string.Empty),
                "not valid YAML near this line; check the brackets and commas of the [..] or {..} there");
        }

        if (stream.Documents.Count == 0)
        {
            throw new ReleaseConfigException(new ConfigLocation(reader.File, 1, "version"),
                "the file is empty; start it with version: 1, then environments: and services:");
        }

        if (stream.Documents.Count > 1)
        {
            throw reader.Error(stream.Documents[1].RootNode, string.Empty, "holds a second YAML document; keep the whole configuration in one document (remove the ---)");
        }

        var root = stream.Documents[0].RootNode;
        return root as YamlMappingNode
            ?? throw reader.Error(root, string.Empty, $"the configuration must be a mapping of keys, not {ConfigReader.Describe(root)}; start it with version: 1");
    }

    private static int LastGoodLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = (int)parser.Current!.Start.Line;
            }
        }
        catch (YamlException e)
        {
            line = (int)e.Start.Line;
        }

        return line;
    }

    private static GitConfig ReadGit(ConfigReader reader, YamlMappingNode root)
    {
        if (ConfigReader.Optional(root, "git") is not { } node)
        {
            return new GitConfig();
        }

        var git = reader.Mapping(node, "git", "git: { remote: origin, mainBranch: main }");
        reader.Entries(git, "git", GitKeys, "a key of git");
        var defaults = new GitConfig();
        return new GitConfig
        {
            Remote = reader.OptionalText(git, "git", "remote", ReleaseNames.RefProblem) ?? defaults.Remote,
            MainBranch = reader.OptionalText(git, "git", "mainBranch", ReleaseNames.RefProblem) ?? defaults.MainBranch,
            ManifestsDir = reader.OptionalText(git, "git", "manifestsDir", d => RepositoryPath.Normalize(d).Problem) is { } dir
                ? RepositoryPath.Normalize(dir).Path!
                : defaults.ManifestsDir,
        };
    }

    private static TagsConfig ReadTags(ConfigReader reader, YamlMappingNode root)
    {
        if (ConfigReader.Optional(root, "tags") is not { } node)
        {
            return new TagsConfig();
        }

        var tags = reader.Mapping(node, "tags", "tags: { release: \"{service}/{version}\" }");
        reader.Entries(tags, "tags", TagKeys, "a key of tags");
        var defaults = new TagsConfig();
        return new TagsConfig
        {
            Release = reader.OptionalTemplate(tags, "tags", "release") ?? defaults.Release,
            ReleaseBranch = reader.OptionalTemplate(tags, "tags", "releaseBranch") ?? defaults.ReleaseBranch,
            Build = reader.OptionalTemplate(tags, "tags", "build") ?? defaults.Build,
        };
    }

    private static BuildConfig ReadBuild(ConfigReader reader, YamlMappingNode root)
    {
        if (ConfigReader.Optional(root, "build") is not { } node)
        {
            return new BuildConfig();
        }

        var build = reader.Mapping(node, "build", "build: { builder: docker }");
        reader.Entries(build, "build", BuildKeys, "a key of build");
        var builder = reader.OptionalText(build, "build", "builder", b => Builders.ContainsKey(b)
            ? null
            : $"is not a builder; use one of {string.Join(", ", Builders.Keys)}{Suggest(b, Builders.Keys)}");
        return builder is null ? new BuildConfig() : new BuildConfig { Builder = Builders[builder] };
    }

    private static IReadOnlyList<EnvironmentConfig> ReadEnvironments(ConfigReader reader, YamlMappingNode root, Func<string, string?> environment)
    {
        var node = reader.Required(root, root, string.Empty, "environments", "environments: with at least one environment, e.g. dev: { branch: gitops/dev }");
        var map = reader.Mapping(node, "environments", "environments: followed by one indented key per environment, e.g. dev:");
        var entries = reader.Entries(map, "environments", null, string.Empty);
        if (entries.Count == 0)
        {
            throw reader.Error(node, "environments", "environments is empty; declare at least one, e.g. dev: { branch: gitops/dev, auto: true }");
        }

        var read = entries.Select(e => ReadEnvironment(reader, e.Name, e.Key, e.Value, environment)).ToList();
        CheckPromotionChains(reader, read);
        return read.Select(r => r.Config).ToList();
    }

    private sealed record ReadEnvironmentNodes(EnvironmentConfig Config, YamlNode Key, YamlNode? From, YamlNode? Auto);

    private static ReadEnvironmentNodes ReadEnvironment(ConfigReader reader, string name, YamlNode keyNode, YamlNode value, Func<string, string?> environment)
    {
        var key = $"environments.{name}";
        if (ReleaseNames.NameProblem(name) is { } nameProblem)
        {
            throw reader.Error(keyNode, key, $"environment \"{name}\" {nameProblem}");
        }

        var env = reader.Mapping(value, key, $"{name}: with indented keys, e.g. branch: gitops/{name}");
        reader.Entries(env, key, EnvironmentKeys, "a key of an environment");
        var soak = reader.OptionalText(env, key, "soak", s => Durations.Parse(s) is null ? $"is not a duration; write e.g. {Durations.Examples}" : null);
        var approvals = reader.OptionalCount(env, key, "approvals", "approvers") ?? 0;

        var config = new EnvironmentConfig
        {
            Name = name,
            Branch = reader.Text(reader.Required(env, keyNode, key, "branch", $"branch: gitops/{name} (the GitOps branch of its manifest)"), $"{key}.branch"),
            From = reader.OptionalText(env, key, "from"),
            Auto = reader.OptionalFlag(env, key, "auto") ?? false,
            ImageTag = reader.OptionalText(env, key, "imageTag", ReleaseNames.ImageTagProblem),
            PreRelease = reader.OptionalText(env, key, "preRelease", ReleaseNames.PreReleaseProblem),
            Approvals = approvals,
            Soak = soak is null ? TimeSpan.Zero : Durations.Parse(soak)!.Value,
            MilestoneTag = reader.OptionalTemplate(env, key, "milestoneTag"),
            Updates = ReadUpdates(reader, env, key),
            Notify = ReadNotify(reader, env, key, environment),
            Location = reader.At(keyNode, key),
        };

        if (ReleaseNames.RefProblem(config.Branch) is { } branchProblem)
        {
            throw reader.Error(ConfigReader.Optional(env, "branch")!, $"{key}.branch", $"{key}.branch \"{config.Branch}\" {branchProblem}");
        }

        return new ReadEnvironmentNodes(config, keyNode, ConfigReader.Optional(env, "from"), ConfigReader.Optional(env, "auto"));
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
                reader.Entries(item, itemKey, ["kustomize"], "a key of a kustomize update (it takes only kustomize:)");
                updates.Add(new KustomizeUpdate(CheckedPath(reader, kustomize, $"{itemKey}.kustomize")));
            }
            else if (ConfigReader.Optional(item, "file") is { } file)
            {
                reader.Entries(item, itemKey, FileUpdateKeys, "a key of a file update");
                var path = reader.Required(item, list.Children[i], itemKey, "path", "path: \"{service}.image.tag\" (the dotted key to set)");
                updates.Add(new FileValueUpdate(
                    CheckedPath(reader, file, $"{itemKey}.file"),
                    reader.Template(path, $"{itemKey}.path"),
                    reader.OptionalTemplate(item, itemKey, "value") ?? TagTemplate.Parse("{version}")));
            }
            else
            {
                reader.Entries(item, itemKey, ["kustomize", "file"], "a kind of update");
                throw reader.Error(list.Children[i], itemKey, $"{itemKey} names no file; write - kustomize: <overlay dir> or - file: <file> with path: <key>");
            }
        }

        return updates;
    }

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
                throw reader.Error(env.From!, $"{key}.from", $"{key}.from names \"{from}\", which is not an environment;{Suggest(from, names)} environments: {string.Join(", ", names)}");
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

    private static IReadOnlyList<ServiceConfig> ReadServices(ConfigReader reader, YamlMappingNode root, string repository)
    {
        var node = reader.Required(root, root, string.Empty, "services", "services: with at least one service, e.g. blue: { path: projects/blue }");
        var map = reader.Mapping(node, "services", "services: followed by one indented key per service, e.g. blue:");
        var entries = reader.Entries(map, "services", null, string.Empty);
        if (entries.Count == 0)
        {
            throw reader.Error(node, "services", "services is empty; declare at least one, e.g. blue: { path: projects/blue }");
        }

        var names = entries.Select(e => e.Name).ToList();
        var services = new List<ServiceConfig>();
        var images = new Dictionary<string, (string Service, YamlNode Node)>();
        foreach (var (name, keyNode, value) in entries)
        {
            var service = ReadService(reader, name, keyNode, value, repository, names);
            var imageNode = value is YamlMappingNode m && ConfigReader.Optional(m, "image") is { } i ? i : keyNode;
            if (images.TryGetValue(service.Image, out var other))
            {
                throw reader.Error(imageNode, $"services.{name}.image",
                    $"services.{name}.image \"{service.Image}\" is also the image of services.{other.Service} (line {other.Node.Start.Line}); give each service its own image: with image: <repository>");
            }

            images[service.Image] = (name, imageNode);
            services.Add(service);
        }

        return services;
    }

    private static ServiceConfig ReadService(ConfigReader reader, string name, YamlNode keyNode, YamlNode value, string repository, IReadOnlyList<string> services)
    {
        var key = $"services.{name}";
        if (ReleaseNames.NameProblem(name) is { } nameProblem)
        {
            throw reader.Error(keyNode, key, $"service \"{name}\" {nameProblem}");
        }

        var service = reader.Mapping(value, key, $"{name}: with indented keys, e.g. path: projects/{name}");
        reader.Entries(service, key, ServiceKeys, "a key of a service");
        var pathNode = reader.Required(service, keyNode, key, "path", $"path: projects/{name} (the service folder, relative to the repository root)");
        var path = ExistingFolder(reader, pathNode, $"{key}.path", repository);

        var config = new ServiceConfig
        {
            Name = name,
            Path = path,
            Image = reader.OptionalText(service, key, "image", ReleaseNames.ImageProblem) ?? name,
            Chart = ConfigReader.Optional(service, "chart") is { } chart ? InsidePath(reader, chart, $"{key}.chart", repository, string.Empty) : null,
            Location = reader.At(keyNode, key),
        };

        if (config.Image == name && ReleaseNames.ImageProblem(name) is { } imageProblem)
        {
            throw reader.Error(keyNode, key, $"{key} needs an image: key, because its name \"{name}\" {imageProblem}");
        }

        return config with
        {
            Dockerfile = ConfigReader.Optional(service, "dockerfile") is { } dockerfile ? InsidePath(reader, dockerfile, $"{key}.dockerfile", repository, path) : config.Dockerfile,
            Changelog = ConfigReader.Optional(service, "changelog") is { } changelog ? InsidePath(reader, changelog, $"{key}.changelog", repository, path) : config.Changelog,
            DependsOn = ReadDependsOn(reader, service, key, repository, services),
        };
    }

    private static IReadOnlyList<string> ReadDependsOn(ConfigReader reader, YamlMappingNode service, string parent, string repository, IReadOnlyList<string> services)
    {
        if (ConfigReader.Optional(service, "dependsOn") is not { } node)
        {
            return [];
        }

        var key = $"{parent}.dependsOn";
        var list = reader.Sequence(node, key, "[libs/payments, other-service]");
        var dependencies = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemKey = $"{key}[{i}]";
            var text = reader.Text(list.Children[i], itemKey);
            if (services.Contains(text))
            {
                dependencies.Add(text);
                continue;
            }

            var (path, problem) = RepositoryPath.Normalize(text);
            if (problem is not null)
            {
                throw reader.Error(list.Children[i], itemKey, $"{itemKey} \"{text}\" {problem}");
            }

            var full = Path.Combine(repository, path!);
            if (!Directory.Exists(full) && !File.Exists(full))
            {
                var candidates = services.Concat(RepositoryPath.Siblings(repository, path!));
                throw reader.Error(list.Children[i], itemKey,
                    $"{itemKey} \"{text}\" is neither a service nor a path in the repository;{Suggest(text, candidates)} name a service or a folder relative to the repository root");
            }

            if (!RepositoryPath.StaysInside(repository, path!))
            {
                throw reader.Error(list.Children[i], itemKey, $"{itemKey} \"{text}\" leads outside the repository through a symbolic link; name a folder inside the repository");
            }

            dependencies.Add(path!);
        }

        return dependencies;
    }

    private static string ExistingFolder(ConfigReader reader, YamlNode node, string key, string repository)
    {
        var text = reader.Text(node, key);
        var (path, problem) = RepositoryPath.Normalize(text);
        if (problem is not null)
        {
            throw reader.Error(node, key, $"{key} \"{text}\" {problem}");
        }

        if (!Directory.Exists(Path.Combine(repository, path!)))
        {
            throw reader.Error(node, key,
                $"{key} \"{text}\" is not a folder of the repository;{Suggest(path!, RepositoryPath.Siblings(repository, path!))} create it or fix the path (relative to {repository})");
        }

        if (!RepositoryPath.StaysInside(repository, path!))
        {
            throw reader.Error(node, key, $"{key} \"{text}\" leads outside the repository through a symbolic link; point it at a folder inside the repository");
        }

        return path!;
    }

    // A file a service names (Dockerfile, changelog, chart): it may not exist yet, but it must not lead outside the repository.
    private static string InsidePath(ConfigReader reader, YamlNode node, string key, string repository, string servicePath)
    {
        var text = reader.Text(node, key).Replace('\\', '/');
        var rooted = text.StartsWith('/') || Path.IsPathRooted(text) || (text.Length > 1 && text[1] == ':');
        var (resolved, problem) = RepositoryPath.Normalize(servicePath is "" or "." || rooted ? text : $"{servicePath}/{text}");
        if (problem is null && Path.Exists(Path.Combine(repository, resolved!)) && !RepositoryPath.StaysInside(repository, resolved!))
        {
            problem = "leads outside the repository through a symbolic link; point it inside the repository";
        }

        return problem is null ? text : throw reader.Error(node, key, $"{key} \"{text}\" {problem}");
    }

    private static string Suggest(string wanted, IEnumerable<string> names)
    {
        var closest = ClosestNames.For(wanted, names, 1);
        return closest.Count > 0 ? $" did you mean {closest[0]}?" : string.Empty;
    }
}
