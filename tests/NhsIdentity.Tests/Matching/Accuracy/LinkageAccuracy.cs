using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Accuracy;

/// <summary>Trains without labels, links, and counts pairs whose decision is Match against the truth.</summary>
internal static class LinkageAccuracy
{
    public readonly record struct Outcome(long TruePairs, long Candidates, long TruePositives, long FalsePositives, long TrueInReview)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

        public double Recall => TruePairs == 0 ? 1 : TruePositives / (double)TruePairs;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() => System.FormattableString.Invariant(
            $"true pairs {TruePairs}, compared {Candidates}, match decisions {TruePositives + FalsePositives} ({TruePositives} true, {FalsePositives} false), true pairs left in review {TrueInReview}: precision {Precision:F4}, recall {Recall:F4}, F1 {F1:F4}");
    }

    public static (Outcome Outcome, LinkResult Result, MatchModel Model) Link(RecordSet left, RecordSet right, Func<int, int, bool> isTrue, long truePairs)
    {
        var model = ModelTrainer.TrainLinkage(left, right).Model;
        var result = new Linker(model).Link(left, right);
        return (Count(result, isTrue, truePairs), result, model);
    }

    public static (Outcome Outcome, LinkResult Result, MatchModel Model) Deduplicate(RecordSet set, Func<int, int, bool> isTrue, long truePairs)
    {
        var model = ModelTrainer.Train(set).Model;
        var result = new Linker(model).Deduplicate(set);
        return (Count(result, isTrue, truePairs), result, model);
    }

    private static Outcome Count(LinkResult result, Func<int, int, bool> isTrue, long truePairs)
    {
        long tp = 0, fp = 0, review = 0;
        foreach (var pair in result.Pairs)
        {
            var correct = isTrue(pair.LeftIndex, pair.RightIndex);
            if (pair.Decision == MatchDecision.Match)
            {
                tp += correct ? 1 : 0;
                fp += correct ? 0 : 1;
            }
            else if (correct)
            {
                review++;
            }
        }

        return new Outcome(truePairs, result.PairsCompared, tp, fp, review);
    }
}
