using NhsIdentity.Demographics;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Sex: equal or different (<see cref="SexLevel"/>); only male and female take part.</summary>
internal readonly struct SexComparison : IComparisonDefinition
{
    private static readonly ComparisonLevelDefinition[] Levels =
    [
        new(nameof(SexLevel.Equal), "Equal.", LevelEvidence.Agrees),
        new(nameof(SexLevel.Different), "Different."),
    ];

    public static ComparisonKind Kind => ComparisonKind.Sex;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "sex", "Sex", [nameof(PatientRecord.Sex)], Levels,

        // A low weight: PDS guidance is not to rely on sex (recorded inconsistently, and it changes); half of random
        // pairs agree by chance.
        defaults: [(0.98, 0.5), (0.02, 0.5)]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.Sex;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        if (!SexCodes.TryParse(text, out var sex))
        {
            return FieldState.Invalid;
        }

        // Not known, not specified, indeterminate and other say nothing about whether two records agree.
        if (!sex.IsMaleOrFemale())
        {
            return FieldState.Placeholder;
        }

        row.Sex = (byte)sex;
        return FieldState.Present;
    }

    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) =>
        ra.Sex == rb.Sex && settings.Uses((int)SexLevel.Equal) ? (int)SexLevel.Equal : (int)SexLevel.Different;
}
