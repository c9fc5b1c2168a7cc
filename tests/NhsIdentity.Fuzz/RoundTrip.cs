using System.Text;

namespace NhsIdentity.Fuzzing;

/// <summary>Parses UTF-16 text into a value; the shape of every <c>TryParse</c> in the library.</summary>
internal delegate bool CharParser<T>(ReadOnlySpan<char> text, out T value);

/// <summary>Parses UTF-8 text into a value.</summary>
internal delegate bool Utf8Parser<T>(ReadOnlySpan<byte> utf8Text, out T value);

/// <summary>
/// The formatting promises every parsed value type makes (DESIGN.md, "Value types are honest"): each format writes
/// the same text through the UTF-16 and UTF-8 paths and <c>ToString</c>; a too-short buffer fails and is left
/// untouched; and the round-trip formats parse back to the value they came from.
/// </summary>
internal static class RoundTrip
{
    private const int BufferLength = 64;
    private const byte Sentinel = 0xA5;

    /// <summary>Checks the formatting promises for one successfully parsed value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">A value a parser accepted.</param>
    /// <param name="roundTripFormats">Formats whose output must parse back to <paramref name="value"/>.</param>
    /// <param name="otherFormats">Formats that only have to format (masked forms, parts of a value).</param>
    /// <param name="parse">The UTF-16 parser to read the output back with.</param>
    /// <param name="parseUtf8">The UTF-8 parser to read the output back with.</param>
    public static void Check<T>(T value, string[] roundTripFormats, string[] otherFormats, CharParser<T> parse, Utf8Parser<T> parseUtf8)
        where T : struct, ISpanFormattable, IUtf8SpanFormattable, IEquatable<T>
    {
        foreach (var format in roundTripFormats)
        {
            var (chars, bytes) = Format(value, format);
            Invariant.Holds(parse(chars, out var back) && back.Equals(value), "formatted text parses back to the same value (UTF-16)");
            Invariant.Holds(parseUtf8(bytes, out var backUtf8) && backUtf8.Equals(value), "formatted text parses back to the same value (UTF-8)");
        }

        foreach (var format in otherFormats)
        {
            _ = Format(value, format);
        }
    }

    private static (char[] Chars, byte[] Bytes) Format<T>(T value, string format)
        where T : struct, ISpanFormattable, IUtf8SpanFormattable
    {
        var charBuffer = new char[BufferLength];
        var byteBuffer = new byte[BufferLength];
        Invariant.Holds(value.TryFormat(charBuffer, out var charsWritten, format, null), "TryFormat succeeds into a long enough buffer (UTF-16)");
        Invariant.Holds(value.TryFormat(byteBuffer, out var bytesWritten, format, null), "TryFormat succeeds into a long enough buffer (UTF-8)");
        var chars = charBuffer[..charsWritten];
        var bytes = byteBuffer[..bytesWritten];
        Invariant.Holds(Encoding.UTF8.GetString(bytes) == new string(chars), "UTF-16 and UTF-8 formatting write the same text");
        Invariant.Holds(value.ToString(format, null) == new string(chars), "ToString and TryFormat write the same text");

        if (charsWritten > 0)
        {
            var shortChars = new char[charsWritten - 1];
            shortChars.AsSpan().Fill((char)Sentinel);
            Invariant.Holds(!value.TryFormat(shortChars, out var shortWritten, format, null) && shortWritten == 0, "TryFormat fails into a too-short buffer (UTF-16)");
            Invariant.Holds(!shortChars.AsSpan().ContainsAnyExcept((char)Sentinel), "a too-short buffer is left untouched (UTF-16)");
        }

        if (bytesWritten > 0)
        {
            var shortBytes = new byte[bytesWritten - 1];
            shortBytes.AsSpan().Fill(Sentinel);
            Invariant.Holds(!value.TryFormat(shortBytes, out var shortWritten, format, null) && shortWritten == 0, "TryFormat fails into a too-short buffer (UTF-8)");
            Invariant.Holds(!shortBytes.AsSpan().ContainsAnyExcept(Sentinel), "a too-short buffer is left untouched (UTF-8)");
        }

        return (chars, bytes);
    }
}
