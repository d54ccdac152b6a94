using YamlDotNet.RepresentationModel;

namespace Cake.Release.Config;

/// <summary>
/// The <c>services:</c> section of release.yaml: each service, its paths (existing, inside the repository) and
/// the paths or services it depends on.
/// </summary>
internal static class ServicesSection
{
    private static readonly string[] ServiceKeys = ["path", "image", "dockerfile", "context", "output", "buildArgs", "chart", "changelog", "dependsOn", "deploy", "kind"];

    public static IReadOnlyList<ServiceConfig> Read(ConfigReader reader, YamlMappingNode root, string repositoryRoot)
    {
        var repository = new RepositoryFolders(repositoryRoot);
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
            services.Add(service);
            if (service.ChartOnly)
            {
                continue;
            }

            var imageNode = value is YamlMappingNode m && ConfigReader.Optional(m, "image") is { } i ? i : keyNode;
            if (images.TryGetValue(service.Image, out var other))
            {
                throw reader.Error(imageNode, $"services.{name}.image",
                    $"services.{name}.image \"{service.Image}\" is also the image of services.{other.Service} (line {other.Node.Start.Line}); give each service its own image: with image: <repository>");
            }

            images[service.Image] = (name, imageNode);
        }

        CheckDependencyCycles(reader, entries, services);
        return services;
    }

    // A cycle would have DetectChanged mark services in a loop and BuildOnce wait forever for a service to wait for
    // it; the walk goes in file order, so the entry reported is the one that closes the loop it meets first.
    private static void CheckDependencyCycles(ConfigReader reader, IReadOnlyList<(string Name, YamlNode Key, YamlNode Value)> entries, IReadOnlyList<ServiceConfig> services)
    {
        var byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var service in services)
        {
            Visit(service);
        }

        void Visit(ServiceConfig service)
        {
            if (finished.Contains(service.Name))
            {
                return;
            }

            path.Add(service.Name);
            for (var i = 0; i < service.DependsOn.Count; i++)
            {
                if (!byName.TryGetValue(service.DependsOn[i], out var dependency))
                {
                    continue;
                }

                if (path.Contains(dependency.Name))
                {
                    var key = $"services.{service.Name}.dependsOn[{i}]";
                    var list = (YamlSequenceNode)ConfigReader.Optional((YamlMappingNode)entries.First(e => e.Name == service.Name).Value, "dependsOn")!;
                    var loop = path.Skip(path.IndexOf(dependency.Name)).Append(dependency.Name);
                    throw reader.Error(list.Children[i], key, $"{key} closes a dependency cycle: {string.Join(" → ", loop)}; remove one dependsOn entry of the cycle");
                }

                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
            finished.Add(service.Name);
        }
    }

    private static ServiceConfig ReadService(ConfigReader reader, string name, YamlNode keyNode, YamlNode value, RepositoryFolders repository, IReadOnlyList<string> services)
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
        if (IsChartOnly(service))
        {
            return ReadChartOnly(reader, name, keyNode, service, key, path, repository, services);
        }

        var config = new ServiceConfig
        {
            Name = name,
            Path = path,
            Image = reader.OptionalText(service, key, "image", ReleaseNames.ImageProblem) ?? name,
            Chart = ConfigReader.Optional(service, "chart") is { } chart ? InsidePath(reader, chart, $"{key}.chart", repository, string.Empty) : null,
            Kind = ReadKind(reader, service, key) ?? ComponentKinds.Backend,
            Location = reader.At(keyNode, key),
        };

        if (config.Image == name && ReleaseNames.ImageProblem(name) is { } imageProblem)
        {
            throw reader.Error(keyNode, key, $"{key} needs an image: key, because its name \"{name}\" {imageProblem}");
        }

        return config with
        {
            Dockerfile = ConfigReader.Optional(service, "dockerfile") is { } dockerfile ? InsidePath(reader, dockerfile, $"{key}.dockerfile", repository, path) : config.Dockerfile,
            Context = ConfigReader.Optional(service, "context") is { } context ? InsidePath(reader, context, $"{key}.context", repository, path) : config.Context,
            Output = ConfigReader.Optional(service, "output") is { } output ? InsidePath(reader, output, $"{key}.output", repository, path) : config.Output,
            BuildArgs = BuildSection.Args(reader, service, key, "buildArgs"),
            Changelog = ConfigReader.Optional(service, "changelog") is { } changelog ? InsidePath(reader, changelog, $"{key}.changelog", repository, path) : config.Changelog,
            DependsOn = ReadDependsOn(reader, service, key, repository, services),
            Deploy = ReadDeploy(reader, service, key, repository),
        };
    }

    // `image: false` (a plain false, as YAML reads a boolean): the service is a Helm chart released on its own. A
    // quoted 'false' stays an image repository of that name.
    private static bool IsChartOnly(YamlMappingNode service) =>
        ConfigReader.Optional(service, "image") is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }
        && text.Equals("false", StringComparison.OrdinalIgnoreCase);

    // A chart without an image: its releases are chart versions, promoted without a registry, so it needs a chart
    // and takes none of the keys that describe an image build.
    private static ServiceConfig ReadChartOnly(ConfigReader reader, string name, YamlNode keyNode, YamlMappingNode service, string key, string path, RepositoryFolders repository, IReadOnlyList<string> services)
    {
        foreach (var buildKey in new[] { "dockerfile", "context", "output", "buildArgs" })
        {
            if (ConfigReader.Optional(service, buildKey) is { } node)
            {
                throw reader.Error(node, $"{key}.{buildKey}", $"{key}.{buildKey} describes an image build, but {key}.image is false (a chart without an image); remove {buildKey}:, or give the service an image");
            }
        }

        var chart = ConfigReader.Optional(service, "chart")
            ?? throw reader.Error(ConfigReader.Optional(service, "image")!, $"{key}.image", $"{key}.image is false, so the service is a chart without an image, but it names no chart; add chart: <folder holding Chart.yaml>, e.g. chart: charts/{name}");
        var config = new ServiceConfig
        {
            Name = name,
            Path = path,
            Image = name,
            ChartOnly = true,
            Chart = InsidePath(reader, chart, $"{key}.chart", repository, string.Empty),
            Kind = ReadKind(reader, service, key) ?? ComponentKinds.Infra,
            Location = reader.At(keyNode, key),
        };
        return config with
        {
            Changelog = ConfigReader.Optional(service, "changelog") is { } changelog ? InsidePath(reader, changelog, $"{key}.changelog", repository, path) : config.Changelog,
            DependsOn = ReadDependsOn(reader, service, key, repository, services),
            Deploy = ReadDeploy(reader, service, key, repository),
        };
    }

    private static string? ReadKind(ConfigReader reader, YamlMappingNode service, string key) =>
        reader.OptionalText(service, key, "kind", kind => ComponentKinds.All.Contains(kind)
            ? null
            : $"is not a kind of component the release record knows; write one of {string.Join(", ", ComponentKinds.All)}");

    private static IReadOnlyList<string> ReadDependsOn(ConfigReader reader, YamlMappingNode service, string parent, RepositoryFolders repository, IReadOnlyList<string> services)
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

            var full = Path.Combine(repository.Root, path!);
            if (!Directory.Exists(full) && !File.Exists(full))
            {
                var candidates = services.Concat(RepositoryPath.Siblings(repository.Root, path!));
                throw reader.Error(list.Children[i], itemKey,
                    $"{itemKey} \"{text}\" is neither a service nor a path in the repository;{ConfigReader.Suggest(text, candidates)} name a service or a folder relative to the repository root");
            }

            if (!repository.StaysInside(path!))
            {
                throw reader.Error(list.Children[i], itemKey, $"{itemKey} \"{text}\" leads outside the repository through a symbolic link; name a folder inside the repository");
            }

            dependencies.Add(path!);
        }

        return dependencies;
    }

    // Configuration paths need not exist yet (an overlay added later), but stay inside the repository.
    private static IReadOnlyList<string> ReadDeploy(ConfigReader reader, YamlMappingNode service, string parent, RepositoryFolders repository)
    {
        if (ConfigReader.Optional(service, "deploy") is not { } node)
        {
            return [];
        }

        var key = $"{parent}.deploy";
        var list = reader.Sequence(node, key, "[deploy/blue, k8s/base/blue.yaml]");
        return list.Children.Select((item, i) =>
        {
            var itemKey = $"{key}[{i}]";
            var text = reader.Text(item, itemKey);
            var (path, problem) = RepositoryPath.Normalize(text);
            if (problem is null && Path.Exists(Path.Combine(repository.Root, path!)) && !repository.StaysInside(path!))
            {
                problem = "leads outside the repository through a symbolic link; name a path inside the repository";
            }

            return problem is null ? path! : throw reader.Error(item, itemKey, $"{itemKey} \"{text}\" {problem}");
        }).ToList();
    }

    private static string ExistingFolder(ConfigReader reader, YamlNode node, string key, RepositoryFolders repository)
    {
        var text = reader.Text(node, key);
        var (path, problem) = RepositoryPath.Normalize(text);
        if (problem is not null)
        {
            throw reader.Error(node, key, $"{key} \"{text}\" {problem}");
        }

        if (!Directory.Exists(Path.Combine(repository.Root, path!)))
        {
            throw reader.Error(node, key,
                $"{key} \"{text}\" is not a folder of the repository;{ConfigReader.Suggest(path!, RepositoryPath.Siblings(repository.Root, path!))} create it or fix the path (relative to {repository.Root})");
        }

        if (!repository.StaysInside(path!))
        {
            throw reader.Error(node, key, $"{key} \"{text}\" leads outside the repository through a symbolic link; point it at a folder inside the repository");
        }

        return path!;
    }

    // A file a service names (Dockerfile, changelog, chart): it may not exist yet, but it must not lead outside the repository.
    private static string InsidePath(ConfigReader reader, YamlNode node, string key, RepositoryFolders repository, string servicePath)
    {
        var text = reader.Text(node, key).Replace('\\', '/');
        var rooted = text.StartsWith('/') || Path.IsPathRooted(text) || (text.Length > 1 && text[1] == ':');
        var (resolved, problem) = RepositoryPath.Normalize(servicePath is "" or "." || rooted ? text : $"{servicePath}/{text}");
        if (problem is null && Path.Exists(Path.Combine(repository.Root, resolved!)) && !repository.StaysInside(resolved!))
        {
            problem = "leads outside the repository through a symbolic link; point it inside the repository";
        }

        return problem is null ? text : throw reader.Error(node, key, $"{key} \"{text}\" {problem}");
    }
}
