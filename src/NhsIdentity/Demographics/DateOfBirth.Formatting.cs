using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

public readonly partial struct DateOfBirth : ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>
    /// Formats the date in ISO 8601: <c>1961-03-05</c>, or <c>1961-03</c> and <c>1961</c> for partial dates;
    /// <see cref="Empty"/> formats as an empty string.
    /// </summary>
    /// <returns>The ISO 8601 form.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the date. Formats (case-insensitive): <c>"I"</c> or empty, ISO 8601 <c>1961-03-05</c> /
    /// <c>1961-03</c> / <c>1961</c>; <c>"H"</c>, HL7 v2 <c>19610305</c> / <c>196103</c> / <c>1961</c>; <c>"D"</c>,
    /// day first <c>05/03/1961</c> / <c>03/1961</c> / <c>1961</c>. Every output parses back to the same value (the
    /// day-first form under <see cref="DateOrder.DayMonthYear"/>). <see cref="Empty"/> formats as an empty string.
    /// </summary>
    /// <param name="format">The format letter, or <see langword="null"/> for ISO 8601.</param>
    /// <returns>The formatted date.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the formats above.</exception>
    public string ToString(string? format) => ToString(format, null);

    /// <inheritdoc cref="ToString(string)"/>
    /// <param name="format">The format letter, or <see langword="null"/> for ISO 8601.</param>
    /// <param name="formatProvider">Ignored: the formats are culture-invariant.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var layout = DateOfBirthFormatter.ReadFormat(format);
        var precision = Precision;
        if (precision == DateOfBirthPrecision.None)
        {
            return string.Empty;
        }

        return string.Create(DateOfBirthFormatter.LengthOf(layout, precision), (this, layout), static (span, state) =>
            state.Item1.TryFormat(state.layout, span, out _));
    }

    /// <summary>Tries to format the date into <paramref name="destination"/> in ISO 8601.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written (0 on failure).</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) => TryFormat(destination, out charsWritten, default);

    /// <summary>Tries to format the date as UTF-8 into <paramref name="utf8Destination"/> in ISO 8601.</summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written (0 on failure).</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short; it is then left untouched.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten) => TryFormat(utf8Destination, out bytesWritten, default);

    /// <summary>
    /// Tries to format the date into <paramref name="destination"/>; see <see cref="ToString(string)"/> for the formats.
    /// <see cref="Empty"/> writes nothing and succeeds.
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">The number of characters written (0 on failure).</param>
    /// <param name="format">The format letter; empty for ISO 8601.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a known format (as in the BCL, a bad format is a programming error, not a too-short buffer).</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        TryFormat(DateOfBirthFormatter.ReadFormat(format), destination, out charsWritten);

    /// <summary>
    /// Tries to format the date as UTF-8 into <paramref name="utf8Destination"/>; see <see cref="ToString(string)"/> for
    /// the formats. <see cref="Empty"/> writes nothing and succeeds.
    /// </summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">The number of bytes written (0 on failure).</param>
    /// <param name="format">The format letter; empty for ISO 8601.</param>
    /// <returns><see langword="false"/> when <paramref name="utf8Destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a known format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format) =>
        TryFormat(DateOfBirthFormatter.ReadFormat(format), utf8Destination, out bytesWritten);

    /// <inheritdoc/>
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten, format);

    /// <inheritdoc/>
    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(utf8Destination, out bytesWritten, format);

    private bool TryFormat<TChar>(DateOfBirthFormatter.Layout layout, Span<TChar> destination, out int written)
        where TChar : unmanaged, System.Numerics.IBinaryInteger<TChar> =>
        DateOfBirthFormatter.TryFormat(Year, Month, Day, Precision, layout, destination, out written);
}
