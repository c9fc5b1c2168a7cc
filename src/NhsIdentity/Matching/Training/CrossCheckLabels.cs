using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// The pairs NHS England's cross-check trace would accept: the same valid NHS number and the same full date of birth.
/// They are matches with near certainty, so the level frequencies of the other comparisons among them measure m
/// directly, with no EM.
/// </summary>
internal static class CrossCheckLabels
{
    /// <summary>The cross-check trace itself: it labels the m of every comparison but these two.</summary>
    public static readonly BlockingRule CrossCheck = BlockingRule.Create("cross-check", BlockingKeyPart.NhsNumber, BlockingKeyPart.DateOfBirth);

    /// <summary>The same valid NHS number alone labels the date of birth's m: EM cannot, because inside households
    /// (a parent and child of the same name at one address) the other fields agree while the dates differ.</summary>
    public static readonly BlockingRule SameNhsNumber = BlockingRule.Create("same-nhs-number", BlockingKeyPart.NhsNumber);

    /// <summary>The same full name and date of birth labels the NHS number's m (twins differ in given name,
    /// namesakes in date of birth, so such pairs are one person with near certainty).</summary>
    public static readonly BlockingRule SameNameAndBirth =
        BlockingRule.Create("same-name-and-birth", BlockingKeyPart.GivenName, BlockingKeyPart.FamilyName, BlockingKeyPart.DateOfBirth);

    /// <summary>The level counts of a rule's pairs, or of <see cref="TrainingOptions.MaxPairsPerTrainingRule"/> of them
    /// chosen by hash (<see cref="TrainingPairs"/>); <paramref name="pairs"/> says how many the rule has.</summary>
    public static LevelTally Tally(BlockingRule rule, MatchModel model, TrainingPairs candidates, TrainingOptions options,
        CancellationToken cancellationToken, out SelectedPairs pairs)
    {
        pairs = candidates.Select([rule], 0, options.MaxPairsPerTrainingRule, cancellationToken);
        return pairs.Tally(model, candidates.Left, candidates.Right, cancellationToken);
    }

    /// <summary>Whether labels may set a comparison's m: not the two comparisons that define the labels (they agree
    /// on every labelled pair by construction).</summary>
    public static bool CanEstimate(ComparisonKind kind) => kind is not (ComparisonKind.NhsNumber or ComparisonKind.DateOfBirth);
}
