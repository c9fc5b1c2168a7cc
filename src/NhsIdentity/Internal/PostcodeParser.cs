using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The one parsing core behind every postcode validator and parser, generic over UTF-16 (<see cref="char"/>) and
/// UTF-8 (<see cref="byte"/>) code units; the JIT specialises it per code unit.
/// </summary>
/// <remarks>
/// Two passes: the first reads the text once, rejects bad characters and collects the (at most eight) letters and
/// digits, upper-cased, into one <see cref="ulong"/>; the second works on those bytes only: special cases, lenient
/// repairs, shape, letter rules, packing (<see cref="PostcodeEncoding"/>).
/// </remarks>
internal static class PostcodeParser
{
    private const int MinLength = 5;
    private const int MaxLength = 7;
    private const int MaxBfpoLength = 8;

    // "BFPO", "GIR0AA" and "1ZZ" as the little-endian byte packing the first pass produces.
    private const ulong BfpoPrefix = 'B' | ('F' << 8) | ('P' << 16) | ((ulong)'O' << 24);

    // Letter sets as bit masks, bit (c - 'A'). Royal Mail / BS 7666 rules, as listed in Wikipedia,
    // "Postcodes in the United Kingdom", Validation, and the MRS "Postcode format" sheet (Royal Mail PAF).
    // (The A9A list follows Wikipedia, which includes P; the older MRS sheet omits it.)
    private static readonly uint NotFirst = LetterSet("QVX"u8);
    private static readonly uint NotSecond = LetterSet("IJZ"u8);
    private static readonly uint ThirdOfA9A = LetterSet("ABCDEFGHJKPSTUW"u8);
    private static readonly uint FourthOfAA9A = LetterSet("ABEHMNPRVWXY"u8);
    private static readonly uint NotInward = LetterSet("CIKMOV"u8);

    /// <summary>Checks <paramref name="text"/> and, when valid, returns the packed postcode in <paramref name="bits"/>.</summary>
    public static PostcodeStatus Parse<TChar>(ReadOnlySpan<TChar> text, PostcodeStyles styles, out ulong bits)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        bits = 0;
        var lenient = styles == PostcodeStyles.Lenient;
        if (!lenient)
        {
            if (styles != PostcodeStyles.Strict)
            {
                PostcodeThrowHelper.ThrowUndefinedStyles(nameof(styles));
            }
        }
        else if (!text.IsEmpty && (!IsAsciiLetterOrDigit(text[0]) || !IsAsciiLetterOrDigit(text[^1])))
        {
            // Only trim when an end is not a letter or digit: clean inputs skip this entirely.
            text = UnicodeWhiteSpace.Trim(text);
        }

        if (text.IsEmpty)
        {
            return PostcodeStatus.Empty;
        }

        // Pass 1: characters. Significant characters go into 'packed', first in the lowest byte.
        ulong packed = 0;
        var count = 0;
        var spaces = 0;
        var spaceAt = -1;
        ref var first = ref MemoryMarshal.GetReference(text);
        for (var i = 0; i < text.Length; i++)
        {
            ref var unit = ref Unsafe.Add(ref first, i);
            uint c = typeof(TChar) == typeof(char) ? Unsafe.As<TChar, char>(ref unit) : Unsafe.As<TChar, byte>(ref unit);
            if (c - '0' > 9)
            {
                if (c - 'A' > 25)
                {
                    if (c - 'a' <= 25 && lenient)
                    {
                        c -= 'a' - 'A';
                    }
                    else if (c == ' ' || (c == '\t' && lenient))
                    {
                        spaces++;
                        spaceAt = count;
                        continue;
                    }
                    else
                    {
                        return PostcodeStatus.InvalidCharacter;
                    }
                }
            }

            if (count < MaxBfpoLength)
            {
                packed |= (ulong)c << (8 * count);
            }

            count++;
        }

        if (count == 0)
        {
            return PostcodeStatus.Empty;
        }

