using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace NhsIdentity.Internal;

/// <summary>
/// The one white-space trimmer behind every lenient parser (NHS numbers, postcodes, dates of birth, sex codes), so
/// they all agree on what counts as surrounding white space, in UTF-16 and UTF-8 alike.
/// </summary>
internal static class UnicodeWhiteSpace
{
    /// <summary>
    /// Removes Unicode white space from both ends. The same characters are trimmed from UTF-16 and UTF-8 text:
    /// UTF-8 is decoded rune by rune at the ends only, so the middle is never decoded.
    /// </summary>
    internal static ReadOnlySpan<TChar> Trim<TChar>(ReadOnlySpan<TChar> text)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) == typeof(char))
        {
            var trimmed = MemoryMarshal.Cast<TChar, char>(text).Trim();
            return MemoryMarshal.Cast<char, TChar>(trimmed);
        }

        var utf8 = MemoryMarshal.Cast<TChar, byte>(text);
        while (!utf8.IsEmpty
               && Rune.DecodeFromUtf8(utf8, out var rune, out var consumed) == OperationStatus.Done
               && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[consumed..];
        }

        while (!utf8.IsEmpty
               && Rune.DecodeLastFromUtf8(utf8, out var rune, out var consumed) == OperationStatus.Done
               && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[..^consumed];
        }

        return MemoryMarshal.Cast<byte, TChar>(utf8);
    }
}
