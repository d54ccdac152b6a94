using System.Text;
using Cake.Release.Yaml;

namespace Cake.Release.Tests.Yaml;

/// <summary>
/// One file of the fidelity corpus (Corpus/NN-name.yaml) and its sidecar NN-name.expect: the edit to make, as
/// <c>key: value</c> lines, then <c>---</c>, then the exact lines the edit removes (<c>-</c>) and adds (<c>+</c>),
/// without line endings.
/// </summary>
/// <remarks>
/// Edit keys: <c>path</c>, <c>value</c>, <c>create</c> (true: create missing keys), <c>document</c> (an index, or
/// <c>any</c> for the first document that has the path), <c>also</c> (paths that change too, through an alias);
/// or <c>image</c> with <c>newName</c>, <c>newTag</c>, <c>digest</c> for a kustomize images entry, and <c>render</c>
/// (true: <c>kubectl kustomize</c> renders the edited file).
/// </remarks>
public sealed record CorpusCase(string Name, string Text, IReadOnlyDictionary<string, string> Edit, IReadOnlyList<string> Removed, IReadOnlyList<string> Added)
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Yaml", "Corpus");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static CorpusCase Load(string name)
    {
        // Bytes decoded as they are: File.ReadAllText would drop a byte-order mark, which the edit must keep.
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(File.ReadAllBytes(Path.Combine(Folder, name + ".yaml")));
        var expect = File.ReadAllLines(Path.Combine(Folder, name + ".expect"), Encoding.UTF8);
        var separator = Array.IndexOf(expect, "---");
        var edit = expect[..separator].Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        var diff = expect[(separator + 1)..];
        return new CorpusCase(name, text, edit,
            diff.Where(l => l.StartsWith('-')).Select(l => l[1..]).ToList(),
            diff.Where(l => l.StartsWith('+')).Select(l => l[1..]).ToList());
    }

    public bool IsImage => Edit.ContainsKey("image");

    public bool Renders => Edit.TryGetValue("render", out var render) && render == "true";

    public KustomizeImage Image => new(Edit["image"], Edit.GetValueOrDefault("newName"), Edit.GetValueOrDefault("newTag"), Edit.GetValueOrDefault("digest"));

    public string Apply() => IsImage
        ? KustomizeImages.SetImage(Text, Image)
        : YamlDocumentEditor.SetScalar(Text, YamlPath.Parse(Edit["path"]), Edit["value"], new YamlSetOptions
        {
            CreateMissing = Edit.GetValueOrDefault("create") == "true",
            Document = Edit.GetValueOrDefault("document") switch
            {
                null => 0,
                "any" => null,
                var index => int.Parse(index, System.Globalization.CultureInfo.InvariantCulture),
            },
        });

    public override string ToString() => Name;
}
