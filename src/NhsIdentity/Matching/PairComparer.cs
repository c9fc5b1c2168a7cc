using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching;

/// <summary>
/// The comparisons: each reads two prepared records and returns a level code. Codes 0 to 12 are the comparison's
/// levels (its level enum's values); the three highest codes say which side was missing.
/// </summary>
/// <remarks>Allocation-free; every method reads only prepared rows (<see cref="PreparedRow"/>) and the set's text arena.</remarks>
internal static partial class PairComparer
{
    /// <summary>The number of level codes per comparison (levels plus the three missing codes).</summary>
    public const int CodesPerComparison = 16;

    /// <summary>The largest number of real levels a comparison may have.</summary>
    public const int MaxLevels = 13;

    public const byte MissingRight = 13;
    public const byte MissingLeft = 14;
    public const byte MissingBoth = 15;

    internal const byte DatePlaceholder = 1;
    internal const byte DatePartial = 2;

    private const double JaroWinklerHigh = 0.92;
    private const double JaroWinklerMedium = 0.88;
    private const double JaroWinklerLow = 0.70;
    private const double AddressHigh = 0.9;
    private const double AddressMedium = 0.7;

    public static bool IsMissing(byte code) => code >= MissingRight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Compare(ComparisonKind kind, RecordSet a, int i, RecordSet b, int j) =>
        Compare(kind, a, in a.Row(i), b, in b.Row(j));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Compare(ComparisonKind kind, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var missing = Missing(kind, ra.Present, rb.Present);
        return missing != 0 ? missing : ComparePresent(kind, a, in ra, b, in rb);
    }

    /// <summary>The missing code from the two records' presence masks (<see cref="PreparedRow.Present"/>), or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Missing(ComparisonKind kind, int presentLeft, int presentRight)
    {
        var bit = 1 << (int)kind;
        var left = (presentLeft & bit) != 0;
        var right = (presentRight & bit) != 0;
        return left ? (right ? (byte)0 : MissingRight) : (right ? MissingLeft : MissingBoth);
    }

    /// <summary>The level of a comparison whose values are present on both sides.</summary>
    public static byte ComparePresent(ComparisonKind kind, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        return kind switch
        {
            ComparisonKind.NhsNumber => (byte)CompareNhsNumbers(in ra, in rb),
            ComparisonKind.Name => (byte)CompareNames(a, in ra, b, in rb),
            ComparisonKind.DateOfBirth => (byte)CompareDates(in ra, in rb),
            ComparisonKind.Sex => (byte)CompareSexes(in ra, in rb),
            ComparisonKind.Postcode => (byte)ComparePostcodes(in ra, in rb),
            ComparisonKind.Address => (byte)CompareAddresses(a, in ra, b, in rb),
            ComparisonKind.LocalIdentifier => (byte)CompareLocalIdentifiers(a, in ra, b, in rb),
            ComparisonKind.Email => (byte)CompareEmails(in ra, in rb),
            ComparisonKind.Phone => (byte)ComparePhones(in ra, in rb),
            _ => MissingBoth,
        };
    }

    public static NhsNumberLevel CompareNhsNumbers(in PreparedRow ra, in PreparedRow rb) =>
        ra.NhsNumber == rb.NhsNumber ? NhsNumberLevel.Equal : NhsNumberLevel.Different;

    public static SexLevel CompareSexes(in PreparedRow ra, in PreparedRow rb) =>
        ra.Sex == rb.Sex ? SexLevel.Equal : SexLevel.Different;

    public static ExactLevel CompareEmails(in PreparedRow ra, in PreparedRow rb) =>
        ra.Email == rb.Email ? ExactLevel.Equal : ExactLevel.Different;

    public static ExactLevel ComparePhones(in PreparedRow ra, in PreparedRow rb) =>
        ra.Phone == rb.Phone ? ExactLevel.Equal : ExactLevel.Different;

