using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

        // The length was checked above, so the writes below go through a ref without further bounds checks.
        ref var d = ref MemoryMarshal.GetReference(destination);
        WriteFour(ref Unsafe.Add(ref d, length - 4), low);
        switch (layout)
        {
            case Layout.Plain:
                WriteThree(ref d, first);
                WriteThree(ref Unsafe.Add(ref d, 3), second);
                break;
            case Layout.Masked:
                var star = Ascii<TChar>('*');
                var space = Ascii<TChar>(' ');
                d = star;
                Unsafe.Add(ref d, 1) = star;
                Unsafe.Add(ref d, 2) = star;
                Unsafe.Add(ref d, 3) = space;
                Unsafe.Add(ref d, 4) = star;
                Unsafe.Add(ref d, 5) = star;
                Unsafe.Add(ref d, 6) = star;
                Unsafe.Add(ref d, 7) = space;
                break;
            default:
                var separator = Ascii<TChar>(layout == Layout.Hyphenated ? '-' : ' ');
                WriteThree(ref d, first);
                Unsafe.Add(ref d, 3) = separator;
                WriteThree(ref Unsafe.Add(ref d, 4), second);
                Unsafe.Add(ref d, 7) = separator;
                break;
        }

        written = length;
        return true;
    }

    /// <summary>"00" to "99" as ASCII: two digits per load halves the divisions and stores (NhsNumberProposals.md §2).</summary>
    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>An ASCII character as a code unit, without the generic conversion's dispatch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TChar Ascii<TChar>(uint c)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        typeof(TChar) == typeof(char) ? Unsafe.BitCast<char, TChar>((char)c) : Unsafe.BitCast<byte, TChar>((byte)c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteThree<TChar>(ref TChar destination, uint value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var hundreds = value / 100;
        destination = Ascii<TChar>('0' + hundreds);
        WritePair(ref Unsafe.Add(ref destination, 1), value - (hundreds * 100));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteFour<TChar>(ref TChar destination, uint value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var upper = value / 100;
        WritePair(ref destination, upper);
        WritePair(ref Unsafe.Add(ref destination, 2), value - (upper * 100));
    }

    /// <summary>Writes the two digits of <paramref name="pair"/> (0..99).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair<TChar>(ref TChar destination, uint pair)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        ref var digits = ref Unsafe.Add(ref MemoryMarshal.GetReference(DigitPairs), (nint)(pair * 2));
        if (!BitConverter.IsLittleEndian)
        {
            // Portable path (a JIT-time constant, so little-endian machines never see it).
            destination = Ascii<TChar>(digits);
            Unsafe.Add(ref destination, 1) = Ascii<TChar>(Unsafe.Add(ref digits, 1));
            return;
        }

        var two = Unsafe.ReadUnaligned<ushort>(ref digits);
        if (typeof(TChar) == typeof(char))
        {
            // Widen two ASCII bytes to two UTF-16 units in one store: 0x3534 becomes 0x00350034.
            Unsafe.WriteUnaligned(ref Unsafe.As<TChar, byte>(ref destination), (uint)(two & 0xFF) | ((uint)(two & 0xFF00) << 8));
        }
        else
        {
            Unsafe.WriteUnaligned(ref Unsafe.As<TChar, byte>(ref destination), two);
        }
    }
}
