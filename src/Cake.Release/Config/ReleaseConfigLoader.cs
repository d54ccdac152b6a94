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

    private static readonly string[] TopKeys = ["version", "registry", "git", "tags", "build", "environments", "services", "render", "publish"];
    private static readonly string[] GitKeys = ["remote", "mainBranch", "manifestsDir", "forge", "forgeApi", "forgeProject"];
    private static readonly string[] PublishKeys = ["dynamodb", "region", "repository"];
    private static readonly string[] TagKeys = ["release", "releaseBranch", "chartRelease", "build"];

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
        var version = reader.Required(root, root, string.Empty, "version", "version: 1 as the first line");
        if (version is not YamlScalarNode { Value: "1" })
        {
            throw reader.Error(version, "version", $"version is {ConfigReader.Describe(version)}, but this Cake.Release reads version 1; write version: 1 (or upgrade Cake.Release)");
        }

        reader.Entries(root, string.Empty, TopKeys, "a release.yaml key");
        var repository = Path.GetFullPath(repositoryRoot);

        // Read in the order of §3, so that of two mistakes the one nearer the top is reported.
        var registry = reader.OptionalText(root, string.Empty, "registry", r => r.Any(char.IsWhiteSpace)
            ? "contains spaces; write oci:<dir>, <host>[:port]/<namespace> or http://<host>:<port>/<namespace>"
            : null) ?? DefaultRegistry;
        var git = ReadGit(reader, root);
        var tags = ReadTags(reader, root);
        var build = BuildSection.Read(reader, root);
        var environments = EnvironmentsSection.Read(reader, root, environment, tags, git);
        var services = ServicesSection.Read(reader, root, repository);
        ReleaseTagRules.Check(tags, services.Select(s => s.Name).ToList());
        var publish = ReadPublish(reader, root);

        return new ReleaseConfig
        {
            File = configFile,
            RepositoryRoot = repository,
            Registry = registry,
            Git = git,
            Tags = tags,
            Build = build,
            Environments = environments,
            Services = services,
            Publish = publish,
        };
    }

    private static PublishConfig? ReadPublish(ConfigReader reader, YamlMappingNode root)
    {
        if (ConfigReader.Optional(root, "publish") is not { } node)
        {
            return null;
        }

        var publish = reader.Mapping(node, "publish", "publish: { dynamodb: ReleaseFragments }");
        reader.Entries(publish, "publish", PublishKeys, "a key of publish");
        return new PublishConfig
        {
            // DynamoDB's own rule for table names: 3–255 of A–Z a–z 0–9 _ - .
            Table = reader.OptionalText(publish, "publish", "dynamodb", t => t.Length is >= 3 and <= 255 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
                ? null
                : "is not a DynamoDB table name; use 3 to 255 letters, digits, _ - or ., e.g. ReleaseFragments") ?? PublishConfig.DefaultTable,
            Region = reader.OptionalText(publish, "publish", "region", r => r.Length > 0 && r.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                ? null
                : "is not an AWS region; write e.g. eu-central-1, or leave it out to use AWS_REGION"),
            Repository = reader.OptionalText(publish, "publish", "repository", r => r.Length > 0 && !r.Any(char.IsWhiteSpace) && !r.Contains('#', StringComparison.Ordinal) && !r.Contains('@', StringComparison.Ordinal)
                ? null
                : "cannot name a repository in the table (no spaces, # or @); write e.g. github.com/acme/shop"),
        };
    }

    private static YamlMappingNode LoadRoot(string yaml, ConfigReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndented(yaml, (int)e.Start.Line) is { } tab)
        {
            throw new ReleaseConfigException(new ConfigLocation(reader.File, tab.Line, string.Empty),
                $"a tab indents this line (column {tab.Column}); YAML indents with spaces only, so replace the tab with spaces");
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

    // YamlDotNet marks a tab in the indentation at the start of the mapping it was reading, which may be the first
    // line of the file; the offending line is the first one from there whose indentation holds a tab.
    private static (int Line, int Column)? TabIndented(string yaml, int from)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Max(from, 1) - 1; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
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
        catch (InvalidOperationException)
        {
            // The scanner fails the same way again; the last event it did read is the closest mark there is.
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
            Forge = reader.OptionalText(git, "git", "forge", f => f is "github" or "gitlab" ? null : "names no forge Cake.Release opens pull requests on; write github or gitlab"),
            ForgeApi = reader.OptionalText(git, "git", "forgeApi", ForgeApiProblem),
            ForgeProject = reader.OptionalText(git, "git", "forgeProject", p => p.Contains('/', StringComparison.Ordinal) && !p.StartsWith('/') && !p.EndsWith('/') && !p.Contains("//", StringComparison.Ordinal) && !p.Any(char.IsWhiteSpace)
                ? null : "is not a repository path on the forge; write owner/name (GitHub) or group/name (GitLab)"),
        };
    }

    // A token travels to this URL on every call: only https, or plain http on the loopback interface.
    private static string? ForgeApiProblem(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            ? "is not an http(s) URL; write e.g. https://github.example.com/api/v3 or https://gitlab.example.com/api/v4"
            : !string.IsNullOrEmpty(uri.UserInfo) ? "carries credentials; remove them: the token comes from GITHUB_TOKEN or GITLAB_TOKEN"
            : uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback ? "is plain http to another host, which would send the forge token in clear text; use https"
            : null;

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
            ChartRelease = reader.OptionalTemplate(tags, "tags", "chartRelease") ?? defaults.ChartRelease,
            Build = reader.OptionalTemplate(tags, "tags", "build") ?? defaults.Build,
        };
    }
}
