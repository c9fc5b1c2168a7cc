using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>Precision and recall of a model's <see cref="MatchDecision.Match"/> decisions over the candidate pairs of
/// the default blocking rules, against known true pairs (entity ids per record).</summary>
internal sealed class PairEvaluation
{
    public long CandidatePairs { get; private set; }

    public long TruePairs { get; private set; }

    public long TruePairsBlocked { get; private set; }

    public long Matches { get; private set; }

    public long TrueMatches { get; private set; }

    public List<(int Left, int Right)> FalseNegatives { get; } = [];

    public List<(int Left, int Right)> FalsePositives { get; } = [];

    public double Precision => Matches == 0 ? 1 : (double)TrueMatches / Matches;

    public double Recall => TruePairs == 0 ? 1 : (double)TrueMatches / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Linkage: every left record against every right record of the candidate pairs.</summary>
    public static PairEvaluation Linkage(MatchModel model, RecordSet left, int[] leftEntity, RecordSet right, int[] rightEntity)
    {
        var evaluation = new PairEvaluation();
        var rightCount = new Dictionary<int, int>();
        foreach (var e in rightEntity)
        {
            rightCount[e] = rightCount.GetValueOrDefault(e) + 1;
        }

        foreach (var e in leftEntity)
        {
            evaluation.TruePairs += rightCount.GetValueOrDefault(e);
        }

        var source = CandidatePairSource.ForLinkage(left, right, BlockingRule.Defaults, 5_000);
        var visitor = new Visitor(model, left, leftEntity, right, rightEntity, evaluation);
        foreach (var block in source.Blocks)
        {
            source.VisitPairs(block, ref visitor);
        }

        return evaluation;
    }

    /// <summary>Deduplication: pairs within one set.</summary>
    public static PairEvaluation Deduplication(MatchModel model, RecordSet set, int[] entity)
    {
        var evaluation = new PairEvaluation();
        var count = new Dictionary<int, int>();
        foreach (var e in entity)
        {
            count[e] = count.GetValueOrDefault(e) + 1;
        }

        foreach (var c in count.Values)
        {
            evaluation.TruePairs += (long)c * (c - 1) / 2;
        }

        var source = CandidatePairSource.ForDeduplication(set, BlockingRule.Defaults, 5_000);
        var visitor = new Visitor(model, set, entity, set, entity, evaluation);
        foreach (var block in source.Blocks)
        {
            source.VisitPairs(block, ref visitor);
        }

        return evaluation;
    }

    public override string ToString() => FormattableString.Invariant(
        $"candidates {CandidatePairs}, true pairs {TruePairs} ({TruePairsBlocked} blocked), matches {Matches}, true matches {TrueMatches}: precision {Precision:F4}, recall {Recall:F4}, F1 {F1:F4}");

    private readonly struct Visitor(MatchModel model, RecordSet left, int[] leftEntity, RecordSet right, int[] rightEntity, PairEvaluation evaluation)
        : IPairVisitor
    {
        public void Visit(int l, int r)
        {
            evaluation.CandidatePairs++;
            var isTrue = leftEntity[l] == rightEntity[r];
            evaluation.TruePairsBlocked += isTrue ? 1 : 0;
            var match = model.Score(left, l, right, r).Decision == MatchDecision.Match;
            if (match)
            {
                evaluation.Matches++;
                evaluation.TrueMatches += isTrue ? 1 : 0;
                if (!isTrue)
                {
                    evaluation.FalsePositives.Add((l, r));
                }
            }
            else if (isTrue)
            {
                evaluation.FalseNegatives.Add((l, r));
            }
        }
    }
}
