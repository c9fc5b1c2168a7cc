using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Family names (<see cref="FamilyNameLevel"/>), on their own: the name a household shares, so agreement on
/// it says less about one person than agreement on a given name.</summary>
/// <remarks>Reads what <see cref="NameComparison"/> prepares. Alike family names and a shared home make a pair's
/// household context (<see cref="ComparisonLevelModel.HouseholdU"/>). When the given and family names are swapped the
/// comparison is not made: <see cref="GivenNameLevel.Swapped"/> carries the swap once.</remarks>
internal readonly struct FamilyNameComparison : IComparisonDefinition
{
    private const int FamilyFeature = 0;

    private static readonly ComparisonLevelDefinition[] Levels =
    [
        // Every level but Else marks the family names alike, so a typing error in the name does not take a pair out
        // of its household context (a duplicate with a misspelt family name would then outweigh an exact one).
        new(nameof(FamilyNameLevel.Exact), "Equal (term-frequency adjusted: a common family name counts for less).",
            LevelEvidence.Agrees | LevelEvidence.SameFamily, supportsTermFrequency: true),
        new(nameof(FamilyNameLevel.JaroWinkler92), "Jaro-Winkler similarity at least jaroWinklerHigh (0.92).",
            LevelEvidence.Agrees | LevelEvidence.SameFamily),
        new(nameof(FamilyNameLevel.DoubleBarrel), "A part of a double-barrelled or multi-part name shared (JONES-SMITH and SMITH).",
            LevelEvidence.SameFamily),
        new(nameof(FamilyNameLevel.JaroWinkler88), "Jaro-Winkler similarity at least jaroWinklerMedium (0.88).", LevelEvidence.SameFamily),
        new(nameof(FamilyNameLevel.Phonetic), "A Double Metaphone code (primary or alternate) shared.", LevelEvidence.SameFamily),
        new(nameof(FamilyNameLevel.JaroWinkler70), "Jaro-Winkler similarity at least jaroWinklerLow (0.70).", LevelEvidence.SameFamily),
        new(nameof(FamilyNameLevel.Else), "None of the above (a new name on marriage is the common true-match case)."),
    ];

    private static readonly ComparisonParameterDefinition[] Parameters =
    [
        new("jaroWinklerHigh", "Jaro-Winkler similarity for the JaroWinkler92 level (0.92, Splink's and NHS England's).", 0.92, 0, 1),
        new("jaroWinklerMedium", "Jaro-Winkler similarity for the JaroWinkler88 level (0.88, Splink's and NHS England's).", 0.88, 0, 1),
        new("jaroWinklerLow", "Jaro-Winkler similarity for the JaroWinkler70 level (0.70, Splink's and NHS England's).", 0.70, 0, 1),
    ];

    /// <summary>The Jaro-Winkler bands keep their order below an exact name.</summary>
    public static int[][] WeightChains { get; } =
        [[(int)FamilyNameLevel.Exact, (int)FamilyNameLevel.JaroWinkler92, (int)FamilyNameLevel.JaroWinkler88, (int)FamilyNameLevel.JaroWinkler70]];

    public static ComparisonKind Kind => ComparisonKind.FamilyName;

    // m: typical of Splink's and NHS England's learned surname comparisons (85% exact; a changed name on marriage is
    // most of Else). u: a family name agrees by chance about once in 500 pairs in a UK population. Among one
    // household's members the family name is shared by definition, so no household u is declared.
    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "family_name", "Family name", [nameof(PatientRecord.FamilyName)], Levels,
        defaults: [(0.850, 0.002), (0.050, 5e-4), (0.020, 1e-4), (0.020, 1e-3), (0.010, 3e-3), (0.020, 0.050), (0.030, 0.9434)],
        Parameters,
        [BlockingKeyPart.FamilyName, BlockingKeyPart.FamilySoundex, BlockingKeyPart.FamilyMetaphone]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row) =>
        row.FamilyHash != 0 ? FieldState.Present
        : string.IsNullOrWhiteSpace(record.FamilyName) ? FieldState.Missing
        : FieldState.Placeholder;

    /// <summary>Jaro-Winkler and token scans (see <see cref="IComparisonDefinition.CostRank"/>).</summary>
    public static int CostRank => 1;

    /// <summary>Without comparing: two different family names cannot be <c>Exact</c>; the missing code that stands
    /// for a swap (the given-name comparison's <c>Swapped</c> counts it) is reachable only when the names are swapped.</summary>
    public static uint UnreachableCodes(in PreparedRow ra, in PreparedRow rb) =>
        (1u << ComparisonCatalog.MissingRight) | (1u << ComparisonCatalog.MissingLeft)
        | (ra.FamilyHash != rb.FamilyHash ? 1u << (int)FamilyNameLevel.Exact : 0)
        | (GivenNameComparison.IsSwap(in ra, in rb) ? 0 : 1u << ComparisonCatalog.MissingBoth);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        if (ra.FamilyHash == rb.FamilyHash && settings.Uses((int)FamilyNameLevel.Exact))
        {
            return (int)FamilyNameLevel.Exact;
        }

        if (GivenNameComparison.IsSwap(in ra, in rb))
        {
            return ComparisonCatalog.MissingBoth;
        }

        var similarity = ra.FamilyHash == rb.FamilyHash ? 1.0 : JaroWinkler.Similarity(a.Family(in ra), b.Family(in rb));
        if (similarity >= settings.Parameter0 && settings.Uses((int)FamilyNameLevel.JaroWinkler92))
        {
            return (int)FamilyNameLevel.JaroWinkler92;
        }

        if ((NameMatching.HasSeveralFamilyTokens(in ra) | NameMatching.HasSeveralFamilyTokens(in rb))
            && settings.Uses((int)FamilyNameLevel.DoubleBarrel) && NameMatching.SharesToken(a.FamilyTokens(in ra), b.FamilyTokens(in rb)))
        {
            return (int)FamilyNameLevel.DoubleBarrel;
        }

        if (similarity >= settings.Parameter1 && settings.Uses((int)FamilyNameLevel.JaroWinkler88))
        {
            return (int)FamilyNameLevel.JaroWinkler88;
        }

        if (settings.Uses((int)FamilyNameLevel.Phonetic)
            && NameMatching.Phonetic(ra.FamilyPhonetic, ra.FamilyPhoneticAlternate, rb.FamilyPhonetic, rb.FamilyPhoneticAlternate))
        {
            return (int)FamilyNameLevel.Phonetic;
        }

        return similarity >= settings.Parameter2 && settings.Uses((int)FamilyNameLevel.JaroWinkler70)
            ? (int)FamilyNameLevel.JaroWinkler70
            : (int)FamilyNameLevel.Else;
    }

    /// <summary>Family names are counted (<see cref="NameLevel.FamilyOnly"/> reads the same value).</summary>
    public static int TermFrequencyFeatures => 1;

    public static ulong TermFrequencyKey(int feature, in PreparedRow row) =>
        feature == FamilyFeature ? row.FamilyHash : throw new ArgumentOutOfRangeException(nameof(feature));

    public static ref float Log2FrequencyOf(int feature, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(feature, FamilyFeature);
        return ref row.Log2FamilyFrequency;
    }

    public static float Log2Frequency(int level, in PreparedRow ra, in PreparedRow rb) => level == (int)FamilyNameLevel.Exact
        ? float.MaxNumber(ra.Log2FamilyFrequency, rb.Log2FamilyFrequency)
        : float.NaN;

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => part switch
    {
        BlockingKeyPart.FamilyName => row.FamilyHash,
        BlockingKeyPart.FamilySoundex => row.FamilySoundex,
        BlockingKeyPart.FamilyMetaphone => row.FamilyPhonetic,
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };
}
