using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

public readonly partial struct Postcode : ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>The longest text any format produces (<c>BFPO 1234</c>): a buffer this long never fails.</summary>
    public const int MaxFormattedLength = PostcodeFormatter.MaxLength;

    /// <summary>
    /// Formats the postcode in its canonical form, upper case with one space: <c>SW1A 1AA</c>, <c>GIR 0AA</c>,
    /// <c>BFPO 123</c>; <see cref="Empty"/> formats as an empty string.
    /// </summary>
    /// <returns>The canonical form.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the postcode or one of its parts. Formats (case-insensitive): <c>"U"</c> or empty, the unit in
    /// canonical form <c>SW1A 1AA</c>; <c>"N"</c>, no space <c>SW1A1AA</c>; <c>"A"</c>, area <c>SW</c>;
    /// <c>"D"</c>, district <c>SW1A</c>; <c>"S"</c>, sector <c>SW1A 1</c>; <c>"O"</c>, outward code <c>SW1A</c>;
    /// <c>"I"</c>, inward code <c>1AA</c>. For BFPO the area is <c>BFPO</c> and the district and sector are the
    /// whole postcode (see <see cref="GetPartKey(PostcodePart)"/>); <c>GIR 0AA</c> and overseas codes have their
    /// outward code as area and district. <see cref="Empty"/> formats as an empty string.
    /// </summary>
    /// <param name="format">The format letter, or <see langword="null"/> for the canonical form.</param>
    /// <returns>The formatted postcode or part.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the formats above.</exception>
    public string ToString(string? format) => ToString(format, null);

    /// <inheritdoc cref="ToString(string)"/>
    /// <param name="format">The format letter, or <see langword="null"/> for the canonical form.</param>
    /// <param name="formatProvider">Ignored: postcodes are culture-invariant.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var layout = PostcodeFormatter.ReadFormat(format);
        if (IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[PostcodeFormatter.MaxLength];
        PostcodeFormatter.TryFormat(_bits, layout, buffer, out var written);
        return new string(buffer[..written]);
    }

    /// <summary>Tries to format the postcode into <paramref name="destination"/> in canonical form, <c>SW1A 1AA</c>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written (0 on failure).</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) => TryFormat(destination, out charsWritten, default);

    /// <summary>Tries to format the postcode as UTF-8 into <paramref name="utf8Destination"/> in canonical form.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written (0 on failure).</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short; it is then left untouched.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => TryFormat(utf8Destination, out bytesWritten, default);

    /// <summary>
    /// Tries to format the postcode or a part into <paramref name="destination"/>; see <see cref="ToString(string)"/>
    /// for the formats. <see cref="Empty"/> writes nothing and succeeds.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written (0 on failure).</param>
    /// <param name="format">The format letter; empty for the canonical form.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a known format (as in the BCL, a bad format is a programming error, not a too-short buffer).</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        var layout = PostcodeFormatter.ReadFormat(format);
        if (IsEmpty)
        {
            charsWritten = 0;
            return true;
        }

        return PostcodeFormatter.TryFormat(_bits, layout, destination, out charsWritten);
    }

    /// <summary>
    /// Tries to format the postcode or a part as UTF-8 into <paramref name="utf8Destination"/>; see
    /// <see cref="ToString(string)"/> for the formats. <see cref="Empty"/> writes nothing and succeeds.
    /// </summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written (0 on failure).</param>
    /// <param name="format">The format letter; empty for the canonical form.</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a known format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format)
    {
        var layout = PostcodeFormatter.ReadFormat(format);
        if (IsEmpty)
        {
            bytesWritten = 0;
            return true;
        }

        return PostcodeFormatter.TryFormat(_bits, layout, utf8Destination, out bytesWritten);
    }

    /// <inheritdoc/>
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten, format);

    /// <inheritdoc/>
    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(utf8Destination, out bytesWritten, format);
}
