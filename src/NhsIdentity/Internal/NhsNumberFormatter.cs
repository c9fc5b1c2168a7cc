using System.Numerics;
using System.Runtime.CompilerServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The one formatting core behind <see cref="NhsNumber"/>'s UTF-16 and UTF-8 output, generic over the code unit.
/// </summary>
internal static class NhsNumberFormatter
{
    /// <summary>The layouts; the letters are the public format strings.</summary>
    public enum Layout
    {
        Spaced,
        Plain,
        Hyphenated,
        Masked,
    }

    /// <summary>Reads a format string: empty means spaced; otherwise one letter, case-insensitive.</summary>
    /// <exception cref="FormatException">Unknown format.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Layout ReadFormat(ReadOnlySpan<char> format)
    {
        if (format.IsEmpty)
        {
            return Layout.Spaced;
        }

        if (format.Length == 1)
        {
            // '| 0x20' lower-cases ASCII letters, so each case is one comparison.
            switch (format[0] | 0x20)
            {
                case 's': return Layout.Spaced;
                case 'n': return Layout.Plain;
                case 'h': return Layout.Hyphenated;
                case 'm': return Layout.Masked;
            }
        }

        ThrowHelper.ThrowUnknownFormat();
        return default;
    }

    public static int LengthOf(Layout layout) => layout == Layout.Plain ? 10 : 12;

    /// <summary>
    /// Writes <paramref name="value"/> in <paramref name="layout"/>. Returns false, writing nothing, when the
    /// destination is too short.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFormat<TChar>(long value, Layout layout, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var length = LengthOf(layout);
        if (destination.Length < length)
        {
            written = 0;
            return false;
        }

        // Split once into a six-digit and a four-digit half; every later division is by a small constant.
        var high = (uint)(value / 10_000);
        var low = (uint)(value - (high * 10_000L));
        var first = high / 1_000;
        var second = high - (first * 1_000);

        // Write the last position first so the JIT checks the bounds once.
        var d = destination[..length];
        WriteFour(d[^4..], low);
        switch (layout)
        {
            case Layout.Plain:
                WriteThree(d, first);
                WriteThree(d[3..], second);
                break;
            case Layout.Masked:
                var star = TChar.CreateTruncating('*');
                var space = TChar.CreateTruncating(' ');
                d[0] = star; d[1] = star; d[2] = star; d[3] = space;
                d[4] = star; d[5] = star; d[6] = star; d[7] = space;
                break;
            default:
                var separator = TChar.CreateTruncating(layout == Layout.Hyphenated ? '-' : ' ');
                WriteThree(d, first);
                d[3] = separator;
                WriteThree(d[4..], second);
                d[7] = separator;
                break;
        }

        written = length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteThree<TChar>(Span<TChar> destination, uint value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var hundreds = value / 100;
        var rest = value - (hundreds * 100);
        var tens = rest / 10;
        destination[2] = TChar.CreateTruncating('0' + (rest - (tens * 10)));
        destination[1] = TChar.CreateTruncating('0' + tens);
        destination[0] = TChar.CreateTruncating('0' + hundreds);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteFour<TChar>(Span<TChar> destination, uint value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var upper = value / 100;
        var lower = value - (upper * 100);
        var upperTens = upper / 10;
        var lowerTens = lower / 10;
        destination[3] = TChar.CreateTruncating('0' + (lower - (lowerTens * 10)));
        destination[2] = TChar.CreateTruncating('0' + lowerTens);
        destination[1] = TChar.CreateTruncating('0' + (upper - (upperTens * 10)));
        destination[0] = TChar.CreateTruncating('0' + upperTens);
    }
}
