namespace NhsIdentity.Matching.Comparisons;

/// <summary>What the exact-only comparisons (<see cref="ExactLevel"/>: email, phone, GP practice) share: two levels,
/// equal or different, on a value prepared to a non-zero number.</summary>
internal static class ExactComparison
{
    public static ComparisonLevelDefinition[] Levels(string equalDescription) =>
    [
        new(nameof(ExactLevel.Equal), equalDescription, LevelEvidence.Agrees),
        new(nameof(ExactLevel.Different), "Different."),
    ];

    public static int Compare(in ComparisonSettings settings, ulong a, ulong b) =>
        a == b && settings.Uses((int)ExactLevel.Equal) ? (int)ExactLevel.Equal : (int)ExactLevel.Different;
}
