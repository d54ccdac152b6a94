using Cake.Release.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cake.Release.Tests.Yaml;

/// <summary>
/// Every scalar of a YAML stream by document and path, read with YamlDotNet's representation model: a reader
/// independent of the surgery, to check that an edit changed the value it should and no other.
/// </summary>
public static class ScalarInventory
{
    public static Dictionary<string, string> Of(string text)
    {
        var stream = new YamlStream();
        // Any reader drops a byte-order mark before parsing (File.ReadAllText does); YamlDotNet's string reader does not.
        stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var document = 0; document < stream.Documents.Count; document++)
        {
            Walk(stream.Documents[document].RootNode, [], document, values);
        }

        return values;
    }

    public static string Key(int document, YamlPath path) => $"{document}:{path}";

    private static void Walk(YamlNode node, List<YamlPathSegment> path, int document, Dictionary<string, string> values)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                values[path.Count == 0 ? $"{document}:" : Key(document, YamlPath.Of([.. path]))] = scalar.Value ?? "";
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], [.. path, new YamlPathSegment.SequenceIndex(i)], document, values);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Walk(value, [.. path, new YamlPathSegment.MappingKey(((YamlScalarNode)key).Value ?? "")], document, values);
                }

                break;
        }
    }
}
