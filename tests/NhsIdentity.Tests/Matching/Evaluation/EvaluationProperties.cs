using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Tests.Matching.Evaluation;

/// <summary>Invariants of pair-level evaluation over random predictions and truths drawn from a few ids.</summary>
public sealed class EvaluationProperties
{
    private static Gen<string> Id => Gen.Elements("a", "b", "c", "d", "e", "f", "g");

    private static Gen<(string, string)> Pair => from l in Id from r in Id select (l, r);

    private static Gen<(string, string)[]> Pairs => Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Pair, n));

    private static Arbitrary<((string, string)[] Predicted, (string, string)[] Truth, bool Unordered)> Cases =>
        Arb.From(from p in Pairs from t in Pairs from u in Gen.Elements(false, true) select (p, t, u));

    [Property(MaxTest = 500)]
    public Property Ratios_stay_in_zero_to_one_and_counts_add_up() =>
        Prop.ForAll(Cases, c =>
        {
            var m = LinkageEvaluation.Evaluate(c.Predicted, c.Truth, c.Unordered);
            var distinctPredicted = Distinct(c.Predicted, c.Unordered).Count;
            var distinctTruth = Distinct(c.Truth, c.Unordered).Count;
            var inRange = m.Precision is >= 0 and <= 1 && m.Recall is >= 0 and <= 1 && m.F1 is >= 0 and <= 1;
            var harmonic = m.F1 >= Math.Min(m.Precision, m.Recall) - 1e-12 && m.F1 <= Math.Max(m.Precision, m.Recall) + 1e-12;
            return inRange && harmonic && m.Predicted == distinctPredicted && m.Actual == distinctTruth;
        });

    [Property(MaxTest = 300)]
    public Property Perfect_prediction_scores_one_one_one() =>
        Prop.ForAll(Cases, c =>
        {
            var m = LinkageEvaluation.Evaluate(c.Truth, c.Truth, c.Unordered);
            return m.Precision == 1 && m.Recall == 1 && m.F1 == 1 && m.FalsePositives == 0 && m.FalseNegatives == 0;
        });

    [Property(MaxTest = 300)]
    public Property Dedupe_ignores_the_order_within_each_pair() =>
        Prop.ForAll(Cases, Arb.From(Gen.ArrayOf(Gen.Elements(false, true), 12)), (c, flips) =>
        {
            var flipped = c.Predicted.Select((p, i) => flips[i] ? (p.Item2, p.Item1) : p).ToArray();
            var flippedTruth = c.Truth.Select((p, i) => flips[11 - i] ? (p.Item2, p.Item1) : p).ToArray();
            return LinkageEvaluation.Evaluate(c.Predicted, c.Truth, unordered: true)
                == LinkageEvaluation.Evaluate(flipped, flippedTruth, unordered: true);
        });

    [Property(MaxTest = 300)]
    public Property Sweep_equals_evaluating_the_pairs_above_each_threshold() =>
        Prop.ForAll(
            Cases,
            Arb.From(Gen.ArrayOf(Gen.Choose(0, 10).Select(i => i / 10.0), 12)),
            Arb.From(Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 10).Select(i => i / 10.0), n))),
            (c, probabilities, thresholds) =>
            {
                var scored = c.Predicted.Select((p, i) => (p.Item1, p.Item2, probabilities[i])).ToArray();
                var sweep = LinkageEvaluation.Sweep(scored, c.Truth, thresholds, c.Unordered);
                for (var i = 0; i < thresholds.Length; i++)
                {
                    // Brute force: a pair counts when any of its listings reaches the threshold.
                    var above = scored.Where(s => s.Item3 >= thresholds[i]).Select(s => (s.Item1, s.Item2));
                    if (sweep[i] != new ThresholdMetrics(thresholds[i], LinkageEvaluation.Evaluate(above, c.Truth, c.Unordered)))
                    {
                        return false;
                    }
                }

                return sweep.Count == thresholds.Length;
            });

    [Property(MaxTest = 300)]
    public Property Truth_from_clusters_has_k_choose_two_pairs_per_cluster() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 4), n))),
            clusterOfRecord =>
            {
                var assignments = clusterOfRecord.Select((cluster, i) => ("r" + i, "c" + cluster)).ToArray();
                var pairs = TruthPairs.FromClusters(assignments);
                var expected = clusterOfRecord.GroupBy(c => c).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
                var cluster = assignments.ToDictionary(a => a.Item1, a => a.Item2);
                return pairs.Count == expected
                    && pairs.All(p => p.LeftId != p.RightId && cluster[p.LeftId] == cluster[p.RightId])
                    && Distinct(pairs.Select(p => (p.LeftId, p.RightId)).ToArray(), unordered: true).Count == expected;
            });

    private static HashSet<(string, string)> Distinct((string, string)[] pairs, bool unordered) =>
        pairs.Select(p => unordered && string.CompareOrdinal(p.Item1, p.Item2) > 0 ? (p.Item2, p.Item1) : p).ToHashSet();
}
