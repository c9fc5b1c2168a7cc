using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>
/// A comparison's code: one struct per comparison implements this with static members, and generic code
/// (<c>where T : struct, IComparisonDefinition</c>) calls them, so the JIT compiles a copy per comparison with the
/// calls inlined: as fast as code written out comparison by comparison, with one source of truth.
/// </summary>
/// <remarks>The structs are listed once, in <see cref="ComparisonCatalog"/>; nothing else names them.</remarks>
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

    /// <summary>What a level says about identity for this pair: the level's declared evidence
    /// (<paramref name="declared"/>), which a comparison may qualify by the pair's values.</summary>
    static abstract LevelEvidence Evidence(LevelEvidence declared, int level, in PreparedRow ra, in PreparedRow rb);

    /// <summary>log2 of the larger of the two records' frequencies of the value a term-frequency level agrees on;
    /// NaN when neither was measured or the level has none.</summary>
    static abstract float Log2Frequency(int level, in PreparedRow ra, in PreparedRow rb);

    /// <summary>A non-zero number standing for the record's value of a blocking key part this comparison owns,
    /// or 0 when it has none.</summary>
    static abstract ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row);
}
