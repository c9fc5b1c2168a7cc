namespace NhsIdentity.Internal;

/// <summary>
/// The text forms of a pseudonym: lower-case hexadecimal and RFC 4648 base32. Both write nothing when the
/// destination is too short.
/// </summary>
internal static class PseudonymText
{
    /// <summary>RFC 4648 section 6, table 3: the base32 alphabet.</summary>
    private static ReadOnlySpan<byte> Base32Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"u8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>The unpadded base32 length of <paramref name="byteCount"/> bytes: 5 bits a character, rounded up.</summary>
    public static int Base32Length(int byteCount) => ((byteCount * 8) + 4) / 5;

    /// <summary>Writes <paramref name="source"/> as lower-case hexadecimal, two characters a byte.</summary>
    public static bool TryFormatHex(ReadOnlySpan<byte> source, Span<char> destination, out int charsWritten)
    {
        if (destination.Length < source.Length * 2)
        {
            charsWritten = 0;
            return false;
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[2 * i] = (char)HexDigits[source[i] >> 4];
            destination[(2 * i) + 1] = (char)HexDigits[source[i] & 0xF];
        }

        charsWritten = source.Length * 2;
        return true;
    }

    /// <summary>
    /// Writes <paramref name="source"/> in RFC 4648 base32 (upper-case alphabet), without the <c>=</c> padding: the
    /// bits are taken five at a time from the most significant end, and the last group is padded with zero bits.
    /// </summary>
    public static bool TryFormatBase32(ReadOnlySpan<byte> source, Span<char> destination, out int charsWritten)
    {
        var length = Base32Length(source.Length);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        var pending = 0u; // at most 12 bits are ever waiting
        var pendingBits = 0;
        var written = 0;
        foreach (var b in source)
        {
            pending = (pending << 8) | b;
            pendingBits += 8;
            while (pendingBits >= 5)
            {
                pendingBits -= 5;
                destination[written++] = (char)Base32Alphabet[(int)(pending >> pendingBits) & 31];
            }

            pending &= (1u << pendingBits) - 1;
        }

        if (pendingBits > 0)
        {
            destination[written++] = (char)Base32Alphabet[(int)(pending << (5 - pendingBits)) & 31];
        }

        charsWritten = written;
        return true;
    }
}