    public static NameLevel CompareNames(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var givenA = ra.GivenHash;
        var givenB = rb.GivenHash;
        var familyA = ra.FamilyHash;
        var familyB = rb.FamilyHash;
        var bothGiven = givenA != 0 && givenB != 0;
        var bothFamily = familyA != 0 && familyB != 0;
        var givenEqual = bothGiven && givenA == givenB;
        var familyEqual = bothFamily && familyA == familyB;
        if (!bothGiven || !bothFamily)
        {
            // Only one part can be compared (ExactFullName needs both).
            return familyEqual ? NameLevel.FamilyOnly : givenEqual ? NameLevel.GivenOnly : NameLevel.Else;
        }

        if (givenEqual && familyEqual)
        {
            return NameLevel.ExactFullName;
        }

        if (givenA == familyB && familyA == givenB)
        {
            return NameLevel.Swapped;
        }

        var nicknameA = ra.NicknameId;
        var nicknameB = rb.NicknameId;
        if (familyEqual && nicknameA >= 0 && nicknameB >= 0 && a.Nicknames.AreEquivalent(nicknameA, nicknameB))
        {
            return NameLevel.Nickname;
        }

        // The Jaro-Winkler levels need both names above a threshold, so when the given names are already below the
        // lowest one (most blocked non-matches) the family names' similarity cannot change the level: skip it.
        var givenSimilarity = givenEqual ? 1.0 : JaroWinkler.Similarity(a.Given(in ra), b.Given(in rb));
        var familySimilarity = familyEqual ? 1.0
            : givenSimilarity < JaroWinklerLow ? 0.0
            : JaroWinkler.Similarity(a.Family(in ra), b.Family(in rb));
        var both = Math.Min(givenSimilarity, familySimilarity);
        if (both >= JaroWinklerHigh)
        {
            return NameLevel.JaroWinkler92;
        }

        if (both >= JaroWinklerMedium)
        {
            return NameLevel.JaroWinkler88;
        }

        if (PhoneticMatch(ra.GivenPhonetic, ra.GivenPhoneticAlternate, rb.GivenPhonetic, rb.GivenPhoneticAlternate)
            && PhoneticMatch(ra.FamilyPhonetic, ra.FamilyPhoneticAlternate, rb.FamilyPhonetic, rb.FamilyPhoneticAlternate))
        {
            return NameLevel.Phonetic;
        }

        // With one given token and one family token on both sides, sharing tokens means being equal, which the
        // levels above have already ruled out: skip the token scan (the common case for non-matching pairs).
        if (RecordSet.HasSeveralNameTokens(in ra) | RecordSet.HasSeveralNameTokens(in rb)
            && SharesToken(a.GivenTokens(in ra), b.GivenTokens(in rb)) && SharesToken(a.FamilyTokens(in ra), b.FamilyTokens(in rb)))
        {
            return NameLevel.TokenOverlap;
        }

        if (both >= JaroWinklerLow)
        {
            return NameLevel.JaroWinkler70;
        }

        return familyEqual ? NameLevel.FamilyOnly : givenEqual ? NameLevel.GivenOnly : NameLevel.Else;
    }

    private static bool PhoneticMatch(uint primaryA, uint alternateA, uint primaryB, uint alternateB) =>
        primaryA != 0 && primaryB != 0
        && (primaryA == primaryB || primaryA == alternateB || alternateA == primaryB || alternateA == alternateB);

