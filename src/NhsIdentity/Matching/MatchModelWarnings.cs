namespace NhsIdentity.Matching;

/// <summary>What is odd about a model that is valid but is likely not what was meant (<see cref="MatchModel.Warnings"/>).</summary>
/// <remarks>A model whose weights are not finite numbers is never built; these are the cases that run but decide
/// every pair the same way, or send none for review.</remarks>
[Flags]
public enum MatchModelWarnings
{
    /// <summary>Nothing odd.</summary>
    None = 0,

    /// <summary>The model makes no comparisons: every pair scores the prior alone, so every pair gets the same
    /// decision.</summary>
    NoComparisons = 1,

    /// <summary>The match and review thresholds are equal: no pair is sent for review (for example after lowering the
    /// match threshold to the review threshold or below it, which lowers the review threshold with it).</summary>
    NoReviewBand = 2,

    /// <summary>The prior alone reaches the review threshold: a pair with no evidence either way (every value
    /// missing) is sent for review.</summary>
    PriorReachesReview = 4,

    /// <summary>The prior alone reaches the match threshold: a pair with no evidence either way is a match.</summary>
    PriorReachesMatch = 8,

    /// <summary>The competition comparison's levels are out of order (<see cref="CompetitionModel"/>: an unrivalled pair
    /// should weigh at least as much as the best of rivals, and that at least as much as an outranked pair). Training
    /// never learns such a model; a hand-edited one would reward a pair for being outranked.</summary>
    CompetitionOutOfOrder = 16,
}
