using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// Household u-probabilities (<see cref="ComparisonLevelModel.HouseholdU"/>): how often two different people who
/// share a family name and a home reach each level. Fellegi-Sunter multiplies the evidence of each comparison as if
/// two different people agreed on each independently; in one household they do not, in two ways, and both are
/// learned here from the data.
/// </summary>
/// <remarks>
/// <para><b>Inside the household.</b> The pairs that share a family name and a full postcode (the household context)
/// are a mixture of the same person seen twice and two members of one household, and unlike the whole data set the
/// mixture is well balanced (about one in three pairs is a match), so EM separates it well. It runs with each
/// level's m fixed at the trained value and learns two things: the share of matches in the context and each
/// household-aware level's u among household members (siblings rarely share a given name, twins always share a
/// birthday). Pairs with one valid NHS number on both sides are labels, not guesses: equal numbers a match, different
/// numbers two people. Each u is a posterior mean with the starting model's household u as its prior
/// (<see cref="PriorPairs"/> pseudo-pairs), so a small context moves it a little.</para>
/// <para><b>The context itself.</b> A shared postcode is rare between strangers but common between two people of one
/// family name (they are often one household), so its u among different people of the same family name is measured
/// from the data — the non-matching pairs of the household context over the non-matching pairs that share a family
/// name, both counted from block sizes — and used as the postcode's household u. Otherwise a family name and a
/// postcode count as two rare coincidences and the two add up to twenty bits that a household does not deserve.</para>
/// <para>Comparisons that are not household-aware in the starting model keep household u equal to u. A starting
/// model with no household-aware comparison (a version 1 model) is left exactly as it is.</para>
/// </remarks>
internal static class HouseholdEstimation
{
    /// <summary>The household context as a blocking rule: the same family name and full postcode.</summary>
    public static readonly BlockingRule Household = BlockingRule.Create("household", BlockingKeyPart.FamilyName, BlockingKeyPart.PostcodeUnit);

    /// <summary>How many pairs the prior counts for.</summary>
    public const double PriorPairs = 20;

    /// <summary>Fewer household-context pairs than this leave the starting household u as it is.</summary>
    public const int MinimumContextPairs = 10;

    private const int MaxIterations = 200;
    private const double Tolerance = 1e-7;
    private const int Codes = ComparisonCatalog.CodesPerComparison;

    /// <summary>The household u of every level, one row of <see cref="ComparisonCatalog.CodesPerComparison"/> per
    /// active comparison of <paramref name="start"/>, given the trained <paramref name="m"/>, <paramref name="u"/> and
    /// prior <paramref name="lambda"/> (same layout).</summary>
    public static HouseholdEstimate Estimate(MatchModel start, double[] m, double[] u, double lambda, TrainingPairs candidates,
        TrainingOptions options, CancellationToken cancellationToken)
    {
        var active = start.ActiveComparisons;
        var householdU = (double[])u.Clone();
        var aware = new bool[active.Length];
        for (var c = 0; c < active.Length; c++)
        {
            aware[c] = IsHouseholdAware(start.Comparisons[c]);
        }

        if (Array.IndexOf(aware, true) < 0)
        {
            return new HouseholdEstimate(householdU, null);
        }

        // The context's own keys (family name, postcode) are alike on every pair inside it, and the address nearly
        // so, for both kinds of pair, yet their m were measured over all matches (movers included): EM would read a
        // changed address as evidence of one person. They keep their starting household u and EM leaves them out
        // (the postcode's is set afterwards from the context's match share).
        var inside = (bool[])aware.Clone();
        foreach (var key in (ReadOnlySpan<ComparisonKind>)[ComparisonKind.FamilyName, ComparisonKind.Postcode, ComparisonKind.Address])
        {
            var c = active.IndexOf(key);
            if (c >= 0)
            {
                inside[c] = false;
            }
        }

        var pairs = candidates.Select([Household], 0, options.MaxPairsPerTrainingRule, cancellationToken);
        var patterns = ComparisonPatterns.Collect(start, candidates.Left, candidates.Right, pairs, options.MaxDegreeOfParallelism, cancellationToken);
        CopyStartingHouseholdU(start, aware, householdU);
        if (patterns.Pairs < MinimumContextPairs)
        {
            return new HouseholdEstimate(householdU, start.JointHouseholdU);
        }

        var joint = new JointFit(start, inside);
        var nonMatchShare = FitContext(start, inside, m, u, patterns, options.ProbabilityFloor, householdU, joint);
        SetPostcodeHouseholdU(start, m, u, lambda, 1 - nonMatchShare, options.ProbabilityFloor, householdU);
        return new HouseholdEstimate(householdU, joint.ToTable(start));
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

    /// <summary>EM over the household context's patterns with m fixed: writes the household-aware comparisons'
    /// household u into <paramref name="householdU"/> and returns the share of the context's pairs that are two
    /// different people.</summary>
    private static double FitContext(MatchModel start, bool[] aware, double[] m, double[] u, ComparisonPatterns patterns, double floor,
        double[] householdU, JointFit joint)
    {
        var active = start.ActiveComparisons;
        var nhs = active.IndexOf(ComparisonKind.NhsNumber);

        if (nhs >= 0)
        {
            for (var p = 0; p < patterns.Keys.Length; p++)
            {
                if (ComparisonPatterns.Code(patterns.Keys[p], nhs) == (int)NhsNumberLevel.Different)
                {
                    joint.CountLabelled(patterns.Keys[p], patterns.Counts[p]);
                }
            }
        }

        var expected = new double[householdU.Length];
        var matchShare = 0.5;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(expected);
            double matches = 0;
            double pairs = 0;
            for (var p = 0; p < patterns.Keys.Length; p++)
            {
                var key = patterns.Keys[p];
                var count = (double)patterns.Counts[p];
                var label = nhs < 0 ? -1 : ComparisonPatterns.Code(key, nhs);
                double match;
                if (label == (int)NhsNumberLevel.Equal)
                {
                    match = 1;
                }
                else if (label == (int)NhsNumberLevel.Different)
                {
                    match = 0;
                }
                else
                {
                    // The posterior odds of a match inside the context: the context's own odds times each
                    // household-aware level's m over its household u.
                    var log2Odds = Math.Log2(matchShare / (1 - matchShare)) + joint.Correction(key);
                    for (var c = 0; c < active.Length; c++)
                    {
                        var code = ComparisonPatterns.Code(key, c);
                        if (aware[c] && code < ComparisonCatalog.MaxLevels)
                        {
                            log2Odds += Math.Log2(m[(c * Codes) + code] / householdU[(c * Codes) + code]);
                        }
                    }

                    match = 1 / (1 + Math.Pow(2, -log2Odds));
                }

                matches += match * count;
                pairs += count;
                for (var c = 0; c < active.Length; c++)
                {
                    var code = ComparisonPatterns.Code(key, c);
                    if (aware[c] && code < ComparisonCatalog.MaxLevels)
                    {
                        expected[(c * Codes) + code] += (1 - match) * count;
                    }
                }
            }

            var previous = matchShare;
            matchShare = Math.Clamp(matches / pairs, floor, 1 - floor);
            for (var c = 0; c < active.Length; c++)
            {
                if (aware[c])
                {
                    Update(start.Comparisons[c], c, expected, floor, householdU);
                }
            }

            joint.Update(householdU, u, floor);
            if (Math.Abs(matchShare - previous) < Tolerance)
            {
                break;
            }
        }

        return 1 - matchShare;
    }