    /// <summary>Whether two space-separated token lists share a token (lists are a handful of short words).</summary>
    private static bool SharesToken(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        while (!a.IsEmpty)
        {
            var space = a.IndexOf(' ');
            var token = space < 0 ? a : a[..space];
            a = space < 0 ? default : a[(space + 1)..];
            if (ContainsToken(b, token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsToken(ReadOnlySpan<char> list, ReadOnlySpan<char> token)
    {
        while (!list.IsEmpty)
        {
            var space = list.IndexOf(' ');
            var candidate = space < 0 ? list : list[..space];
            if (candidate.SequenceEqual(token))
            {
                return true;
            }

            list = space < 0 ? default : list[(space + 1)..];
        }

        return false;
    }

    public static DateOfBirthLevel CompareDates(in PreparedRow ra, in PreparedRow rb)
    {
        var dateA = ra.DateOfBirth;
        var dateB = rb.DateOfBirth;
        var flags = ra.DateFlags | rb.DateFlags;
        if (flags != 0)
        {
            // A partial date or a possible 1 January placeholder: the year is all that can be trusted.
            return dateA / 10_000 == dateB / 10_000 ? DateOfBirthLevel.WithinOneYear : DateOfBirthLevel.Else;
        }

        if (dateA == dateB)
        {
            return DateOfBirthLevel.Exact;
        }

        int yearA = dateA / 10_000, monthA = dateA / 100 % 100, dayA = dateA % 100;
        int yearB = dateB / 10_000, monthB = dateB / 100 % 100, dayB = dateB % 100;
        if (yearA == yearB && monthA == dayB && dayA == monthB)
        {
            return DateOfBirthLevel.DayMonthSwapped;
        }

        if (DigitsDifferent(ra.DateDigits, rb.DateDigits) == 1)
        {
            return DateOfBirthLevel.OneDigitDifferent;
        }

        var partsEqual = (yearA == yearB ? 1 : 0) + (monthA == monthB ? 1 : 0) + (dayA == dayB ? 1 : 0);
        if (partsEqual >= 2)
        {
            return DateOfBirthLevel.TwoPartsEqual;
        }

        return Math.Abs(ra.DayNumber - rb.DayNumber) <= 365 ? DateOfBirthLevel.WithinOneYear : DateOfBirthLevel.Else;
    }

    /// <summary>How many of the eight decimal digits differ (Levenshtein on equal-length digit strings, when 1), from
    /// the dates' packed-BCD forms: a nibble of the XOR is non-zero exactly where a digit differs.</summary>
    private static int DigitsDifferent(uint a, uint b)
    {
        var x = a ^ b;
        x |= x >> 1;
        x |= x >> 2;
        return System.Numerics.BitOperations.PopCount(x & 0x1111_1111u);
    }

    /// <summary>A <c>yyyyMMdd</c> number as eight packed-BCD nibbles (computed once per record).</summary>
    internal static uint ToBcd(int yyyymmdd)
    {
        uint bcd = 0;
        for (var k = 0; k < 8; k++)
        {
            bcd |= (uint)(yyyymmdd % 10) << (4 * k);
            yyyymmdd /= 10;
        }

        return bcd;
    }

    public static PostcodeLevel ComparePostcodes(in PreparedRow ra, in PreparedRow rb)
    {
        var otherA = ra.OtherPostcode;
        var otherB = rb.OtherPostcode;
        if ((otherA | otherB) != 0)
        {
            return otherA == otherB ? PostcodeLevel.Full : PostcodeLevel.Else;
        }

        var postcodeA = ra.Postcode;
        var postcodeB = rb.Postcode;
        return postcodeA.SharesPart(postcodeB, PostcodePart.Unit) ? PostcodeLevel.Full
            : postcodeA.SharesPart(postcodeB, PostcodePart.Sector) ? PostcodeLevel.Sector
            : postcodeA.SharesPart(postcodeB, PostcodePart.District) ? PostcodeLevel.District
            : postcodeA.SharesPart(postcodeB, PostcodePart.Area) ? PostcodeLevel.Area
            : PostcodeLevel.Else;
    }

    public static AddressLevel CompareAddresses(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var tokensA = a.AddressTokens(in ra);
        var tokensB = b.AddressTokens(in rb);
        if (tokensA.SequenceEqual(tokensB))
        {
            return AddressLevel.Similar90;
        }

        var similarity = TokenSet.SimilarityOfPrepared(tokensA, tokensB);
        return similarity >= AddressHigh ? AddressLevel.Similar90
            : similarity >= AddressMedium ? AddressLevel.Similar70
            : AddressLevel.Else;
    }

    public static LocalIdentifierLevel CompareLocalIdentifiers(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var idA = a.LocalIdentifier(in ra);
        var idB = b.LocalIdentifier(in rb);
        if (idA.SequenceEqual(idB))
        {
            return LocalIdentifierLevel.Exact;
        }

        return Math.Abs(idA.Length - idB.Length) <= 1 && OptimalStringAlignment.Distance(idA, idB) <= 1
            ? LocalIdentifierLevel.OneEdit
            : LocalIdentifierLevel.Else;
    }
}
