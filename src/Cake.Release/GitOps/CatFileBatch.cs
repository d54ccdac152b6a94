using System.Text;

namespace Cake.Release.GitOps;

/// <summary>
/// The answer of <c>git cat-file --batch</c> to a list of objects, read back from the lines Cake hands over: per object
/// "&lt;id&gt; &lt;type&gt; &lt;size&gt;", the content and a newline, or "&lt;name&gt; missing". The content is rebuilt from lines and
/// measured against the size; when it does not measure up (CR LF endings, which Cake's line reading loses) the
/// answer is null and the caller reads those objects one by one.
/// </summary>
internal static class CatFileBatch
{
    /// <summary>Each object's type and content in the order asked (null where missing), or null when the output cannot be measured.</summary>
    public static List<(string Type, string Content)?>? Parse(int count, IReadOnlyList<string> lines)
    {
        var objects = new List<(string, string)?>();
        var at = 0;
        for (var index = 0; index < count; index++)
        {
            if (at >= lines.Count)
            {
                return null;
            }

            var header = lines[at++].Split(' ');
            if (header is [_, "missing"] or [_, "ambiguous"])
            {
                objects.Add(null);
                continue;
            }

            if (header is not [_, var type, var sizeText] || !long.TryParse(sizeText, out var size))
            {
                return null;
            }

            var text = new StringBuilder();
            long read = 0;
            while (read < size && at < lines.Count)
            {
                text.Append(lines[at]).Append('\n');
                read += Encoding.UTF8.GetByteCount(lines[at++]) + 1;
            }

            if (read != size && read != size + 1)
            {
                return null;
            }

            // The separator newline after the content is a line of its own only when the content ended with one.
            var content = text.ToString();
            if (read == size + 1)
            {
                content = content[..^1];
            }
            else if (at < lines.Count && lines[at].Length == 0)
            {
                at++;
            }

            objects.Add((type, content));
        }

        return at == lines.Count || lines.Skip(at).All(line => line.Length == 0) ? objects : null;
    }
}