        if ((packed & 0xFFFF_FFFF) == BfpoPrefix && count >= 4)
        {
            return ParseBfpo(packed, count, lenient, spaces, spaceAt, out bits);
        }

        if (count is < MinLength or > MaxLength)
        {
            return PostcodeStatus.WrongLength;
        }

        if (!lenient && (spaces != 1 || spaceAt != count - 3))
        {
            return PostcodeStatus.InvalidSpacing;
        }

        return Classify(packed, count, lenient, out bits);
    }

    /// <summary>Pass 2 for everything but BFPO: special cases, repairs, shape, letter rules.</summary>
    private static PostcodeStatus Classify(ulong packed, int count, bool lenient, out ulong bits)
    {
        bits = 0;
        var outward = count - 3;
        var o0 = Byte(packed, 0);
        var o1 = Byte(packed, 1);
        var o2 = outward > 2 ? Byte(packed, 2) : 0;
        var o3 = outward > 3 ? Byte(packed, 3) : 0;
        var i0 = Byte(packed, outward);
        var i1 = Byte(packed, outward + 1);
        var i2 = Byte(packed, outward + 2);

        if (lenient)
        {
            // The inward code always starts with a digit, and O and I are never inward letters, so a typed O or I
            // there can only have been meant as 0 or 1.
            i0 = LetterToDigit(i0);
        }

        // Special cases are matched on the letters as typed (GIR would otherwise lose its I to the repairs below).
        if (outward == 3 && o0 == 'G' && o1 == 'I' && o2 == 'R' && i0 == '0' && i1 == 'A' && i2 == 'A')
        {
            bits = PostcodeEncoding.Kind(PostcodeKind.Girobank);
            return PostcodeStatus.Valid;
        }

        if (outward == 4 && i0 == '1' && i1 == 'Z' && i2 == 'Z')
        {
            var index = OverseasIndex((uint)(packed & 0xFFFF_FFFF));
            if (index >= 0)
            {
                bits = PostcodeEncoding.Kind(PostcodeKind.OverseasTerritory) | (uint)(index + 1);
                return PostcodeStatus.Valid;
            }
        }

        if (lenient)
        {
            Repair(outward, ref o0, ref o1, ref o2, ref o3);
        }

        if (!IsLetter(o0) || !IsDigit(i0) || !IsLetter(i1) || !IsLetter(i2))
        {
            return PostcodeStatus.InvalidShape;
        }

        if (outward == 4 && o0 == 'Z' && o1 == 'Z' && o2 == '9' && o3 == '9')
        {
            // NHS pseudo-postcodes use inward letters (C, V) that real postcodes never do: no letter rules here.
            bits = PostcodeEncoding.Kind(PostcodeKind.Pseudo) | PostcodeEncoding.Slots('Z', 'Z', '9', '9', i0, i1, i2);
            return PostcodeStatus.Valid;
        }

        // Sort the outward code into area letters (a0, a1) and district characters (d0, d1); 0 means absent.
        uint a1, d0, d1;
        var letterRuleBroken = false;
        switch (outward)
        {
            case 2: // A9
                if (!IsDigit(o1))
                {
                    return PostcodeStatus.InvalidShape;
                }

                (a1, d0, d1) = (0, o1, 0);
                break;
            case 3:
                if (IsDigit(o1) && IsDigit(o2))
                {
                    (a1, d0, d1) = (0, o1, o2); // A99
                }
                else if (IsLetter(o1) && IsDigit(o2))
                {
                    (a1, d0, d1) = (o1, o2, 0); // AA9
                }
                else if (IsDigit(o1) && IsLetter(o2))
                {
                    (a1, d0, d1) = (0, o1, o2); // A9A
                    letterRuleBroken = !InSet(ThirdOfA9A, o2);
                }
                else
                {
                    return PostcodeStatus.InvalidShape;
                }

                break;
            default: // 4: AA99 or AA9A
                if (!IsLetter(o1) || !IsDigit(o2) || !(IsDigit(o3) || IsLetter(o3)))
                {
                    return PostcodeStatus.InvalidShape;
                }

                (a1, d0, d1) = (o1, o2, o3);
                letterRuleBroken = IsLetter(o3) && !InSet(FourthOfAA9A, o3);
                break;
        }

        if (letterRuleBroken || InSet(NotFirst, o0) || (a1 != 0 && InSet(NotSecond, a1)) || InSet(NotInward, i1) || InSet(NotInward, i2))
        {
            return PostcodeStatus.InvalidLetter;
        }

        bits = PostcodeEncoding.Kind(PostcodeKind.Geographic) | PostcodeEncoding.Slots(o0, a1, d0, d1, i0, i1, i2);
        return PostcodeStatus.Valid;
    }

    /// <summary>
    /// Lenient O/0 and I/1 repairs in the outward code. A character is changed only where it can never be valid as
    /// typed but its look-alike can, so a repair never turns one valid postcode into another:
    /// position 1 is always a letter (0 to O, 1 to I); in a two-character outward code position 2 is a digit; in a
    /// three-character one I is never a second letter and neither O nor I is a valid A9A third letter; in a
    /// four-character one position 2 is a letter (0 to O only: I is never second), position 3 a digit, and O and
    /// I are not valid AA9A fourth letters.
    /// </summary>
    private static void Repair(int outward, ref uint o0, ref uint o1, ref uint o2, ref uint o3)
    {
        o0 = DigitToLetter(o0);
        switch (outward)
        {
            case 2:
                o1 = LetterToDigit(o1);
                break;
            case 3:
                if (o1 == 'I')
                {
                    o1 = '1';
                }

                o2 = LetterToDigit(o2);
                break;
            default:
                if (o1 == '0')
                {
                    o1 = 'O';
                }

                o2 = LetterToDigit(o2);
                o3 = LetterToDigit(o3);
                break;
        }
    }

    private static PostcodeStatus ParseBfpo(ulong packed, int count, bool lenient, int spaces, int spaceAt, out ulong bits)
    {
        bits = 0;
        if (count is < 5 or > MaxBfpoLength)
        {
            return PostcodeStatus.WrongLength;
        }

        if (!lenient && (spaces != 1 || spaceAt != 4))
        {
            return PostcodeStatus.InvalidSpacing;
        }

        uint number = 0;
        for (var i = 4; i < count; i++)
        {
            var digit = Byte(packed, i) - '0';
            if (digit > 9 || (digit == 0 && i == 4 && !lenient))
            {
                return PostcodeStatus.InvalidShape;
            }

            number = (number * 10) + digit;
        }

        if (number == 0)
        {
            return PostcodeStatus.InvalidShape;
        }

        bits = PostcodeEncoding.Kind(PostcodeKind.Bfpo) | number;
        return PostcodeStatus.Valid;
    }

    private static uint LetterSet(ReadOnlySpan<byte> letters)
    {
        var set = 0u;
        foreach (var letter in letters)
        {
            set |= 1u << (letter - 'A');
        }

        return set;
    }

    private static int OverseasIndex(uint outward)
    {
        var codes = PostcodeEncoding.OverseasOutwardCodes;
        for (var i = 0; i < PostcodeEncoding.OverseasCount; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(codes.Slice(i * 4, 4)) == outward)
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Byte(ulong packed, int index) => (uint)(packed >> (8 * index)) & 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(uint c) => c - '0' <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(uint c) => c - 'A' <= 25;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InSet(uint set, uint letter) => ((set >> (int)(letter - 'A')) & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LetterToDigit(uint c) => c switch { 'O' => '0', 'I' => '1', _ => c };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint DigitToLetter(uint c) => c switch { '0' => 'O', '1' => 'I', _ => c };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetterOrDigit<TChar>(TChar unit)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var c = uint.CreateTruncating(unit);
        return c - '0' <= 9 || (c | 0x20) - 'a' <= 25;
    }
}
