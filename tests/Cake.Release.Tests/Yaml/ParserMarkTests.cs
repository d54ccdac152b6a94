using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cake.Release.Tests.Yaml;

/// <summary>What the surgery relies on in YamlDotNet's marks: Index counts UTF-16 characters of the text read.</summary>
public sealed class ParserMarkTests
{
    [Fact]
    public void Index_is_a_character_offset_counting_CR_LF_as_two_and_a_surrogate_pair_as_two()
    {
        const string text = "a: 1\r\nb: é😀z # c\r\nc: 'x'\r\n";
        var scalars = Scalars(text);

        Assert.Equal(["a", "1", "b", "é😀z", "c", "x"], scalars.Select(s => s.Value));
        foreach (var scalar in scalars)
        {
            var raw = text[(int)scalar.Start.Index..(int)scalar.End.Index];
            Assert.Equal(scalar.Style == ScalarStyle.SingleQuoted ? $"'{scalar.Value}'" : scalar.Value, raw);
        }

        var emoji = scalars[3];
        Assert.Equal((2, 4), (emoji.Start.Line, emoji.Start.Column));
        // The column advances by two for the emoji: columns are UTF-16 characters, not code points or bytes.
        Assert.Equal(8, emoji.End.Column);
    }

    [Fact]
    public void A_byte_order_mark_is_read_as_part_of_the_first_key_which_is_why_the_reader_skips_it()
    {
        var scalars = Scalars("\uFEFFa: 1\n");

        Assert.Equal("\uFEFFa", scalars[0].Value);
    }

    [Fact]
    public void An_anchor_or_tag_is_inside_the_scalar_marks()
    {
        const string text = "a: &x 1\nb: !!str 2\n";
        var scalars = Scalars(text);

        Assert.Equal("&x 1", text[(int)scalars[1].Start.Index..(int)scalars[1].End.Index]);
        Assert.Equal("!!str 2", text[(int)scalars[3].Start.Index..(int)scalars[3].End.Index]);
    }

    [Fact]
    public void A_block_scalar_token_ends_after_its_final_line_break()
    {
        const string text = "a: |\r\n  hi\r\nb: 1\r\n";
        var block = Scalars(text)[1];

        Assert.Equal("|\r\n  hi\r\n", text[(int)block.Start.Index..(int)block.End.Index]);
    }

    private static List<Scalar> Scalars(string text)
    {
        var parser = new Parser(new StringReader(text));
        var scalars = new List<Scalar>();
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar scalar)
            {
                scalars.Add(scalar);
            }
        }

        return scalars;
    }
}
