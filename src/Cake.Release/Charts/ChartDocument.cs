using Cake.Release.Versioning;
using Cake.Release.Yaml;
using NuGet.Versioning;

namespace Cake.Release.Charts;

/// <summary>
/// A Helm <c>Chart.yaml</c>: its name, <c>version</c>, <c>appVersion</c> and <c>dependencies</c>. Edits go through
/// the YAML surgery, so a bump changes the characters of the value and nothing else in the file.
/// </summary>
public sealed class ChartDocument
{
    private ChartDocument(string file, string text, string name, SemanticVersion version, int versionLine, string? appVersion, IReadOnlyList<ChartDependency> dependencies)
    {
        File = file;
        Text = text;
        Name = name;
        Version = version;
        VersionLine = versionLine;
        AppVersion = appVersion;
        Dependencies = dependencies;
    }

    /// <summary>Where the file is, as messages name it (e.g. <c>helm/charts/blue/Chart.yaml</c>).</summary>
    public string File { get; }

    /// <summary>The file's text, exactly.</summary>
    public string Text { get; }

    /// <summary>The chart's <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>The chart's <c>version</c>.</summary>
    public SemanticVersion Version { get; }

    /// <summary>The 1-based line of <c>version</c>.</summary>
    public int VersionLine { get; }

    /// <summary>The chart's <c>appVersion</c>, or null when it has none.</summary>
    public string? AppVersion { get; }

    /// <summary>The chart's dependencies, in file order.</summary>
    public IReadOnlyList<ChartDependency> Dependencies { get; }

    /// <summary>Reads a Chart.yaml; a missing name or version, or a version that is not SemVer 2.0.0, is a one-line <see cref="ReleaseException"/> with file:line.</summary>
    /// <param name="file">The path messages name.</param>
    /// <param name="text">The file's text.</param>
    public static ChartDocument Parse(string file, string text)
    {
        IReadOnlyList<SourceDocument> documents;
        try
        {
            documents = SourceReader.Read(text);
        }
        catch (YamlEditException e)
        {
            throw new ReleaseException($"{file}:{e.Line}: {e.Problem}; fix the YAML.", e);
        }

        if (documents.Count == 0 || documents[0].Root is not MappingNode root)
        {
            throw new ReleaseException($"{file}:1: a Chart.yaml is a mapping with apiVersion, name and version; write one (helm create shows the shape).");
        }

        var name = root.Find("name") as ScalarNode;
        if (name is null || name.Value.Length == 0)
        {
            throw new ReleaseException($"{file}:{root.Line}: the chart has no name; add name: <chart> (Helm requires it).");
        }

        if (root.Find("version") is not ScalarNode version || version.Value.Length == 0)
        {
            throw new ReleaseException($"{file}:{root.Line}: the chart has no version; add version: 0.1.0 (Helm requires it).");
        }

        var appVersion = (root.Find("appVersion") as ScalarNode)?.Value;
        var dependencies = new List<ChartDependency>();
        if (root.Find("dependencies") is SequenceNode list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is MappingNode entry && entry.Find("name") is ScalarNode dependencyName)
                {
                    var dependencyVersion = entry.Find("version") as ScalarNode;
                    dependencies.Add(new ChartDependency(i, dependencyName.Value, dependencyVersion?.Value, (entry.Find("repository") as ScalarNode)?.Value is { Length: > 0 } repository ? repository : null,
                        dependencyVersion?.Line ?? entry.Line));
                }
            }
        }

        return new ChartDocument(file, text, name.Value, ReleaseVersion.Parse(version.Value, $"{file}:{version.Line}"), version.Line, appVersion, dependencies);
    }

    /// <summary>The text with <c>version</c> set; the same text when it already has that version.</summary>
    /// <param name="version">The new chart version.</param>
    public string WithVersion(SemanticVersion version) => Set(Text, YamlPath.Parse("version"), ReleaseVersion.Text(version));

    /// <summary>The text with <c>appVersion</c> set (added after the last key when missing).</summary>
    /// <param name="text">The text to edit (this chart's, possibly already edited).</param>
    /// <param name="appVersion">The application version.</param>
    public static string WithAppVersion(string text, string appVersion) =>
        YamlDocumentEditor.SetScalar(text, YamlPath.Parse("appVersion"), appVersion, new YamlSetOptions { CreateMissing = true });

    /// <summary>The text with <c>dependencies[i].version</c> set.</summary>
    /// <param name="text">The text to edit (this chart's, possibly already edited).</param>
    /// <param name="dependency">The dependency to pin.</param>
    /// <param name="version">The version it pins.</param>
    public static string WithDependencyVersion(string text, ChartDependency dependency, SemanticVersion version) =>
        Set(text, YamlPath.Parse($"dependencies[{dependency.Index}].version"), ReleaseVersion.Text(version));

    private static string Set(string text, YamlPath path, string value) => YamlDocumentEditor.SetScalar(text, path, value);
}
