using System.Numerics;
using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The one formatting core behind <see cref="DateOfBirth"/>'s UTF-16 and UTF-8 output, generic over the code unit.
/// </summary>
internal static class DateOfBirthFormatter
{
    /// <summary>The layouts; the letters are the public format strings.</summary>
    public enum Layout
    {
        /// <summary>"I": ISO 8601 <c>yyyy-MM-dd</c>, <c>yyyy-MM</c>, <c>yyyy</c>.</summary>
        Iso,

        /// <summary>"H": HL7 v2 <c>DTM</c> without a time, <c>yyyyMMdd</c>, <c>yyyyMM</c>, <c>yyyy</c>.</summary>
        Hl7,

        /// <summary>"D": day first, <c>dd/MM/yyyy</c>, <c>MM/yyyy</c>, <c>yyyy</c>.</summary>
        DayFirst,
    }

    /// <summary>Reads a format string: empty means ISO; otherwise one letter, case-insensitive.</summary>
    /// <exception cref="FormatException">Unknown format.</exception>
    public static Layout ReadFormat(ReadOnlySpan<char> format)
    {
        if (format.IsEmpty)
        {
            return Layout.Iso;
        }

        if (format.Length == 1)
        {
            switch (format[0] | 0x20)
            {
                case 'i': return Layout.Iso;
                case 'h': return Layout.Hl7;
                case 'd': return Layout.DayFirst;
            }
        }

        DateOfBirthThrowHelper.ThrowUnknownFormat();
        return default;
    }

    /// <summary>The length of <paramref name="layout"/> at <paramref name="precision"/> (0 for <see cref="DateOfBirthPrecision.None"/>).</summary>
    public static int LengthOf(Layout layout, DateOfBirthPrecision precision) => precision switch
    {
        DateOfBirthPrecision.Year => 4,
        DateOfBirthPrecision.YearMonth => layout == Layout.Hl7 ? 6 : 7,
        DateOfBirthPrecision.Day => layout == Layout.Hl7 ? 8 : 10,
        _ => 0,
    };

    /// <summary>
    /// Writes the date in <paramref name="layout"/>. Returns false, writing nothing, when the destination is too short.
    /// </summary>
    public static bool TryFormat<TChar>(int year, int month, int day, DateOfBirthPrecision precision, Layout layout, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var length = LengthOf(layout, precision);
        if (destination.Length < length)
        {
            written = 0;
            return false;
        }

        var d = destination[..length];
        switch (precision)
        {
            case DateOfBirthPrecision.Year:
                WriteFour(d, year);
                break;
            case DateOfBirthPrecision.YearMonth when layout == Layout.DayFirst:
                WriteTwo(d, month);
                d[2] = Ascii<TChar>('/');
                WriteFour(d[3..], year);
                break;
            case DateOfBirthPrecision.YearMonth:
                WriteFour(d, year);
                if (layout == Layout.Hl7)
                {
                    WriteTwo(d[4..], month);
                }
                else
                {
                    d[4] = Ascii<TChar>('-');
                    WriteTwo(d[5..], month);
                }

                break;
            case DateOfBirthPrecision.Day when layout == Layout.DayFirst:
                WriteTwo(d, day);
                d[2] = Ascii<TChar>('/');
                WriteTwo(d[3..], month);
                d[5] = Ascii<TChar>('/');
                WriteFour(d[6..], year);
                break;
            case DateOfBirthPrecision.Day when layout == Layout.Hl7:
                WriteFour(d, year);
                WriteTwo(d[4..], month);
                WriteTwo(d[6..], day);
                break;
            case DateOfBirthPrecision.Day:
                WriteFour(d, year);
                d[4] = Ascii<TChar>('-');
                WriteTwo(d[5..], month);
                d[7] = Ascii<TChar>('-');
                WriteTwo(d[8..], day);
                break;
        }

        written = length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TChar Ascii<TChar>(int c)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        typeof(TChar) == typeof(char) ? Unsafe.BitCast<char, TChar>((char)c) : Unsafe.BitCast<byte, TChar>((byte)c);

    private static void WriteTwo<TChar>(Span<TChar> destination, int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var tens = value / 10;
        destination[1] = Ascii<TChar>('0' + value - (tens * 10));
        destination[0] = Ascii<TChar>('0' + tens);
    }

    private static void WriteFour<TChar>(Span<TChar> destination, int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var high = value / 100;
        WriteTwo(destination[2..], value - (high * 100));
        WriteTwo(destination, high);
    }
}
