namespace Cake.Release.Yaml;

/// <summary>
/// The <c>file:</c> + <c>path:</c> update of release.yaml: one value at a dotted path, such as <c>blue.image.tag</c> in
/// Helm values or <c>spec.source.targetRevision</c> in an Argo CD Application.
/// </summary>
public static class PathValue
{
    /// <summary>
    /// Sets the value at <paramref name="path"/>, creating missing mapping keys, in the first document of the stream
    /// where the path exists (when none has it: the first that holds most of it). A path that starts with a selector
    /// picks its document: <c>[metadata.name=blue-staging].spec.source.targetRevision</c> edits the Application named
    /// blue-staging of a file of several; <see cref="YamlPath"/> has the syntax.
    /// </summary>
    /// <returns>The edited text; the very same string instance when the value is already there.</returns>
    /// <exception cref="ReleaseException">The path text is not a path.</exception>
    /// <exception cref="YamlEditException">Invalid YAML, or the path does not lead to a value.</exception>
    public static string Set(string text, string path, string value) =>
        YamlDocumentEditor.SetScalar(text, YamlPath.Parse(path), value, new YamlSetOptions { CreateMissing = true, Document = null });
}
