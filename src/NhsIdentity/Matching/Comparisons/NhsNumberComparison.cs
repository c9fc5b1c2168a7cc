using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>NHS numbers: equal or different valid numbers (<see cref="NhsNumberLevel"/>).</summary>
/// <remarks>Only valid numbers take part: one failing its check digit is invalid, a repdigit such as
/// <c>9999999999</c> (keyed as a placeholder) is a placeholder, and both count as missing.</remarks>
internal readonly struct NhsNumberComparison : IComparisonDefinition
{
    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(NhsNumberLevel.Equal), "Both valid and equal.", LevelEvidence.Agrees | LevelEvidence.SharesIdentifier),

        // Different valid numbers are strong evidence against, not proof: numbers are reissued on adoption and
        // gender reassignment (PDS practice), so the level has a finite weight and sends the pair to review.
        new(nameof(NhsNumberLevel.Different), "Both valid and different.", LevelEvidence.Contradicts),
    ];

    public static ComparisonKind Kind => ComparisonKind.NhsNumber;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "nhs_number", "NHS number", [nameof(PatientRecord.NhsNumber)], Levels,

        // Valid NHS numbers agree on 97% of true matches (the rest: reissued numbers, keying errors that still pass
        // modulus 11); two people share one by chance about once in a million pairs at most.
        defaults: [(0.97, 1e-6), (0.03, 1 - 1e-6)],
        blockingParts: [BlockingKeyPart.NhsNumber]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.NhsNumber;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        if (!NhsNumber.TryParse(text, NhsNumberStyles.Lenient, out var number))
        {
            return FieldState.Invalid;
        }

        if (number.IsRepdigit)
        {
            return FieldState.Placeholder;
        }

        row.NhsNumber = number.Value;
        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) =>
        ra.NhsNumber == rb.NhsNumber && settings.Uses((int)NhsNumberLevel.Equal) ? (int)NhsNumberLevel.Equal : (int)NhsNumberLevel.Different;

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row) => (ulong)row.NhsNumber;
}
