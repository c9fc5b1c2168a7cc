using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The packed form of a <see cref="Postcode"/>: one <see cref="ulong"/> that parsing writes, formatting reads and
/// equality, ordering, hashing and part keys use directly as an integer.
/// </summary>
/// <remarks>
/// <para>
/// Bits 42..44 hold the <see cref="PostcodeKind"/> (0 only for Empty, so <c>default</c> is Empty). For
/// <see cref="PostcodeKind.Geographic"/> and <see cref="PostcodeKind.Pseudo"/> bits 0..41 are seven 6-bit slots,
/// slot 0 in the highest bits: area letter 1, area letter 2, district digit, district second character, inward
/// digit, inward letter 1, inward letter 2. An absent character is 0, digits are 1..10 and letters 11..36.
/// Because "absent" sorts before digits and digits before letters, exactly as a space sorts before them in ASCII,
/// comparing the integers orders geographic postcodes like their canonical <c>OUT IN</c> text, and each part
/// (area, district, sector) is a prefix of slots, so a part key is a mask.
/// </para>
/// <para>
/// <see cref="PostcodeKind.Bfpo"/> stores its number (1..9999), <see cref="PostcodeKind.OverseasTerritory"/> the
/// index of its code in <see cref="OverseasOutwardCodes"/> plus one, and <see cref="PostcodeKind.Girobank"/>
/// nothing.
/// </para>
/// </remarks>
internal static class PostcodeEncoding
{
    public const int KindShift = 42;
    public const int SlotBits = 6;
    public const int SlotCount = 7;
    public const ulong SlotMask = (1UL << SlotBits) - 1;
    public const ulong KindBits = 7UL << KindShift;

    /// <summary>Masks of the slots each part keeps (area: slots 0-1; district: 0-3; sector: 0-4; unit: all).</summary>
    public const ulong AreaSlots = 0xFFFUL << 30;
    public const ulong DistrictSlots = 0xFFFFFFUL << 18;
    public const ulong SectorSlots = 0x3FFFFFFFUL << 12;
    public const ulong UnitSlots = (1UL << 42) - 1;

    /// <summary>The outward codes of the overseas territories, each followed by <c>1ZZ</c>; order is fixed (stored).</summary>
    public static ReadOnlySpan<byte> OverseasOutwardCodes => "ASCNBBNDBIQQFIQQPCRNSIQQSTHLTDCUTKCA"u8;

    public const int OverseasCount = 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Kind(PostcodeKind kind) => (ulong)kind << KindShift;

    /// <summary>The slot code of an upper-case ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Code(uint c) => c <= '9' ? c - '0' + 1 : c - 'A' + 11;

    /// <summary>The character of a non-zero slot code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Char(ulong code) => (byte)(code <= 10 ? code - 1 + '0' : code - 11 + 'A');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Slot(ulong bits, int index) => (bits >> (SlotBits * (SlotCount - 1 - index))) & SlotMask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Slots(uint s0, uint s1, uint s2, uint s3, uint s4, uint s5, uint s6)
    {
        // Each argument is a character (0 for absent); pack them first-to-last from the high end.
        var bits = s0 == 0 ? 0 : Code(s0);
        bits = (bits << SlotBits) | (s1 == 0 ? 0 : Code(s1));
        bits = (bits << SlotBits) | (s2 == 0 ? 0 : Code(s2));
        bits = (bits << SlotBits) | (s3 == 0 ? 0 : Code(s3));
        bits = (bits << SlotBits) | Code(s4);
        bits = (bits << SlotBits) | Code(s5);
        return (bits << SlotBits) | Code(s6);
    }
}
