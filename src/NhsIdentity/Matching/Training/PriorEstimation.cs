using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>The prior λ the trainer chose, where it came from, and both estimates it was chosen from.</summary>
/// <param name="Value">λ.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="FromRules">λ from the deterministic rules' pairs, or null when they found none.</param>
/// <param name="FromNhsNumbers">λ from NHS-number labels, or null when there were too few.</param>
/// <param name="ExpectedRuleMatches">The expected number of true matches among the rules' pairs.</param>
/// <param name="Recall">The rules' recall λ from the rules was computed with.</param>
internal readonly record struct PriorEstimate(double Value, TrainingPriorSource Source, double? FromRules, double? FromNhsNumbers,
    double ExpectedRuleMatches, double Recall);

/// <summary>
/// Estimates the prior λ, the share of all pairs that are matches, without taking the deterministic rules' pairs to
/// be matches: inside households, and where dates of birth are partial, many of those pairs are two people.
/// </summary>
/// <remarks>
/// <para><b>From the rules.</b> Each rule's pairs (those no earlier rule found) are a mixture of matches and
/// non-matches; the share of matches among them is estimated the way one EM session estimates its λ, with the
/// trained m and u fixed and the comparisons the rule constrains left out (every pair agrees on them). Each pair thus
/// counts by its posterior match probability, and λ = Σ (share × pairs) / recall / all pairs.</para>
/// <para><b>From NHS-number labels.</b> Among pairs in which both records have a valid NHS number, the share f with
/// the same number is the mixture λ·m + (1 − λ)·u of the NHS number's agreement level, so λ = (f − u) / (m − u),
/// with u the starting model's (random pairs that agree on an NHS number are mostly matches, so they cannot measure
/// it). This counts and does not model (only m, near 1 and itself measured from labels, comes from the trained model), so
/// when at least <see cref="TrainingOptions.MinimumCrossCheckLabels"/> pairs share a number it is the one used; it
/// assumes, as the rest of training does, that whether a record has an NHS number does not depend on whether it has a
/// match.</para>
/// </remarks>
internal static class PriorEstimation
{
    /// <summary>Iterations of the one-parameter EM that finds a rule's share of matches (it converges in a handful:
    /// matches and non-matches among a rule's pairs are far apart).</summary>
    private const int MaxShareIterations = 200;

    private const double ShareTolerance = 1e-9;

    private const int Codes = Comparisons.ComparisonCatalog.CodesPerComparison;

    /// <summary>The pairs of each deterministic rule and their comparison patterns, collected once.</summary>
    internal sealed record RulePairs(long[] Pairs, ComparisonPatterns[] Patterns)
    {
        public long Union
        {
            get
            {
                long total = 0;
                foreach (var pairs in Pairs)
                {
                    total += pairs;
                }

                return total;
            }
        }

        /// <summary>Each rule's pairs: counted exactly within the budget, estimated beyond it; patterns from at most
        /// <see cref="TrainingOptions.MaxPairsPerTrainingRule"/> of them, chosen by hash.</summary>
        public static RulePairs Collect(MatchModel start, TrainingPairs candidates, TrainingOptions options, CancellationToken cancellationToken)
        {
            var rules = options.DeterministicRules;
            var pairs = new long[rules.Count];
            var patterns = new ComparisonPatterns[rules.Count];
            for (var r = 0; r < rules.Count; r++)
            {
                var selected = candidates.Select(rules, r, options.MaxPairsPerTrainingRule, cancellationToken);
                pairs[r] = selected.Available;
                patterns[r] = ComparisonPatterns.Collect(start, candidates.Left, candidates.Right, selected, options.MaxDegreeOfParallelism, cancellationToken);
            }

            return new RulePairs(pairs, patterns);
        }
    }

    /// <summary>The NHS-number label counts: pairs sharing a valid number, and pairs in which both have one.</summary>
    internal readonly record struct NhsNumberLabels(long SamePairs, long BothValidPairs)
    {
        /// <summary>The counts, given the pairs of <see cref="CrossCheckLabels.SameNhsNumber"/> (their number exact
        /// within the budget, estimated beyond it).</summary>
        public static NhsNumberLabels Count(RecordSet left, RecordSet right, bool deduplicating, SelectedPairs sameNumber)
        {
            long valid = left.GetCounts(ComparisonKind.NhsNumber).Present;
            var both = deduplicating ? valid * (valid - 1) / 2 : valid * right.GetCounts(ComparisonKind.NhsNumber).Present;
            return new NhsNumberLabels(sameNumber.Available, both);
        }
    }

