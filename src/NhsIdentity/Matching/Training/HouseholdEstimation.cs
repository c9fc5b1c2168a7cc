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
    public static HouseholdEstimate Estimate(MatchModel start, double[] m, double[] u, double lambda, RecordSet left, RecordSet right,
        bool deduplicating, TrainingOptions options, CancellationToken cancellationToken)
    {
        var active = start.ActiveComparisons;
        var householdU = (double[])u.Clone();
        var aware = new bool[active.Length];
        for (var c = 0; c < active.Length; c++)
        {
            aware[c] = IsHouseholdAware(start.Comparisons[c]);
        }

        // Inside the context the address is nearly always alike for both kinds of pair, yet its m was measured over
        // all matches (movers included): EM would read a changed address as evidence of one person. It is part of
        // the context, so it keeps its starting household u and EM leaves it out.
        var inside = (bool[])aware.Clone();
        var address = active.IndexOf(ComparisonKind.Address);
        if (address >= 0)
        {
            inside[address] = false;
        }

        if (Array.IndexOf(aware, true) < 0)
        {
            return new HouseholdEstimate(householdU, null, 0, double.NaN);
        }

        var source = PairCounting.Source(left, right, deduplicating, [Household], options.MaxBlockSize);
        var patterns = ComparisonPatterns.Collect(start, source, options.MaxPairsPerTrainingRule, options.Seed, cancellationToken);
        CopyStartingHouseholdU(start, aware, householdU);
        if (patterns.Pairs < MinimumContextPairs)
        {
            return new HouseholdEstimate(householdU, null, patterns.Pairs, double.NaN);
        }

        var joint = new JointFit(start, inside);
        var nonMatchShare = FitContext(start, inside, m, u, patterns, options.ProbabilityFloor, householdU, joint);
        SetPostcodeHouseholdU(start, m, u, lambda, 1 - nonMatchShare, options.ProbabilityFloor, householdU);
        return new HouseholdEstimate(householdU, joint.ToTable(start), patterns.Pairs, 1 - nonMatchShare);
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

    /// <summary>
    /// The date of birth and the given name together among household members. A household explains one shared trait
    /// between two people — twins share a birthday, a son named after his father shares a name — but not both at once:
    /// two members of one household who agree on both have had the second agreement by the coincidence strangers
    /// have. So where both levels agree (<see cref="LevelEvidence.Agrees"/>), the pair of levels has the larger of
    /// "household agreement on one, stranger's coincidence on the other"; every other pair of levels stays
    /// independent, scaled so the table sums to 1.
    /// </summary>
    /// <remarks>EM cannot learn this table freely: with a free table the household class can take over the matches
    /// (they are exactly the pairs that agree on both), and it does. So the structure above is the prior, built from
    /// the learned household and stranger u-probabilities, and only labels move it: the household pairs with two
    /// different valid NHS numbers, counted into each pair of levels (a posterior mean, <see cref="PriorPairs"/>
    /// pseudo-pairs of prior), once there are <see cref="MinimumContextPairs"/> of them.</remarks>
    private sealed class JointFit
    {
        private readonly int _first = -1;
        private readonly int _second = -1;
        private readonly bool[] _bothAgree = new bool[Codes * Codes];
        private readonly double[] _labelled = new double[Codes * Codes];
        private double _labelledPairs;
        private readonly double[] _u = new double[Codes * Codes];
        private readonly double[] _correction = new double[Codes * Codes];

        public JointFit(MatchModel start, bool[] inside)
        {
            var active = start.ActiveComparisons;
            var first = active.IndexOf(ComparisonKind.DateOfBirth);
            var second = active.IndexOf(ComparisonKind.GivenName);
            if (first < 0 || second < 0 || !inside[first] || !inside[second])
            {
                return;
            }

            (_first, _second) = (first, second);
            var firstLevels = start.Comparisons[first].Definition.Levels;
            var secondLevels = start.Comparisons[second].Definition.Levels;
            for (var a = 0; a < firstLevels.Count; a++)
            {
                for (var b = 0; b < secondLevels.Count; b++)
                {
                    _bothAgree[(a * Codes) + b] = (firstLevels[a].Evidence & LevelEvidence.Agrees) != 0
                        && (secondLevels[b].Evidence & LevelEvidence.Agrees) != 0;
                }
            }
        }

        /// <summary>Counts a pattern of pairs known to be two different people (both levels present only).</summary>
        public void CountLabelled(ulong key, long count)
        {
            if (TryCell(key, out var cell))
            {
                _labelled[cell] += count;
                _labelledPairs += count;
            }
        }

        /// <summary>What the joint adds to the two household weights of a pattern (0 until the first update).</summary>
        public double Correction(ulong key) => TryCell(key, out var cell) ? _correction[cell] : 0;

        /// <summary>Rebuilds the table from the current household u and the strangers' u.</summary>
        public void Update(double[] householdU, double[] u, double floor)
        {
            if (_first < 0)
            {
                return;
            }

            double reduced = 0;
            double removed = 0;
            for (var cell = 0; cell < _u.Length; cell++)
            {
                var (a, b) = Math.DivRem(cell, Codes);
                var (hu1, hu2) = (householdU[(_first * Codes) + a], householdU[(_second * Codes) + b]);
                _u[cell] = hu1 * hu2;
                if (_bothAgree[cell])
                {
                    var (u1, u2) = (u[(_first * Codes) + a], u[(_second * Codes) + b]);
                    var oneExplained = Math.Min(_u[cell], Math.Max(hu1 * u2, u1 * hu2));
                    removed += _u[cell] - oneExplained;
                    reduced += oneExplained;
                    _u[cell] = oneExplained;
                }
            }

            // What the agreeing pairs of levels gave up goes to the others in proportion, so the table sums to 1.
            var scale = 1 + (removed / Math.Max(double.Epsilon, 1 - reduced - removed));
            var labelled = _labelledPairs >= MinimumContextPairs;
            for (var cell = 0; cell < _u.Length; cell++)
            {
                if (_u[cell] > 0)
                {
                    var prior = _bothAgree[cell] ? _u[cell] : _u[cell] * scale;
                    _u[cell] = labelled ? (_labelled[cell] + (PriorPairs * prior)) / (_labelledPairs + PriorPairs) : prior;
                }
            }

            for (var cell = 0; cell < _u.Length; cell++)
            {
                if (_u[cell] > 0)
                {
                    var (a, b) = Math.DivRem(cell, Codes);
                    _u[cell] = Math.Clamp(_u[cell], floor, 1.0);
                    _correction[cell] = Math.Log2(householdU[(_first * Codes) + a] * householdU[(_second * Codes) + b] / _u[cell]);
                }
            }
        }

        public JointHouseholdU? ToTable(MatchModel start)
        {
            if (_first < 0)
            {
                return null;
            }

            var firstLevels = start.Comparisons[_first].Levels.Count;
            var secondLevels = start.Comparisons[_second].Levels.Count;
            var u = new double[firstLevels * secondLevels];
            for (var a = 0; a < firstLevels; a++)
            {
                for (var b = 0; b < secondLevels; b++)
                {
                    u[(a * secondLevels) + b] = _u[(a * Codes) + b];
                }
            }

            return new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, firstLevels, secondLevels, u);
        }

        private bool TryCell(ulong key, out int cell)
        {
            cell = 0;
            if (_first < 0)
            {
                return false;
            }

            var a = ComparisonPatterns.Code(key, _first);
            var b = ComparisonPatterns.Code(key, _second);
            cell = (a * Codes) + b;
            return a < ComparisonCatalog.MaxLevels && b < ComparisonCatalog.MaxLevels;
        }
    }
}

/// <summary>What <see cref="HouseholdEstimation.Estimate"/> learned: every level's household u, the date of birth and
/// given name together (null when the model lacks either or the context is too small), how many household-context
/// pairs it learned from, and the share of them that are matches (NaN when it learned nothing).</summary>
internal sealed record HouseholdEstimate(double[] HouseholdU, JointHouseholdU? Joint, long ContextPairs, double MatchShare);
