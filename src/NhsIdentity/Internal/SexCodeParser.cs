using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The one parsing core behind <see cref="SexCodes"/>, generic over UTF-16 and UTF-8 code units. One-character codes
/// are a table lookup; words are folded (lower-case ASCII, separators collapsed to one space) into a 16-byte key held
/// in two <see cref="ulong"/>s and compared with the keys of the accepted words, so nothing is copied or hashed.
/// </summary>
internal static class SexCodeParser
{
    /// <summary>Longer than every accepted word ("not applicable" has 14 letters), so longer text fails at once.</summary>
    private const int MaxLength = 16;

    /// <summary>One-character codes by ASCII value: 0 means not a code, otherwise the <see cref="Sex"/> value plus one.</summary>
    private static readonly byte[] SingleCharacterCodes = BuildSingleCharacterTable();

    // Keys of the accepted words (static readonly primitives: the JIT treats them as constants once the class is initialised).
    private static readonly ulong Male = Key("male");
    private static readonly ulong Man = Key("man");
    private static readonly ulong Boy = Key("boy");
    private static readonly ulong Female = Key("female");
    private static readonly ulong Woman = Key("woman");
    private static readonly ulong Girl = Key("girl");
    private static readonly ulong Other = Key("other");
    private static readonly ulong Unknown = Key("unknown");
    private static readonly ulong Unk = Key("unk");
    private static readonly ulong NotKnownJoined = Key("notknown");
    private static readonly (ulong Low, ulong High) NotKnown = LongKey("not known");
    private static readonly (ulong Low, ulong High) NotStated = LongKey("not stated");
    private static readonly (ulong Low, ulong High) NotRecorded = LongKey("not recorded");
    private static readonly (ulong Low, ulong High) NotApplicable = LongKey("not applicable");
    private static readonly (ulong Low, ulong High) Indeterminate = LongKey("indeterminate");
    private static readonly (ulong Low, ulong High) NotSpecified = LongKey("not specified");
    private static readonly (ulong Low, ulong High) NotSpecifiedJoined = LongKey("notspecified");
    private static readonly (ulong Low, ulong High) Ambiguous = LongKey("ambiguous");

    public static bool TryParse<TChar>(ReadOnlySpan<TChar> text, out Sex sex)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // The common case is one character: no trimming or folding needed.
        if (text.Length == 1)
        {
            return TryParseSingle(Unit(text[0]), out sex);
        }

        if (!text.IsEmpty && (!IsAsciiLetter(Unit(text[0])) || !IsAsciiLetter(Unit(text[^1]))))
        {
            text = UnicodeWhiteSpace.Trim(text);
            if (text.Length == 1)
            {
                return TryParseSingle(Unit(text[0]), out sex);
            }
        }

        sex = Sex.Unknown;
        if (text.IsEmpty || text.Length > MaxLength || !TryFold(text, out var low, out var high))
        {
            return false;
        }

        return high == 0 ? MatchShort(low, ref sex) : MatchLong(low, high, ref sex);
    }

    /// <summary>
    /// Folds letters to lower case and runs of ' ', '-', '_' and tab to one space, eight bytes per <see cref="ulong"/>.
    /// Fails on any other character and on a leading or trailing separator.
    /// </summary>
    private static bool TryFold<TChar>(ReadOnlySpan<TChar> text, out ulong low, out ulong high)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        low = 0;
        high = 0;
        var length = 0;
        var pendingSpace = false;
        foreach (var unit in text)
        {
            var c = Unit(unit);
            if (IsAsciiLetter(c))
            {
                if (pendingSpace)
                {
                    if (length == 0)
                    {
                        return false;
                    }

                    Append(ref low, ref high, length++, ' ');
                    pendingSpace = false;
                }

                Append(ref low, ref high, length++, c | 0x20);
            }
            else if (c is ' ' or '-' or '_' or '\t')
            {
                pendingSpace = true;
            }
            else
            {
                return false;
            }
        }

        // A trailing separator ("male-") is not part of any accepted word.
        return !pendingSpace;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Append(ref ulong low, ref ulong high, int index, uint c)
    {
        if (index < 8)
        {
            low |= (ulong)c << (index * 8);
        }
        else
        {
            high |= (ulong)c << ((index - 8) * 8);
        }
    }

    /// <summary>Words of up to eight letters, most frequent first.</summary>
    private static bool MatchShort(ulong key, ref Sex sex)
    {
        if (key == Male || key == Man || key == Boy)
        {
            sex = Sex.Male;
        }
        else if (key == Female || key == Woman || key == Girl)
        {
            sex = Sex.Female;
        }
        else if (key == Unknown || key == Unk || key == NotKnownJoined)
        {
            sex = Sex.Unknown;
        }
        else if (key == Other)
        {
            sex = Sex.Other;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Words of nine to sixteen characters.</summary>
    private static bool MatchLong(ulong low, ulong high, ref Sex sex)
    {
        var key = (low, high);
        if (key == NotKnown || key == NotStated || key == NotRecorded || key == NotApplicable)
        {
            sex = Sex.Unknown;
        }
        else if (key == Indeterminate || key == NotSpecified || key == NotSpecifiedJoined || key == Ambiguous)
        {
            sex = Sex.Indeterminate;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>One-character codes: Data Dictionary digits and letters, HL7 v2 table 0001 and DICOM letters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseSingle(uint c, out Sex sex)
    {
        var entry = c < (uint)SingleCharacterCodes.Length ? SingleCharacterCodes[c] : 0;
        sex = entry != 0 ? (Sex)(entry - 1) : Sex.Unknown;
        return entry != 0;
    }

    private static byte[] BuildSingleCharacterTable()
    {
        var table = new byte[128];
        Set("1mM", Sex.Male);
        Set("2fF", Sex.Female);
        Set("9iIaA", Sex.Indeterminate);
        Set("oO", Sex.Other);
        Set("0xXuUnN", Sex.Unknown);
        return table;

        void Set(string codes, Sex sex)
        {
            foreach (var c in codes)
            {
                table[c] = (byte)((int)sex + 1);
            }
        }
    }

    private static ulong Key(string word)
    {
        var (low, high) = LongKey(word);
        return high == 0 ? low : throw new ArgumentException("A short key has at most eight characters.", nameof(word));
    }

    private static (ulong Low, ulong High) LongKey(string word)
    {
        if (!TryFold(word.AsSpan(), out var low, out var high))
        {
            throw new ArgumentException("Not a foldable word.", nameof(word));
        }

        return (low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Unit<TChar>(TChar unit)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        typeof(TChar) == typeof(char) ? Unsafe.BitCast<TChar, char>(unit) : Unsafe.BitCast<TChar, byte>(unit);

    private static bool IsAsciiLetter(uint c) => (c | 0x20) - 'a' <= 'z' - 'a';

    [DoesNotReturn]
    public static void ThrowFormatException() =>
        throw new FormatException("The text is not a known sex code or word (NHS Data Dictionary, FHIR, HL7 v2, DICOM).");

    [DoesNotReturn]
    public static T ThrowUndefined<T>(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Undefined Sex value.");
}
