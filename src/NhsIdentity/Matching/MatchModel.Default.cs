namespace NhsIdentity.Matching;

// The model that ships: usable before any training. The m-probabilities are typical of what Splink's example models
// and NHS England's published linkage model learn on supplier data (how often true matches reach each level); the
// u-probabilities follow from the spread of values in a population of about a million (a date of birth agrees by
// chance about once in 29,000 pairs, a postcode unit once in 20,000). Training on the data being linked replaces
// them; these are a sensible start, not a measurement of anyone's data.
public sealed partial class MatchModel
{
    /// <summary>The default prior λ: 1 in 100,000 pairs is the same person (one duplicate per person in a population of
    /// 100,000, the size of a typical trust's active extract).</summary>
    public const double DefaultPriorMatchProbability = 1e-5;

    /// <summary>
    /// Gets the default model: all nine comparisons with sourced starting parameters, λ =
    /// <see cref="DefaultPriorMatchProbability"/> and <see cref="DecisionPolicy.Default"/>. Single pairs can be scored
    /// with it before any training; train on the data being linked for best accuracy.
    /// </summary>
    public static MatchModel Default { get; } = CreateDefault();

    private static MatchModel CreateDefault() => new(
        DefaultPriorMatchProbability,
        [
            // Valid NHS numbers agree on 97% of true matches (the rest: reissued numbers, keying errors that still
            // pass modulus 11); two people share one by chance about once in a million pairs at most.
            Levels(ComparisonKind.NhsNumber, (0.97, 1e-6), (0.03, 1 - 1e-6)),
            Levels(ComparisonKind.Name,
                (0.600, 2e-5),  // ExactFullName
                (0.005, 1e-6),  // Swapped
                (0.030, 2e-6),  // Nickname
                (0.150, 5e-5),  // JaroWinkler92
                (0.040, 1e-4),  // JaroWinkler88
                (0.030, 3e-4),  // Phonetic
                (0.040, 5e-5),  // TokenOverlap
                (0.030, 5e-3),  // JaroWinkler70
                (0.040, 5e-3),  // FamilyOnly
                (0.015, 1e-2),  // GivenOnly
                (0.020, 0.979477)), // Else
            Levels(ComparisonKind.DateOfBirth,
                (0.90, 3.4e-5), // Exact: 1 / (365 × 80)
                (0.02, 1e-6),   // DayMonthSwapped
                (0.04, 2e-4),   // OneDigitDifferent
                (0.02, 4e-3),   // TwoPartsEqual
                (0.01, 0.025),  // WithinOneYear
                (0.01, 0.970765)), // Else
            Levels(ComparisonKind.Sex, (0.98, 0.5), (0.02, 0.5)),
            Levels(ComparisonKind.Postcode,
                (0.75, 5e-5),   // Full
                (0.05, 5e-4),   // Sector
                (0.05, 3e-3),   // District
                (0.05, 2e-2),   // Area
                (0.10, 0.97645)), // Else (people move: an old postcode is common)
            Levels(ComparisonKind.Address, (0.70, 1e-4), (0.15, 2e-3), (0.15, 0.9979)),

            // Local identifiers agree only when both records come from the same system, so most true matches
            // across systems disagree here: a small negative weight, not a veto.
            Levels(ComparisonKind.LocalIdentifier, (0.30, 1e-6), (0.02, 1e-5), (0.68, 0.999989)),
            Levels(ComparisonKind.Email, (0.80, 1e-5), (0.20, 0.99999)),
            Levels(ComparisonKind.Phone, (0.70, 1e-5), (0.30, 0.99999)),
        ],
        DecisionPolicy.Default);

    private static ComparisonModel Levels(ComparisonKind comparison, params ReadOnlySpan<(double M, double U)> levels)
    {
        var list = new ComparisonLevelModel[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            list[i] = new ComparisonLevelModel(levels[i].M, levels[i].U);
        }

        return new ComparisonModel(comparison, list);
    }
}
