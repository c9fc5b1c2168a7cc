using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>
/// A comparison's code: one struct per comparison implements this with static members, and generic code
/// (<c>where T : struct, IComparisonDefinition</c>) calls them, so the JIT compiles a copy per comparison with the
/// calls inlined: as fast as code written out comparison by comparison, with one source of truth.
/// </summary>
/// <remarks>The structs are listed once, in <see cref="ComparisonCatalog"/>; nothing else names them. Members with a
/// body are what most comparisons do (no arena text, no term frequencies, no blocking parts, the declared evidence);
/// a comparison that does more says so by declaring its own.</remarks>
internal interface IComparisonDefinition
{
    /// <summary>Gets the comparison.</summary>
    static abstract ComparisonKind Kind { get; }

    /// <summary>Describes the comparison (called once, by the catalog).</summary>
    static abstract ComparisonDefinition Describe();

    /// <summary>Reads the record's field(s) into the prepared row (which starts zeroed) and says what was found.</summary>
    static abstract FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row);

    /// <summary>The level of a pair whose values are present on both sides, from the model's settings.</summary>
    static abstract int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb);

    /// <summary>
    /// Gets the chains of levels whose trained weights must not rise along the chain, each best first (level
    /// numbers; levels a model does not use are skipped): bands of one measure, such as Jaro-Winkler 0.92, 0.88 and
    /// 0.70, or the parts of a postcode. Training restores the order when the data contradicts it.
    /// </summary>
    /// <remarks>The default declares none: every comparison already keeps its first level at least as heavy as each
    /// other level, and each level that says the values agree (<see cref="LevelEvidence.Agrees"/>) at a weight of at
    /// least 0, so a comparison declares only the bands beyond that.</remarks>
    static virtual int[][] WeightChains => [];

    /// <summary>
    /// Gets the levels the first level need not outweigh (level numbers): levels that carry evidence beyond this
    /// comparison's own field, such as the given-name comparison's <c>Swapped</c>, which stands for the family names
    /// too (the family-name comparison is not made then), so two names transposed weigh what two names agreeing weigh.
    /// </summary>
    static virtual int[] LevelsBeyondFirst => [];

    /// <summary>Gets how costly comparing two values is: 0 for a few integer tests, higher for string work (1 for
    /// names, 2 for address token sets). When a weight floor applies, comparisons are made cheapest first and a pair is
    /// dropped as soon as an upper bound on its weight falls below the floor, so the costliest comparisons are made
    /// least often. The rank only orders work; it never changes a weight.</summary>
    static virtual int CostRank => 0;

    /// <summary>The level codes (bit <c>c</c> for code <c>c</c>) that <see cref="Compare"/> cannot return for a pair
    /// whose values are present on both sides, found from a few integer tests on the prepared rows without comparing;
    /// 0 (any code) by default.</summary>
    /// <remarks>Bounded scoring counts a costly comparison not yet made at the most its reachable codes could add, so a
    /// tighter answer here rules more strangers out before their names are compared. It must never name a code
    /// <see cref="Compare"/> could return: the linker would then drop pairs it should keep.</remarks>
    static virtual uint UnreachableCodes(in PreparedRow ra, in PreparedRow rb) => 0;

    /// <summary>Gets how many slices of the record set's text arena the comparison's prepared values occupy (names,
    /// address tokens, a local identifier); 0 for comparisons that keep only numbers in the row.</summary>
    static virtual int ArenaSlices => 0;

    /// <summary>Where one arena slice starts, by reference, so the set can move text (compaction, combining sets).</summary>
    static virtual ref int ArenaStart(int slice, ref PreparedRow row) => throw new ArgumentOutOfRangeException(nameof(slice));

    /// <summary>How many chars one arena slice holds.</summary>
    static virtual int ArenaLength(int slice, in PreparedRow row) => throw new ArgumentOutOfRangeException(nameof(slice));

    /// <summary>Gets how many values the comparison has its record set count the frequency of (0 for most; the name
    /// counts full names and family names, the postcode full postcodes).</summary>
    static virtual int TermFrequencyFeatures => 0;

    /// <summary>The key of a present record's value of one counted feature, or 0 when it has none.</summary>
    static virtual ulong TermFrequencyKey(int feature, in PreparedRow row) => throw new ArgumentOutOfRangeException(nameof(feature));

    /// <summary>Where the row keeps the log2 frequency of one counted feature (NaN until measured).</summary>
    static virtual ref float Log2FrequencyOf(int feature, ref PreparedRow row) => throw new ArgumentOutOfRangeException(nameof(feature));

    /// <summary>log2 of the larger of the two records' frequencies of the value a term-frequency level agrees on;
    /// NaN when neither was measured or the level has none.</summary>
    static virtual float Log2Frequency(int level, in PreparedRow ra, in PreparedRow rb) => float.NaN;

    /// <summary>A non-zero number standing for the record's value of a blocking key part this comparison owns,
    /// or 0 when it has none.</summary>
    static virtual ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => throw new ArgumentOutOfRangeException(nameof(part));
}
