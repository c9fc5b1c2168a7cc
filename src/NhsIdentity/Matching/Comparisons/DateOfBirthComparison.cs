using NhsIdentity.Demographics;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Dates of birth (<see cref="DateOfBirthLevel"/>): exact, the keying errors suppliers make (day and month
/// swapped, one digit wrong, one part wrong), then nearness.</summary>
/// <remarks>A 1 January date may be a placeholder keyed when only the year was known, and a partial date has only a
/// year or a year and month: a pair with either reaches <see cref="DateOfBirthLevel.WithinOneYear"/> at best.</remarks>
internal readonly struct DateOfBirthComparison : IComparisonDefinition
{
    /// <summary><see cref="PreparedRow.DateFlags"/>: the date is 1 January (possibly a placeholder).</summary>
    internal const byte PlaceholderFlag = 1;

    /// <summary><see cref="PreparedRow.DateFlags"/>: only a year, or a year and month.</summary>
    internal const byte PartialFlag = 2;

    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(DateOfBirthLevel.Exact), "Equal full dates.", LevelEvidence.Agrees | LevelEvidence.SameBirthDate),
        new(nameof(DateOfBirthLevel.DayMonthSwapped), "Same year, day and month swapped (a date read the other way round)."),
        new(nameof(DateOfBirthLevel.OneDigitDifferent), "One digit of yyyyMMdd differs (a typing error)."),
        new(nameof(DateOfBirthLevel.TwoPartsEqual), "Two of year, month and day equal."),
        new(nameof(DateOfBirthLevel.WithinOneYear),
            "Within withinDays days (365 by default), or the same year where a date is partial or a possible placeholder."),
        new(nameof(DateOfBirthLevel.Else), "None of the above."),
    ];

    private static readonly ComparisonParameterDefinition[] Parameters =
    [
        // A year either side: Splink's date comparisons use 1 month and 1 year windows; the month window is
        // covered here by TwoPartsEqual (same year and day, month keyed wrong).
        new("withinDays", "How many days apart two full dates may be for the WithinOneYear level (365: Splink's one-year window).", 365, 0, 36_500),
    ];

    /// <summary>Distance bands: the same date over within a year over further apart.</summary>
    public static int[][] WeightChains { get; } =
        [[(int)DateOfBirthLevel.Exact, (int)DateOfBirthLevel.WithinOneYear, (int)DateOfBirthLevel.Else]];

    public static ComparisonKind Kind => ComparisonKind.DateOfBirth;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "date_of_birth", "Date of birth", [nameof(PatientRecord.DateOfBirth)], Levels,

        // A date of birth agrees by chance about once in 29,000 pairs (365 days × 80 years); 90% of true matches
        // have the same date, and the rest are spread over the keying errors.
        defaults: [(0.90, 3.4e-5), (0.02, 1e-6), (0.04, 2e-4), (0.02, 4e-3), (0.01, 0.025), (0.01, 0.970765)],
        Parameters,
        [BlockingKeyPart.DateOfBirth, BlockingKeyPart.BirthYear],

        // Among different people of one household a birthday is shared by twins: about 1 birth in 65 in England is a
        // twin, so a few percent of the pairs in families with children are twins. Siblings are often born within a
        // few years of each other.
        householdU: [0.025, 1e-4, 0.003, 0.020, 0.050, 0.9019]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.DateOfBirth;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        // Zero parts are unknown parts (00/00/1947 is a year): the year still tells people apart and still blocks.
        if (!DateOfBirth.TryParseKnownParts(text, set.Options.DateOrder, out var date))
        {
            return FieldState.Invalid;
        }

        row.DateOfBirth = date.ToInt32();
        row.DateDigits = ToBcd(date.ToInt32());
        if (date.Precision == DateOfBirthPrecision.Day)
        {
            row.DayNumber = date.ToDateOnly().DayNumber;
            row.DateFlags = date.IsPossiblePlaceholder ? PlaceholderFlag : (byte)0;
        }
        else
        {
            row.DateFlags = PartialFlag;
        }

        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var dateA = ra.DateOfBirth;
        var dateB = rb.DateOfBirth;
        if ((ra.DateFlags | rb.DateFlags) != 0)
        {
            // A partial date or a possible 1 January placeholder: the year is all that can be trusted.
            return dateA / 10_000 == dateB / 10_000 && settings.Uses((int)DateOfBirthLevel.WithinOneYear)
                ? (int)DateOfBirthLevel.WithinOneYear : (int)DateOfBirthLevel.Else;
        }

        if (dateA == dateB && settings.Uses((int)DateOfBirthLevel.Exact))
        {
            return (int)DateOfBirthLevel.Exact;
        }

        int yearA = dateA / 10_000, monthA = dateA / 100 % 100, dayA = dateA % 100;
        int yearB = dateB / 10_000, monthB = dateB / 100 % 100, dayB = dateB % 100;
        if (yearA == yearB && monthA == dayB && dayA == monthB && settings.Uses((int)DateOfBirthLevel.DayMonthSwapped))
        {
            return (int)DateOfBirthLevel.DayMonthSwapped;
        }

        if (DigitsDifferent(ra.DateDigits, rb.DateDigits) == 1 && settings.Uses((int)DateOfBirthLevel.OneDigitDifferent))
        {
            return (int)DateOfBirthLevel.OneDigitDifferent;
        }

        var partsEqual = (yearA == yearB ? 1 : 0) + (monthA == monthB ? 1 : 0) + (dayA == dayB ? 1 : 0);
        if (partsEqual >= 2 && settings.Uses((int)DateOfBirthLevel.TwoPartsEqual))
        {
            return (int)DateOfBirthLevel.TwoPartsEqual;
        }

        return Math.Abs(ra.DayNumber - rb.DayNumber) <= settings.Parameter0 && settings.Uses((int)DateOfBirthLevel.WithinOneYear)
            ? (int)DateOfBirthLevel.WithinOneYear : (int)DateOfBirthLevel.Else;
    }

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => part switch
    {
        BlockingKeyPart.DateOfBirth => (row.DateFlags & PartialFlag) != 0 ? 0UL : (ulong)row.DateOfBirth,
        BlockingKeyPart.BirthYear => (ulong)(row.DateOfBirth / 10_000),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

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

    /// <summary>How many of the eight decimal digits differ (Levenshtein on equal-length digit strings, when 1), from
    /// the dates' packed-BCD forms: a nibble of the XOR is non-zero exactly where a digit differs.</summary>
    private static int DigitsDifferent(uint a, uint b)
    {
        var x = a ^ b;
        x |= x >> 1;
        x |= x >> 2;
        return System.Numerics.BitOperations.PopCount(x & 0x1111_1111u);
    }
}
