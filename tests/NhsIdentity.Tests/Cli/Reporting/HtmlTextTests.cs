using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Reporting;
using Xunit;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary>The report's text escaping: whatever a supplier file holds, the page stays well-formed and shows it as text.</summary>
public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("O'Brien & <Sons>", "O&#39;Brien &amp; &lt;Sons&gt;")]
    [InlineData("\"quoted\"", "&quot;quoted&quot;")]
    [InlineData("a\u0001b", "a\uFFFDb")]
    [InlineData("line\r\nbreak", "line&#13;\nbreak")]
    [InlineData("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept")]
    public void Markup_characters_become_entities_and_characters_xml_cannot_hold_are_replaced(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Encode(text));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        // Built in code: xunit's InlineData would mangle an unpaired surrogate before the test sees it.
        var text = "lone " + (char)0xD800 + " and " + (char)0xDC00 + " end";
        Assert.Equal("lone \uFFFD and \uFFFD end", HtmlText.Encode(text));
    }

    [Property(MaxTest = 1000)]
    public Property Any_text_survives_an_xml_parse_as_the_same_text() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)), text =>
        {
            var parsed = XElement.Parse("<p>" + HtmlText.Encode(text) + "</p>", LoadOptions.PreserveWhitespace);
            return parsed.Value == XmlSafe(text);
        });

    [Theory]
    [InlineData(0.5, "0.500")]
    [InlineData(0.99, "0.990")]
    [InlineData(0.9995, "0.999500")]
    [InlineData(1 - 1e-9, "1 \u2212 1.0E-9")]
    [InlineData(1.0, "1.000")]
    [InlineData(0.0002, "2.0E-4")]
    public void Probabilities_keep_the_digits_that_tell_them_apart(double p, string expected) =>
        Assert.Equal(expected, HtmlText.Probability(p));

    [Fact]
    public void Weights_are_signed_and_invariant() =>
        Assert.Equal("+6.63 -3.10 0.00 +\u221E", string.Join(' ', HtmlText.Weight(6.634), HtmlText.Weight(-3.1), HtmlText.Weight(0), HtmlText.Weight(double.PositiveInfinity)));

    /// <summary>What the escaping promises to keep: everything but characters XML cannot hold.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else
            {
                safe.Append(char.IsSurrogate(c) || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c);
            }
        }

        return safe.ToString();
    }
}
