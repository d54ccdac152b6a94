using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cake.Release.Tests.Infrastructure;
using Json.Schema;

namespace Cake.Release.Tests.Forges;

/// <summary>
/// A forge's official OpenAPI description as the forge emulator reads it: which operations exist, what each accepts
/// and what it may answer, with every schema turned into JSON Schema 2020-12 on first use. GitHub's is OpenAPI 3.0
/// (npm <c>@octokit/openapi</c>, pinned in tests/Interop/package.json); GitLab's is Swagger 2.0 (the merge-request
/// paths of GitLab's <c>doc/api/openapi/openapi_v2.yaml</c>, committed under Forges/Specs with its source commit).
/// </summary>
public sealed class OpenApiDescription
{
    // Loaded once per test run: GitHub's description is 13 MB and every emulator of a run asks the same one.
    private static readonly Lazy<OpenApiDescription> LazyGitHub = new(() => Load(GitHubPath, "github"));
    private static readonly Lazy<OpenApiDescription> LazyGitLab = new(() => Load(GitLabPath, "gitlab"));

    private readonly JsonObject _document;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private OpenApiDescription(string path, string kind, JsonObject document)
    {
        Path = path;
        Kind = kind;
        _document = document;
        IsSwagger2 = document["swagger"] is not null;
        BasePath = IsSwagger2 ? ((string?)document["basePath"] ?? "").TrimEnd('/') : "";
        Operations = ReadOperations().ToList();
    }

    public static string GitHubPath => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Interop", "node_modules", "@octokit", "openapi", "generated", "api.github.com.json");

    public static string GitLabPath => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Cake.Release.Tests", "Forges", "Specs", "gitlab-openapi-v2-merge-requests.yaml");

    public static OpenApiDescription GitHub => LazyGitHub.Value;

    public static OpenApiDescription GitLab => LazyGitLab.Value;

    public string Path { get; }

    public string Kind { get; }

    /// <summary>Swagger 2.0 (GitLab) rather than OpenAPI 3.0 (GitHub): bodies are parameters, schemas live under definitions.</summary>
    public bool IsSwagger2 { get; }

    /// <summary>The prefix every path of a Swagger 2.0 description sits under ("/api/v4" for GitLab); empty for OpenAPI 3.0.</summary>
    public string BasePath { get; }

    public IReadOnlyList<OpenApiOperation> Operations { get; }

    /// <summary>The version the description names in its info block, to show which one a test ran against.</summary>
    public string Version => (string?)_document["info"]?["version"] ?? "?";

    /// <summary>
    /// The operation serving a method and a path (below the base path, still percent-encoded), with its path parameters;
    /// where templates overlap, the one with the most literal segments wins, as routers do.
    /// </summary>
    public (OpenApiOperation Operation, IReadOnlyDictionary<string, string> PathValues)? Find(string method, string path)
    {
        var segments = path.Split('/');
        (OpenApiOperation, IReadOnlyDictionary<string, string>)? best = null;
        var bestLiterals = -1;
        foreach (var operation in Operations.Where(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && o.Segments.Count == segments.Length))
        {
            var values = new Dictionary<string, string>();
            var literals = 0;
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                var template = operation.Segments[i];
                if (template.StartsWith('{') && template.EndsWith('}'))
                {
                    matches = segments[i].Length > 0;
                    values[template[1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    matches = template == segments[i];
                    literals++;
                }
            }

            if (matches && literals > bestLiterals)
            {
                best = (operation, values);
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>Follows a local <c>$ref</c> (to a parameter, response or schema) to what it names.</summary>
    public JsonNode Resolve(JsonNode node)
    {
        for (var hops = 0; node is JsonObject o && o["$ref"] is JsonValue reference && hops < 16; hops++)
        {
            node = Pointer((string)reference!);
        }

        return node;
    }

    /// <summary>A named schema of the description (components/schemas or definitions).</summary>
    public JsonNode Definition(string name) =>
        (IsSwagger2 ? _document["definitions"]?[name] : _document["components"]?["schemas"]?[name])
        ?? throw new InvalidOperationException($"{Path} has no schema {name}");

    /// <summary>An OpenAPI schema as a built JSON Schema 2020-12, cached under a key naming where it came from.</summary>
    public JsonSchema Schema(string key, JsonNode openApiSchema) => _schemas.GetOrAdd(key, _ =>
    {
        var document = OpenApiSchemaTranslation.ToJsonSchema(openApiSchema, this);
        var element = JsonSerializer.SerializeToElement(document);
        // Each built schema gets its own registry and base URI: the global registry refuses a second schema at one URI.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.Build(element, options, new Uri($"https://forge-emulator.test/{Kind}/{Guid.NewGuid():N}"));
    });

    private JsonNode Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Path}: only local references are supported, not {reference}");
        }

        JsonNode? node = _document;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node ?? throw new InvalidOperationException($"{Path}: {reference} names nothing");
    }

    private IEnumerable<OpenApiOperation> ReadOperations()
    {
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray() ?? [];
            foreach (var (method, operation) in item.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers" || method.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return new OpenApiOperation(this, method.ToUpperInvariant(), template, operation!.AsObject(), shared);
            }
        }
    }

    private static OpenApiDescription Load(string path, string kind)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(kind == "github"
                ? $"GitHub's OpenAPI description is missing at {path}: run `npm ci` in tests/Interop (./build.sh --target=TestTools does)."
                : $"GitLab's OpenAPI description is missing at {path}: it is committed test data, restore it from git.", path);
        }

        var document = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonNode.Parse(File.ReadAllText(path))!.AsObject()
            : YamlToJson.Read(File.ReadAllText(path));
        if (kind == "gitlab")
        {
            GitLabDescriptionSupplement.Apply(document, YamlToJson.Read(File.ReadAllText(GitLabDescriptionSupplement.PathBeside(path))));
        }

        return new OpenApiDescription(path, kind, document);
    }
}
