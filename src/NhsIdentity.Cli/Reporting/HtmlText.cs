using System.Globalization;
using System.Text;

namespace NhsIdentity.Cli.Reporting;

/// <summary>
/// Writes text and numbers into the report's markup. Every piece of text that did not come from this assembly goes
/// through <see cref="Append(StringBuilder, string?)"/>, which escapes it for both HTML and XML, so the page stays
/// well-formed (each inline SVG parses as XML) whatever a supplier file held.
/// </summary>
internal static class HtmlText
{
    /// <summary>Appends text, escaped: the five markup characters and CR become entities, and characters XML cannot hold
    /// (controls other than tab and line breaks, lone surrogates) become U+FFFD.</summary>
    public static StringBuilder Append(StringBuilder html, string? text)
    {
        if (text is null)
        {
            return html;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case '\r':
                    html.Append("&#13;"); // a literal CR would be folded into the line feed by XML parsers
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        html.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
                    {
                        html.Append('\uFFFD');
                    }
                    else
                    {
                        html.Append(c);
                    }

                    break;
            }
        }

        return html;
    }

    /// <summary>Returns text escaped as <see cref="Append(StringBuilder, string?)"/> does.</summary>
    public static string Encode(string? text) => Append(new StringBuilder(), text).ToString();

    /// <summary>A whole number with thousands separators (<c>12,345</c>), the same on every machine.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A number with a fixed pattern such as <c>0.00</c>, invariant.</summary>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A signed weight in bits (<c>+6.64</c>, <c>-3.10</c>).</summary>
    public static string Weight(double bits) => double.IsFinite(bits)
        ? bits.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)
        : (bits > 0 ? "+\u221E" : "-\u221E");

    /// <summary>A probability with enough digits to tell 0.99 from 0.999999 (<c>0.990</c>, <c>0.999999</c>).</summary>
    public static string Probability(double p)
    {
        if (p is > 0.999999 and < 1)
        {
            // Strong matches sit a billion to one and beyond; "1.000000" would hide how far.
            return "1 \u2212 " + (1 - p).ToString("0.0E+0", CultureInfo.InvariantCulture);
        }

        if (p is > 0.999 and < 1)
        {
            return p.ToString("0.000000", CultureInfo.InvariantCulture);
        }

        return p is > 0 and < 0.001 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>An m- or u-probability: small values in scientific form so they stay readable.</summary>
    public static string Parameter(double p) => p >= 0.001
        ? p.ToString("0.000", CultureInfo.InvariantCulture)
        : p.ToString("0.0E+0", CultureInfo.InvariantCulture);

    /// <summary>Formats with the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
