using System.Text;

namespace NhsIdentity.Tests.Privacy;

/// <summary>Writes a key the ways people and tools write key files, for the loader's properties.</summary>
internal static class KeyFileWriter
{
    public enum Form
    {
        Raw,
        HexLower,
        HexUpper,
        HexMixedCase,
        Base64,
    }

    /// <summary>How one key file is laid out; <see cref="ToString"/> describes it for a failing case.</summary>
    /// <param name="Form">Raw bytes, hex or base64.</param>
    /// <param name="WrapWidth">Characters per line, or 0 for one line (text forms only).</param>
    /// <param name="ByteOrderMark">A UTF-8 byte-order mark first (text forms only).</param>
    /// <param name="LineEnd">"\n" or "\r\n".</param>
    /// <param name="FinalLineEnd">A line end after the last line (text forms only).</param>
    public sealed record Layout(Form Form, int WrapWidth, bool ByteOrderMark, string LineEnd, bool FinalLineEnd)
    {
        public override string ToString() =>
            $"{Form}, wrap {WrapWidth}, BOM {ByteOrderMark}, {(LineEnd == "\n" ? "LF" : "CRLF")}, final line end {FinalLineEnd}";
    }

    /// <summary>A layout picked from a seed: every form, wrap widths from 1 to 100 (or none), with and without a BOM.</summary>
    public static Layout LayoutFrom(Random random)
    {
        var form = (Form)random.Next(5);
        return new Layout(
            form,
            random.Next(3) == 0 ? 0 : random.Next(1, 101),
            random.Next(2) == 0,
            random.Next(2) == 0 ? "\n" : "\r\n",
            random.Next(2) == 0);
    }

    /// <summary>Uniformly random key bytes, 32 to 64 of them.</summary>
    public static byte[] RandomKey(Random random)
    {
        var key = new byte[random.Next(32, 65)];
        random.NextBytes(key);
        return key;
    }

    /// <summary>The text of the key in a text form, one line.</summary>
    public static string Text(byte[] key, Form form, Random random) => form switch
    {
        Form.HexLower => Convert.ToHexStringLower(key),
        Form.HexUpper => Convert.ToHexString(key),
        Form.HexMixedCase => string.Concat(Convert.ToHexString(key).Select(c => random.Next(2) == 0 ? char.ToLowerInvariant(c) : c)),
        Form.Base64 => Convert.ToBase64String(key),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    /// <summary>The file's bytes: raw, or the text wrapped and encoded as the layout says.</summary>
    public static byte[] Write(byte[] key, Layout layout, Random random) =>
        layout.Form == Form.Raw ? key : Lay(Text(key, layout.Form, random), layout);

    /// <summary>Wraps one line of text and encodes it as UTF-8, with the layout's BOM and line ends.</summary>
    public static byte[] Lay(string text, Layout layout)
    {
        var lines = layout.WrapWidth == 0 ? [text] : text.Chunk(layout.WrapWidth).Select(chunk => new string(chunk)).ToArray();
        var body = string.Join(layout.LineEnd, lines) + (layout.FinalLineEnd ? layout.LineEnd : string.Empty);
        return [.. (layout.ByteOrderMark ? "\uFEFF"u8.ToArray() : []), .. Encoding.UTF8.GetBytes(body)];
    }
}
