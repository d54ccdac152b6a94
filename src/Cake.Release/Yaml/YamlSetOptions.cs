namespace Cake.Release.Yaml;

/// <summary>How <see cref="YamlDocumentEditor.SetScalar"/> treats a path that is not there yet and a stream of several documents.</summary>
public sealed record YamlSetOptions
{
    /// <summary>Setting a value whose mapping keys are missing creates them (never sequence entries). Off by default.</summary>
    public bool CreateMissing { get; init; }

    /// <summary>
    /// The document of a multi-document stream to edit, from 0 (the default). <see langword="null"/> picks the first
    /// document in which the whole path exists; when none has it, the first that holds most of the path's keys. A path
    /// that starts with a selector (<c>[metadata.name=blue-dev].spec.source.targetRevision</c>) picks its document
    /// itself, and this is not asked.
    /// </summary>
    public int? Document { get; init; } = 0;

    /// <summary>Edit the first document, failing when a key is missing.</summary>
    public static YamlSetOptions Default { get; } = new();

    /// <summary>Edit the first document, creating missing mapping keys.</summary>
    public static YamlSetOptions CreatingMissing { get; } = new() { CreateMissing = true };
}
