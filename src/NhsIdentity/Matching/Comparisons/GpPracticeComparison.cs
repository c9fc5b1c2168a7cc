using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>The registered GP practice, by its ODS code: equal or different (<see cref="ExactLevel"/>).</summary>
/// <remarks>
/// <para>Codes are compared as upper-case letters and digits (<c>a81001</c> and <c>A81 001</c> agree). The NHS Data
/// Dictionary's default codes <c>V81997</c> (not registered), <c>V81998</c> (not applicable) and <c>V81999</c> (not
/// known) are placeholders and count as missing; text that is not 3 to 10 letters and digits with at least one digit
/// (UNKNOWN, a GP's name) is invalid and counts as missing too.</para>
/// <para>Weak evidence by design: people change practice when they move, and a household shares one, so agreement
/// says little more than "lives nearby" and disagreement little at all.</para>
/// </remarks>
internal readonly struct GpPracticeComparison : IComparisonDefinition
{
    private const int MaxCodeLength = 10;

    private static readonly ComparisonLevelDefinition[] Levels = ExactComparison.Levels("The same ODS practice code.");

    public static ComparisonKind Kind => ComparisonKind.GpPractice;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "gp_practice", "GP practice", [nameof(PatientRecord.GpPracticeCode)], Levels,

        // England has about 6,000 practices, but a trust's extract is dominated by a few dozen local ones, so two
        // different people share a practice about 1 time in 20 (u 0.05), more within a household. A true match keeps
        // the same practice across systems about 70% of the time (registrations change and supplier copies lag).
        // Agreement is then worth about 3.8 bits, less than a postcode district; disagreement about -1.7.
        defaults: [(0.70, 0.05), (0.30, 0.95)],
        blockingParts: [BlockingKeyPart.GpPractice],

        // One household is usually registered at one practice.
        householdU: [0.85, 0.15]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.GpPracticeCode;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        // Every ODS code has digits; words (UNKNOWN, NONE, a GP's name in a "GP" column) are not codes.
        Span<char> code = stackalloc char[MaxCodeLength];
        if (!CodeText.TryRead(text, code, out var length))
        {
            return FieldState.Invalid;
        }

        code = code[..length];
        if (code is "V81997" or "V81998" or "V81999")
        {
            return FieldState.Placeholder;
        }

        row.GpPractice = (uint)RecordSet.Hash(code) | 1;
        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) =>
        ExactComparison.Compare(in settings, ra.GpPractice, rb.GpPractice);

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => row.GpPractice;
}
