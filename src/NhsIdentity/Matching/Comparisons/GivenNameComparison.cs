using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>First given names (<see cref="GivenNameLevel"/>): the part of a name that tells members of one family
/// apart, so the model learns what agreement on it is worth on its own.</summary>
/// <remarks>Reads what <see cref="NameComparison"/> prepares (the names are normalised and hashed once per record).
/// Among members of one household (see <see cref="ComparisonLevelModel.HouseholdU"/>) given names rarely agree or
/// nearly agree, which is what separates twins and a same-named parent and child from a typing error.</remarks>
internal readonly struct GivenNameComparison : IComparisonDefinition
{
    private const int GivenFeature = 0;

    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(GivenNameLevel.Exact), "Equal (term-frequency adjusted: a common given name counts for less).",
            LevelEvidence.Agrees | LevelEvidence.SameGivenName, supportsTermFrequency: true),
        new(nameof(GivenNameLevel.Swapped), "Given and family names swapped (the family-name comparison is then not made).",
            LevelEvidence.Agrees),
        new(nameof(GivenNameLevel.Nickname), "Nickname-equivalent (BOB and ROBERT).", LevelEvidence.Agrees),
        new(nameof(GivenNameLevel.JaroWinkler92), "Jaro-Winkler similarity at least jaroWinklerHigh (0.92).",
            LevelEvidence.Agrees),
        new(nameof(GivenNameLevel.JaroWinkler88), "Jaro-Winkler similarity at least jaroWinklerMedium (0.88)."),
        new(nameof(GivenNameLevel.Initial), "One side is an initial, the other's first letter (C and CHRISTOPHER), or both the same initial."),
        new(nameof(GivenNameLevel.MiddleName), "A given-name token shared (JOHN PAUL and PAUL)."),
        new(nameof(GivenNameLevel.Phonetic), "A Double Metaphone code (primary or alternate) shared."),
        new(nameof(GivenNameLevel.JaroWinkler70), "Jaro-Winkler similarity at least jaroWinklerLow (0.70)."),
        new(nameof(GivenNameLevel.Else), "None of the above."),
    ];

    private static readonly ComparisonParameterDefinition[] Parameters =
    [
        // The thresholds of Splink's name comparisons and of NHS England's Splink-based linkage model.
        new("jaroWinklerHigh", "Jaro-Winkler similarity for the JaroWinkler92 level (0.92, Splink's and NHS England's).", 0.92, 0, 1),
        new("jaroWinklerMedium", "Jaro-Winkler similarity for the JaroWinkler88 level (0.88, Splink's and NHS England's).", 0.88, 0, 1),
        new("jaroWinklerLow", "Jaro-Winkler similarity for the JaroWinkler70 level (0.70, Splink's and NHS England's).", 0.70, 0, 1),
    ];

    /// <summary>The Jaro-Winkler bands keep their order below an exact name.</summary>
    public static int[][] WeightChains { get; } =
        [[(int)GivenNameLevel.Exact, (int)GivenNameLevel.JaroWinkler92, (int)GivenNameLevel.JaroWinkler88, (int)GivenNameLevel.JaroWinkler70]];

    /// <summary>A swap holds both names, so it may outweigh an exact given name alone: held below it, a swapped pair
    /// lost the family name's evidence (trained on census-style files, 13.3 bits were cut to 6.6).</summary>
    public static int[] LevelsBeyondFirst { get; } = [(int)GivenNameLevel.Swapped];

    public static ComparisonKind Kind => ComparisonKind.GivenName;

    // Version 2: two equal initials are Initial, not Exact. A version 1 model reads as version 2 (its levels and
    // m and u are the same; only which pairs reach Exact or Initial changed).
    public static ComparisonDefinition Describe() => new(
        Kind, version: 2, "given_name", "Given name", [nameof(PatientRecord.GivenNames)], Levels,

        // m: typical of what Splink's example models and NHS England's model learn on supplier data for a first-name
        // comparison (82% exact, a few percent each for nicknames, typing errors and initials; wholly different given
        // names, a change of name or a preferred name no table knows, 1%). u: a given name agrees
        // by chance about once in 250 pairs (the sum of squared name shares in the ONS baby-name lists).
        defaults:
        [
            (0.826, 0.004), (0.004, 3e-5), (0.030, 5e-4), (0.050, 1e-3), (0.020, 2e-3), (0.020, 2e-3), (0.010, 1e-3),
            (0.010, 5e-3), (0.020, 0.080), (0.010, 0.90447),
        ],
        Parameters,

        // Among different people of one household: parents rarely give two children one name (a father and a son
        // named alike, about 1 pair in 100), but siblings' names are often alike in sound or spelling. Training
        // replaces these with what pairs with two different NHS numbers show.
        householdU: [0.010, 3e-5, 0.002, 0.005, 0.010, 0.010, 0.010, 0.020, 0.150, 0.78297],
        blockingParts: [BlockingKeyPart.GivenName, BlockingKeyPart.GivenInitial]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row) =>
        row.GivenHash != 0 ? FieldState.Present
        : string.IsNullOrWhiteSpace(record.GivenNames) ? FieldState.Missing
        : FieldState.Placeholder;

    /// <summary>Jaro-Winkler, nicknames and token scans (see <see cref="IComparisonDefinition.CostRank"/>).</summary>
    public static int CostRank => 1;

    // Long: inlined into the scorer it would use up the JIT's inlining budget, and the comparisons after it would
    // become calls.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var givenA = ra.GivenHash;
        var givenB = rb.GivenHash;
        if (givenA == givenB)
        {
            // Two equal initials say what one initial against a name says, no more: as Exact they would pass for an
            // agreeing name and take twins with one initial out of their household context.
            if (settings.Uses((int)GivenNameLevel.Initial) && a.Given(in ra).Length == 1)
            {
                return (int)GivenNameLevel.Initial;
            }

            if (settings.Uses((int)GivenNameLevel.Exact))
            {
                return (int)GivenNameLevel.Exact;
            }
        }

        if (IsSwap(in ra, in rb) && settings.Uses((int)GivenNameLevel.Swapped))
        {
            return (int)GivenNameLevel.Swapped;
        }

        if (ra.NicknameId >= 0 && rb.NicknameId >= 0 && settings.Uses((int)GivenNameLevel.Nickname)
            && a.Nicknames.AreEquivalent(ra.NicknameId, rb.NicknameId))
        {
            return (int)GivenNameLevel.Nickname;
        }

        var nameA = a.Given(in ra);
        var nameB = b.Given(in rb);
        var similarity = givenA == givenB ? 1.0 : JaroWinkler.Similarity(nameA, nameB);
        if (similarity >= settings.Parameter0 && settings.Uses((int)GivenNameLevel.JaroWinkler92))
        {
            return (int)GivenNameLevel.JaroWinkler92;
        }

        if (similarity >= settings.Parameter1 && settings.Uses((int)GivenNameLevel.JaroWinkler88))
        {
            return (int)GivenNameLevel.JaroWinkler88;
        }

        if ((nameA.Length == 1 || nameB.Length == 1) && nameA[0] == nameB[0] && settings.Uses((int)GivenNameLevel.Initial))
        {
            return (int)GivenNameLevel.Initial;
        }

        // With one given name on both sides, sharing a token means being equal, which Exact has ruled out.
        if ((NameMatching.HasSeveralGivenTokens(in ra) | NameMatching.HasSeveralGivenTokens(in rb))
            && settings.Uses((int)GivenNameLevel.MiddleName) && NameMatching.SharesToken(a.GivenTokens(in ra), b.GivenTokens(in rb)))
        {
            return (int)GivenNameLevel.MiddleName;
        }

        if (settings.Uses((int)GivenNameLevel.Phonetic)
            && NameMatching.Phonetic(ra.GivenPhonetic, ra.GivenPhoneticAlternate, rb.GivenPhonetic, rb.GivenPhoneticAlternate))
        {
            return (int)GivenNameLevel.Phonetic;
        }

        return similarity >= settings.Parameter2 && settings.Uses((int)GivenNameLevel.JaroWinkler70)
            ? (int)GivenNameLevel.JaroWinkler70
            : (int)GivenNameLevel.Else;
    }

    /// <summary>Without comparing: two different first given names cannot be <c>Exact</c>, and names that are not
    /// swapped cannot be <c>Swapped</c>, the two levels that weigh most.</summary>
    public static uint UnreachableCodes(in PreparedRow ra, in PreparedRow rb) =>
        ComparisonCatalog.MissingCodes
        | (ra.GivenHash != rb.GivenHash ? 1u << (int)GivenNameLevel.Exact : 0)
        | (IsSwap(in ra, in rb) ? 0 : 1u << (int)GivenNameLevel.Swapped);

    /// <summary>Whether the given and family names are swapped: both records have both, and each one's given name is
    /// the other's family name.</summary>
    internal static bool IsSwap(in PreparedRow ra, in PreparedRow rb) =>
        ra.FamilyHash != 0 && rb.FamilyHash != 0 && ra.GivenHash == rb.FamilyHash && ra.FamilyHash == rb.GivenHash
        && ra.GivenHash != ra.FamilyHash;

    /// <summary>First given names are counted.</summary>
    public static int TermFrequencyFeatures => 1;

    public static ulong TermFrequencyKey(int feature, in PreparedRow row) =>
        feature == GivenFeature ? row.GivenHash : throw new ArgumentOutOfRangeException(nameof(feature));

    public static ref float Log2FrequencyOf(int feature, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(feature, GivenFeature);
        return ref row.Log2GivenFrequency;
    }

    public static float Log2Frequency(int level, in PreparedRow ra, in PreparedRow rb) => level == (int)GivenNameLevel.Exact
        ? float.MaxNumber(ra.Log2GivenFrequency, rb.Log2GivenFrequency)
        : float.NaN;

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row)
    {
        switch (part)
        {
            case BlockingKeyPart.GivenName:
                return row.GivenHash;
            case BlockingKeyPart.GivenInitial:
                var given = set.Given(in row);
                return given.IsEmpty ? 0UL : given[0];
            default:
                throw new ArgumentOutOfRangeException(nameof(part));
        }
    }
}
