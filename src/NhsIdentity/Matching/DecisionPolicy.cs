namespace NhsIdentity.Matching;

/// <summary>How a match probability becomes a <see cref="MatchDecision"/>.</summary>
/// <remarks>
/// <para><b>Thresholds.</b> <see cref="MatchProbability"/> 0.99 (a match weight of about +6.6: the evidence must
/// outweigh the prior by 99 to 1) is the cut Splink's examples and NHS England's linkage model use for automatic
/// links; <see cref="ReviewProbability"/> 0.5 sends every pair that is more likely than not the same person, but not
/// certain enough, to a person.</para>
/// <para><b>Households are weighed, not ruled.</b> Fellegi-Sunter assumes fields disagree independently, which fails
/// inside a household: twins share a family name, a date of birth and an address; a father and son may share a full
/// name and an address. The model weighs pairs that share a family name and a postcode with u-probabilities measured
/// among household members (<see cref="ComparisonLevelModel.HouseholdU"/> and <see cref="MatchModel.JointHouseholdU"/>,
/// learned by training inside the household context, with pairs that hold NHS numbers as labels), so a shared
/// birthday counts for what it counts among siblings, not among strangers;
/// <see cref="MatchExplanation.InHouseholdContext"/> says when. No hand rule on names or dates remains.</para>
/// <para><b>The one hard rule.</b> With <see cref="DifferentNhsNumbersNeverMatch"/> (the default), a pair whose records
/// hold two different valid NHS numbers (<see cref="Comparisons.NhsNumberLevel.Different"/>, a level marked
/// <see cref="LevelEvidence.Contradicts"/>) is at most <see cref="MatchDecision.Review"/>, whatever else agrees: a
/// verified NHS number identifies one person, and two of them need a person to look (a merge on the Spine, or a
/// mistyped number that still passes the check digit). The explanation shows the NHS-number level that caps it.</para>
/// </remarks>
/// <param name="MatchProbability">The probability at or above which a pair is a match.</param>
/// <param name="ReviewProbability">The probability at or above which a pair is for review.</param>
/// <param name="DifferentNhsNumbersNeverMatch">Whether a pair with two different valid NHS numbers is at most
/// <see cref="MatchDecision.Review"/> (see remarks).</param>
public readonly record struct DecisionPolicy(double MatchProbability, double ReviewProbability, bool DifferentNhsNumbersNeverMatch)
{
    /// <summary>Gets the default policy: match at 0.99, review at 0.5, different valid NHS numbers never match.</summary>
    public static DecisionPolicy Default { get; } = new(0.99, 0.5, true);

    /// <summary>Whether the thresholds are probabilities with <see cref="ReviewProbability"/> at most
    /// <see cref="MatchProbability"/>.</summary>
    public bool IsValid =>
        ReviewProbability >= 0 && MatchProbability <= 1 && ReviewProbability <= MatchProbability && !double.IsNaN(ReviewProbability + MatchProbability);

    /// <summary>This policy deciding matches at <paramref name="threshold"/>: reviews then start at the lower of
    /// <see cref="ReviewProbability"/> and the threshold, so a threshold below the review probability leaves no gap
    /// (what <c>nhsid link --threshold</c> does).</summary>
    /// <param name="threshold">The match probability, greater than 0 and at most 1.</param>
    /// <returns>The policy with the new thresholds; <see cref="DifferentNhsNumbersNeverMatch"/> unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not greater than 0 and at most 1.</exception>
    public DecisionPolicy WithMatchThreshold(double threshold)
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The match threshold is a probability greater than 0 and at most 1.");
        }

        return this with { MatchProbability = threshold, ReviewProbability = Math.Min(ReviewProbability, threshold) };
    }
}
