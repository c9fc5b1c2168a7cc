using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// Household u-probabilities (<see cref="ComparisonLevelModel.HouseholdU"/>) learned from the pairs the data itself
/// labels as two different people of one household: the same family name and postcode (the household context) and
/// two different valid NHS numbers. Such pairs are free labels in NHS data: a verified NHS number belongs to one
/// person, so among them every level's frequency measures how often household members reach it (twins share a
/// birthday, a parent and child a phone and a practice, siblings rarely a given name). What is learned from the
/// records that have numbers is applied to the pairs that have none.
/// </summary>
/// <remarks>Each estimate is a posterior mean with the starting model's household u as its prior
/// (<see cref="PriorPairs"/> pseudo-pairs), so a few labelled pairs move it a little and many move it to what they
/// show. Comparisons that are not household-aware in the starting model (the ones that define the context, and those
/// whose levels weigh the same among household members) keep household u equal to u. With no NHS numbers, the
/// starting model's household u stays.</remarks>
internal static class HouseholdEstimation
{
    /// <summary>The household context as a blocking rule: the same family name and full postcode.</summary>
    public static readonly BlockingRule Household = BlockingRule.Create("household", BlockingKeyPart.FamilyName, BlockingKeyPart.PostcodeUnit);

    /// <summary>How many labelled pairs the prior counts for.</summary>
    public const double PriorPairs = 20;

    /// <summary>Fewer labelled pairs than this observing a comparison leave its starting household u as it is.</summary>
    public const int MinimumLabelledPairs = 10;

    private const int Codes = ComparisonCatalog.CodesPerComparison;

    /// <summary>The household u of every level, one row of <see cref="ComparisonCatalog.CodesPerComparison"/> per
    /// active comparison of <paramref name="start"/>.</summary>
    public static double[] Estimate(MatchModel start, RecordSet left, RecordSet right, bool deduplicating, int maxBlockSize,
        double floor, CancellationToken cancellationToken)
    {
        var active = start.ActiveComparisons;
        var householdU = new double[active.Length * Codes];
        for (var c = 0; c < active.Length; c++)
        {
            var levels = start.Comparisons[c].Levels;
            for (var level = 0; level < levels.Count; level++)
            {
                householdU[(c * Codes) + level] = levels[level].HouseholdU;
            }
        }

        var nhs = active.IndexOf(ComparisonKind.NhsNumber);
        if (nhs < 0)
        {
            return householdU;
        }

        var tally = CrossCheckLabels.Tally(Household, start, left, right, deduplicating, maxBlockSize, cancellationToken,
            onlyComparison: nhs, onlyLevel: (int)NhsNumberLevel.Different);
        for (var c = 0; c < active.Length; c++)
        {
            var levels = start.Comparisons[c].Levels;
            if (!IsHouseholdAware(start.Comparisons[c]))
            {
                continue;
            }

            var observed = tally.Observed(c, levels.Count);
            if (observed < MinimumLabelledPairs)
            {
                continue; // too few to say anything: the starting household u stays, exactly
            }

            double total = 0;
            for (var level = 0; level < levels.Count; level++)
            {
                var index = (c * Codes) + level;
                householdU[index] = Math.Max(floor, (tally.Count(c, level) + (PriorPairs * levels[level].HouseholdU)) / (observed + PriorPairs));
                total += householdU[index];
            }

            for (var level = 0; level < levels.Count; level++)
            {
                householdU[(c * Codes) + level] = Math.Clamp(householdU[(c * Codes) + level] / total, floor, 1.0);
            }
        }

        return householdU;
    }

    /// <summary>Whether any level of a comparison weighs differently among household members.</summary>
    public static bool IsHouseholdAware(ComparisonModel comparison)
    {
        foreach (var level in comparison.Levels)
        {
            if (level.HouseholdU != level.U)
            {
                return true;
            }
        }

        return false;
    }
}