    /// <summary>One comparison's household u from its expected non-match counts: a posterior mean with the starting
    /// household u as prior, normalised.</summary>
    private static void Update(ComparisonModel comparison, int c, double[] expected, double floor, double[] householdU)
    {
        var levels = comparison.Levels;
        double observed = 0;
        for (var level = 0; level < levels.Count; level++)
        {
            observed += expected[(c * Codes) + level];
        }

        double total = 0;
        for (var level = 0; level < levels.Count; level++)
        {
            var index = (c * Codes) + level;
            householdU[index] = Math.Max(floor, (expected[index] + (PriorPairs * levels[level].HouseholdU)) / (observed + PriorPairs));
            total += householdU[index];
        }

        for (var level = 0; level < levels.Count; level++)
        {
            householdU[(c * Codes) + level] = Math.Clamp(householdU[(c * Codes) + level] / total, floor, 1.0);
        }
    }

    /// <summary>The postcode's household u, chosen so that a pair in the household context starts where EM found the
    /// context to stand: the prior, plus the family name's exact-agreement weight, plus the full postcode's household
    /// weight equals the log-odds of a match among the context's pairs. The postcode's other levels share what is
    /// left in the proportions of u.</summary>
    /// <remarks>Between strangers a shared family name and a shared postcode are two rare coincidences; between two
    /// people of one family name a shared postcode is not rare (they are often one household), so counting both at
    /// their strangers' weights overstates a household pair by many bits. EM inside the context measures the share
    /// of matches there directly; this makes the scorer agree with it.</remarks>
    private static void SetPostcodeHouseholdU(MatchModel start, double[] m, double[] u, double lambda, double matchShare, double floor,
        double[] householdU)
    {
        var active = start.ActiveComparisons;
        var postcode = active.IndexOf(ComparisonKind.Postcode);
        var family = active.IndexOf(ComparisonKind.FamilyName);
        if (postcode < 0 || family < 0)
        {
            return;
        }

        var familyExact = (family * Codes) + (int)FamilyNameLevel.Exact;
        var full = (postcode * Codes) + (int)PostcodeLevel.Full;
        var contextOdds = Math.Log2(matchShare / (1 - matchShare));
        var before = Math.Log2(lambda / (1 - lambda)) + Math.Log2(m[familyExact] / u[familyExact]);
        var shared = Math.Clamp(m[full] / Math.Pow(2, contextOdds - before), floor, 1 - floor);
        var rest = (1 - shared) / (1 - u[full]);
        for (var level = 0; level < start.Comparisons[postcode].Levels.Count; level++)
        {
            var index = (postcode * Codes) + level;
            householdU[index] = index == full ? shared : Math.Clamp(u[index] * rest, floor, 1.0);
        }
    }

    private static void CopyStartingHouseholdU(MatchModel start, bool[] aware, double[] householdU)
    {
        for (var c = 0; c < aware.Length; c++)
        {
            if (!aware[c])
            {
                continue;
            }

            var levels = start.Comparisons[c].Levels;
            for (var level = 0; level < levels.Count; level++)
            {
                householdU[(c * Codes) + level] = levels[level].HouseholdU;
            }
        }
    }
}

/// <summary>What <see cref="HouseholdEstimation.Estimate"/> learned: every level's household u, and the date of birth
/// and given name together (null when the model lacks either; the starting model's when the context is too small).</summary>
internal sealed record HouseholdEstimate(double[] HouseholdU, JointHouseholdU? Joint);