    public static PriorEstimate Estimate(MatchModel start, TrainingOptions options, ComparisonKind[] active, bool[] absent, int[] levelCounts,
        double[] m, double[] u, double[] startU, LevelTally random, RulePairs? rules, NhsNumberLabels? labels, long totalPairs)
    {
        var floor = options.ProbabilityFloor;
        double expected = 0;
        double? fromRules = null;
        var recall = options.DeterministicRecall ?? EstimateRecall(options.DeterministicRules, active, m, random, levelCounts, floor);
        if (rules is not null && rules.Union > 0 && totalPairs > 0)
        {
            for (var r = 0; r < rules.Pairs.Length; r++)
            {
                if (rules.Patterns[r].Pairs > 0)
                {
                    var included = new bool[active.Length];
                    for (var c = 0; c < active.Length; c++)
                    {
                        included[c] = !absent[c] && !options.DeterministicRules[r].Constrains(active[c]);
                    }

                    expected += MatchShare(rules.Patterns[r], included, levelCounts, m, u) * rules.Pairs[r];
                }
            }

            fromRules = Math.Clamp(expected / recall / totalPairs, floor, 1 - floor);
        }

        double? fromNhs = null;
        var nhs = Array.IndexOf(active, ComparisonKind.NhsNumber);
        if (labels is { } l && nhs >= 0 && l.BothValidPairs > 0 && l.SamePairs >= options.MinimumCrossCheckLabels)
        {
            // u from the starting model: two people sharing a valid NHS number by chance is what the random pairs
            // cannot tell from a match (their agreements are mostly matches), and numbers are issued once per person.
            var (agreeM, agreeU) = (m[nhs * Codes], startU[nhs * Codes]);
            var share = (double)l.SamePairs / l.BothValidPairs;
            if (agreeM > agreeU)
            {
                fromNhs = Math.Clamp((share - agreeU) / (agreeM - agreeU), floor, 1 - floor);
            }
        }

        return fromNhs is { } nhsValue ? new PriorEstimate(nhsValue, TrainingPriorSource.NhsNumberLabels, fromRules, fromNhs, expected, recall)
            : fromRules is { } rulesValue ? new PriorEstimate(rulesValue, TrainingPriorSource.DeterministicRules, fromRules, fromNhs, expected, recall)
            : new PriorEstimate(start.PriorMatchProbability, TrainingPriorSource.StartingModel, fromRules, fromNhs, expected, recall);
    }

    /// <summary>The share of a rule's pairs that are matches: the fixed point of "λ = the mean posterior match
    /// probability of the pairs, given λ" with m and u fixed (EM for λ alone).</summary>
    internal static double MatchShare(ComparisonPatterns patterns, bool[] included, int[] levelCounts, double[] m, double[] u)
    {
        var logBayes = new double[patterns.Keys.Length];
        for (var p = 0; p < logBayes.Length; p++)
        {
            for (var c = 0; c < included.Length; c++)
            {
                var code = ComparisonPatterns.Code(patterns.Keys[p], c);
                if (included[c] && code < levelCounts[c])
                {
                    logBayes[p] += Math.Log(m[(c * Codes) + code] / u[(c * Codes) + code]);
                }
            }
        }

        var share = 0.5;
        for (var iteration = 0; iteration < MaxShareIterations; iteration++)
        {
            var priorLogOdds = Math.Log(share / (1 - share));
            double matches = 0;
            for (var p = 0; p < logBayes.Length; p++)
            {
                matches += patterns.Counts[p] / (1 + Math.Exp(-(priorLogOdds + logBayes[p])));
            }

            var next = Math.Clamp(matches / patterns.Pairs, 1e-12, 1 - 1e-12);
            var done = Math.Abs(next - share) < ShareTolerance;
            share = next;
            if (done)
            {
                break;
            }
        }

        return share;
    }

    /// <summary>The share of true matches the deterministic rules find, from the trained m and the random pairs'
    /// presence rates (see <see cref="TrainingOptions.DeterministicRecall"/>).</summary>
    private static double EstimateRecall(IReadOnlyList<BlockingRule> rules, ComparisonKind[] active, double[] m, LevelTally random,
        int[] levelCounts, double floor)
    {
        var missed = 1.0;
        foreach (var rule in rules)
        {
            var recall = 1.0;
            var constrains = false;
            for (var c = 0; c < active.Length; c++)
            {
                if (rule.Constrains(active[c]))
                {
                    constrains = true;
                    var present = random.Pairs == 0 ? 1.0 : random.Observed(c, levelCounts[c]) / (double)random.Pairs;
                    recall *= m[c * Codes] * present;
                }
            }

            missed *= constrains ? 1 - recall : 1;
        }

        return Math.Clamp(1 - missed, Math.Max(0.05, floor), 1.0);
    }
}
