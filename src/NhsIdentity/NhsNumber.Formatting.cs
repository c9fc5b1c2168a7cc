using NhsIdentity.Internal;

namespace NhsIdentity;

public readonly partial struct NhsNumber : ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>
    /// Formats the number in the spaced 3-3-4 display form, <c>450 557 7104</c> (ISB 0149 requirement 09);
    /// <see cref="Empty"/> formats as an empty string.
    /// </summary>
    /// <returns>The spaced form.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the number. Formats (case-insensitive): <c>"S"</c> or empty, spaced <c>450 557 7104</c>;
    /// <c>"N"</c>, ten plain digits <c>4505577104</c>; <c>"H"</c>, hyphenated <c>450-557-7104</c>;
    /// <c>"M"</c>, masked for logs <c>*** *** 7104</c>. <see cref="Empty"/> formats as an empty string.
    /// </summary>
    /// <param name="format">The format letter, or <see langword="null"/> for spaced.</param>
    /// <returns>The formatted number.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the formats above.</exception>
    public string ToString(string? format) => ToString(format, null);

    /// <inheritdoc cref="ToString(string)"/>
    /// <param name="format">The format letter, or <see langword="null"/> for spaced.</param>
    /// <param name="formatProvider">Ignored: NHS numbers are culture-invariant.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var layout = NhsNumberFormatter.ReadFormat(format);
        if (IsEmpty)
        {
            return string.Empty;
        }

        return string.Create(NhsNumberFormatter.LengthOf(layout), (_valuePlusOne - 1, layout), static (span, state) =>
            NhsNumberFormatter.TryFormat(state.Item1, state.layout, span, out _));
    }

    /// <summary>Tries to format the number into <paramref name="destination"/> in the spaced form, <c>450 557 7104</c>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written (0 on failure).</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) => TryFormat(destination, out charsWritten, default);

    /// <summary>Tries to format the number as UTF-8 into <paramref name="utf8Destination"/> in the spaced form.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written (0 on failure).</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short; it is then left untouched.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => TryFormat(utf8Destination, out bytesWritten, default);

    /// <summary>
    /// Tries to format the number into <paramref name="destination"/>; see <see cref="ToString(string)"/> for the
    /// formats. <see cref="Empty"/> writes nothing and succeeds.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written (0 on failure).</param>
    /// <param name="format">The format letter; empty for spaced.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a known format (as in the BCL, a bad format is a programming error, not a too-short buffer).</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        var layout = NhsNumberFormatter.ReadFormat(format);
        if (IsEmpty)
        {
            charsWritten = 0;
            return true;
        }

        return NhsNumberFormatter.TryFormat(_valuePlusOne - 1, layout, destination, out charsWritten);
    }

    /// <summary>
    /// Tries to format the number as UTF-8 into <paramref name="utf8Destination"/>; see <see cref="ToString(string)"/>
    /// for the formats. <see cref="Empty"/> writes nothing and succeeds.
    /// </summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written (0 on failure).</param>
    /// <param name="format">The format letter; empty for spaced.</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a known format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format)
    {
        var layout = NhsNumberFormatter.ReadFormat(format);
        if (IsEmpty)
        {
            bytesWritten = 0;
            return true;
        }

        return NhsNumberFormatter.TryFormat(_valuePlusOne - 1, layout, utf8Destination, out bytesWritten);
    }

    /// <inheritdoc/>
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten, format);

    /// <inheritdoc/>
    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(utf8Destination, out bytesWritten, format);
}
