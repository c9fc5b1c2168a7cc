using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// What the constructor checks after computing the weights, and what it warns about.
public sealed partial class MatchModel
{
    /// <summary>Gets what is odd about the model, though valid (<see cref="MatchModelWarnings.None"/> for most models):
    /// no comparisons, no review band, or a prior that alone reaches a threshold. Tools should show these before a
    /// run; the library does not refuse such a model.</summary>
    public MatchModelWarnings Warnings { get; }

    /// <summary>Refuses a model any of whose computed weights is not a finite number. The probabilities are each
    /// checked where they are given (<see cref="ComparisonLevelModel.IsValid"/>, <see cref="Matching.JointHouseholdU"/>)
    /// and the joint corrections as they are computed; this is the last line for what scoring adds up.</summary>
    private void CheckComputedWeights(string priorParameter, string comparisonsParameter)
    {
        if (!double.IsFinite(_priorWeight))
        {
            throw new ArgumentOutOfRangeException(priorParameter, "The prior's match weight, log2(λ / (1 - λ)), is not a finite number.");
        }

        foreach (var comparison in _comparisons)
        {
            for (var level = 0; level < comparison.Levels.Count; level++)
            {
                var slot = ((int)comparison.Comparison * ComparisonCatalog.CodesPerComparison) + level;
                if (!float.IsFinite(_weights[slot]) || !float.IsFinite(_householdWeights[slot]) || !double.IsFinite(_log2U[slot]))
                {
                    throw new ArgumentException(
                        $"Level {comparison.Definition.Levels[level].Name} of the {comparison.Definition.Name} comparison gives a weight that is not a finite number.",
                        comparisonsParameter);
                }
            }
        }
    }

    private MatchModelWarnings FindWarnings()
    {
        var warnings = _comparisons.Length == 0 ? MatchModelWarnings.NoComparisons : MatchModelWarnings.None;
        if (Policy.MatchProbability == Policy.ReviewProbability)
        {
            warnings |= MatchModelWarnings.NoReviewBand;
        }

        // What a pair with no evidence is decided: the prior's probability against the thresholds, as Decide does.
        var prior = ToProbability(_priorWeight);
        if (prior >= Policy.ReviewProbability)
        {
            warnings |= MatchModelWarnings.PriorReachesReview;
        }

        if (prior >= Policy.MatchProbability)
        {
            warnings |= MatchModelWarnings.PriorReachesMatch;
        }

        if (Competition is { } competition
            && (competition.Unrivalled.Weight < competition.BestOfRivals.Weight || competition.BestOfRivals.Weight < competition.Outranked.Weight))
        {
            warnings |= MatchModelWarnings.CompetitionOutOfOrder;
        }

        return warnings;
    }
}
