using System.Text;

namespace Cake.Release.Init;

/// <summary>The YAML text of a wiring file: lines with their comments lined up, so the files read like the example's.</summary>
internal sealed class WiringText
{
    private const int CommentColumn = 56;

    private readonly StringBuilder _text = new();

    public WiringText Comment(string text)
    {
        _text.Append("# ").Append(text).Append('\n');
        return this;
    }

    public WiringText Add(string line, string? comment = null)
    {
        _text.Append(comment is null ? line : $"{line.PadRight(CommentColumn - 1)} # {comment}").Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();
}
