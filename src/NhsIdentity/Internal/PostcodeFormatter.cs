using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The one formatting core behind <see cref="Postcode"/>'s UTF-16 and UTF-8 output, generic over the code unit.
/// It writes the canonical form to a small stack buffer, then copies the slice the format asks for, so every
/// format and every kind share one decoder and the destination is touched only after its length is checked.
/// </summary>
internal static class PostcodeFormatter
{
    /// <summary>The longest formatted postcode, <c>BFPO 1234</c>.</summary>
    public const int MaxLength = 9;

    /// <summary>The layouts; the letters are the public format strings.</summary>
    public enum Layout
    {
        Unit,
        NoSpace,
        Area,
        District,
        Sector,
        Outward,
        Inward,
    }

    /// <summary>Reads a format string: empty means unit (canonical); otherwise one letter, case-insensitive.</summary>
    /// <exception cref="FormatException">Unknown format.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Layout ReadFormat(ReadOnlySpan<char> format)
    {
        if (format.IsEmpty)
        {
            return Layout.Unit;
        }

        if (format.Length == 1)
        {
            switch (format[0] | 0x20)
            {
                case 'u': return Layout.Unit;
                case 'n': return Layout.NoSpace;
                case 'a': return Layout.Area;
                case 'd': return Layout.District;
                case 's': return Layout.Sector;
                case 'o': return Layout.Outward;
                case 'i': return Layout.Inward;
            }
        }

        PostcodeThrowHelper.ThrowUnknownFormat();
        return default;
    }

    /// <summary>
    /// Writes <paramref name="bits"/> (not Empty) in <paramref name="layout"/>. Returns false, writing nothing, when
    /// the destination is too short.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFormat<TChar>(ulong bits, Layout layout, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var kind = (PostcodeKind)(bits >> PostcodeEncoding.KindShift);
        if (kind is PostcodeKind.Geographic or PostcodeKind.Pseudo)
        {
            return TryFormatSlots(bits, layout, destination, out written);
        }

        return TryFormatSpecial(bits, kind, layout, destination, out written);
    }

    /// <summary>
    /// The common case: a geographic (or pseudo) postcode is at most eight characters with its space, so its
    /// canonical text is built in one <see cref="ulong"/> (first character in the low byte) without a buffer, and each
    /// layout is a shift and a mask of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFormatSlots<TChar>(ulong bits, Layout layout, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Absent slots (code 0) map to 0 and do not advance: no branches.
        ref var table = ref MemoryMarshal.GetReference(SlotCharacters);
        ulong text = 0;
        var length = 0;
        for (var slot = 0; slot < 4; slot++)
        {
            var code = (nint)PostcodeEncoding.Slot(bits, slot);
            text |= (ulong)Unsafe.Add(ref table, code) << (8 * length);
            length += code != 0 ? 1 : 0;
        }

        var space = length;
        var area = PostcodeEncoding.Slot(bits, 1) == 0 ? 1 : 2;
        text |= (ulong)' ' << (8 * space);
        text |= (ulong)Unsafe.Add(ref table, (nint)PostcodeEncoding.Slot(bits, 4)) << (8 * (space + 1));
        text |= (ulong)Unsafe.Add(ref table, (nint)PostcodeEncoding.Slot(bits, 5)) << (8 * (space + 2));
        text |= (ulong)Unsafe.Add(ref table, (nint)PostcodeEncoding.Slot(bits, 6)) << (8 * (space + 3));
        length = space + 4;

        int count;
        switch (layout)
        {
            case Layout.Unit:
                count = length;
                break;
            case Layout.NoSpace:
                // Drop the space byte: the bytes above it move down by one.
                text = (text & LowBytes(space)) | ((text >> 8) & ~LowBytes(space));
                count = length - 1;
                break;
            case Layout.Area:
                count = area;
                break;
            case Layout.District:
            case Layout.Outward:
                count = space;
                break;
            case Layout.Sector:
                count = space + 2;
                break;
            default:
                text >>= 8 * (space + 1);
                count = 3;
                break;
        }

        if (destination.Length < count)
        {
            written = 0;
            return false;
        }

        ref var d = ref MemoryMarshal.GetReference(destination);
        for (var i = 0; i < count; i++)
        {
            Unsafe.Add(ref d, i) = TChar.CreateTruncating((byte)(text >> (8 * i)));
        }

        written = count;
        return true;
    }

    /// <summary>Girobank, overseas territories and BFPO: through a small stack buffer (rare, and BFPO can be nine characters).</summary>
    private static bool TryFormatSpecial<TChar>(ulong bits, PostcodeKind kind, Layout layout, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Span<byte> canonical = stackalloc byte[MaxLength];
        var length = WriteCanonical(bits, canonical, out var space, out var area);
        var whole = kind == PostcodeKind.Bfpo;

        // Districts and sectors of a BFPO postcode are the whole postcode (see Postcode.GetPartKey).
        var (start, count) = layout switch
        {
            Layout.Unit => (0, length),
            Layout.NoSpace => (0, length - 1),
            Layout.Area => (0, area),
            Layout.District => whole ? (0, length) : (0, space),
            Layout.Sector => whole ? (0, length) : (0, space + 2),
            Layout.Outward => (0, space),
            _ => (space + 1, length - space - 1),
        };

        if (destination.Length < count)
        {
            written = 0;
            return false;
        }

        if (layout == Layout.NoSpace)
        {
            Copy(canonical[..space], destination);
            Copy(canonical[(space + 1)..length], destination[space..]);
        }
        else
        {
            Copy(canonical.Slice(start, count), destination);
        }

        written = count;
        return true;
    }

    /// <summary>Slot code to ASCII: 0 (absent) to 0, 1..10 to '0'..'9', 11..36 to 'A'..'Z'; 64 entries so any 6-bit code is in range.</summary>
    private static ReadOnlySpan<byte> SlotCharacters => "\00123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowBytes(int count) => (1UL << (8 * count)) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy<TChar>(ReadOnlySpan<byte> source, Span<TChar> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) == typeof(byte))
        {
            source.CopyTo(MemoryMarshal.Cast<TChar, byte>(destination));
            return;
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = TChar.CreateTruncating(source[i]);
        }
    }

    /// <summary>Writes the canonical <c>OUT IN</c> form; returns its length, the index of the space and the area length.</summary>
    private static int WriteCanonical(ulong bits, Span<byte> canonical, out int space, out int area)
    {
        switch ((PostcodeKind)(bits >> PostcodeEncoding.KindShift))
        {
            case PostcodeKind.Girobank:
                "GIR 0AA"u8.CopyTo(canonical);
                space = area = 3;
                return 7;
            case PostcodeKind.OverseasTerritory:
                PostcodeEncoding.OverseasOutwardCodes.Slice((int)((bits & 0xF) - 1) * 4, 4).CopyTo(canonical);
                " 1ZZ"u8.CopyTo(canonical[4..]);
                space = area = 4;
                return 8;
            case PostcodeKind.Bfpo:
                "BFPO "u8.CopyTo(canonical);
                space = area = 4;
                var number = (uint)(bits & 0x3FFF);
                var digits = number >= 1000 ? 4 : number >= 100 ? 3 : number >= 10 ? 2 : 1;
                for (var i = 4 + digits; i > 4; i--)
                {
                    canonical[i] = (byte)('0' + (number % 10));
                    number /= 10;
                }

                return 5 + digits;
            default:
                // Geographic and pseudo: the seven slots, skipping absent ones, with the space before the inward code.
                var length = 0;
                for (var slot = 0; slot < 4; slot++)
                {
                    var code = PostcodeEncoding.Slot(bits, slot);
                    if (code != 0)
                    {
                        canonical[length++] = PostcodeEncoding.Char(code);
                    }
                }

                area = PostcodeEncoding.Slot(bits, 1) == 0 ? 1 : 2;
                space = length;
                canonical[length++] = (byte)' ';
                for (var slot = 4; slot < PostcodeEncoding.SlotCount; slot++)
                {
                    canonical[length++] = PostcodeEncoding.Char(PostcodeEncoding.Slot(bits, slot));
                }

                return length;
        }
    }
}
