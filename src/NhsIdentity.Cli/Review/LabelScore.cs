using System.Globalization;
using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Cli.Review;

/// <summary>
/// Scores a links file against reviewers' decisions, over the labelled pairs only: a pair labelled <c>match</c> and
/// decided <c>match</c> in the links file is a true positive, labelled <c>non-match</c> and decided <c>match</c> a false
/// positive, labelled <c>match</c> but absent or <c>review</c> a false negative, labelled <c>non-match</c> and not
/// matched a true negative. Undecided and <c>unsure</c> rows are left out and counted.
/// </summary>
/// <remarks>The labelled pairs are the ones chosen for review (review pairs, sampled matches, near misses), not a
/// random sample of all pairs, so the figures describe those pairs; the Wilson intervals say how far small counts
/// can be trusted.</remarks>
internal sealed record LabelScore(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives, long Unsure, long Undecided)
{
    /// <summary>Scores the links against the labels.</summary>
    /// <param name="links">The links file's rows.</param>
    /// <param name="labels">The decisions.</param>
    /// <param name="unordered">Whether (a, b) and (b, a) are one pair (deduplication).</param>
    public static LabelScore Measure(IReadOnlyList<LinkFileRow> links, IReadOnlyList<ReviewLabel> labels, bool unordered)
    {
        var matched = new HashSet<(string, string)>();
        foreach (var row in links)
        {
            if (row.IsMatch)
            {
                matched.Add(Key(row.LeftId, row.RightId, unordered));
            }
        }

        long tp = 0, fp = 0, fn = 0, tn = 0, unsure = 0, undecided = 0;
        foreach (var label in labels)
        {
            var predicted = matched.Contains(Key(label.LeftId, label.RightId, unordered));
            switch (label.Decision)
            {
                case ReviewDecision.Match when predicted:
                    tp++;
                    break;
                case ReviewDecision.Match:
                    fn++;
                    break;
                case ReviewDecision.NonMatch when predicted:
                    fp++;
                    break;
                case ReviewDecision.NonMatch:
                    tn++;
                    break;
                case ReviewDecision.Unsure:
                    unsure++;
                    break;
                default:
                    undecided++;
                    break;
            }
        }

        return new LabelScore(tp, fp, fn, tn, unsure, undecided);
    }

    /// <summary>TP / (TP + FP); 1 when nothing labelled was matched.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was labelled a match.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The lines printed on standard output, <c>name: value</c> as for a truth file.</summary>
    public IEnumerable<string> Lines()
    {
        var (pLow, pHigh) = WilsonInterval.Of(TruePositives, TruePositives + FalsePositives);
        var (rLow, rHigh) = WilsonInterval.Of(TruePositives, TruePositives + FalseNegatives);
        yield return Invariant($"precision: {Precision:F6} (95% CI {pLow:F6} to {pHigh:F6})");
        yield return Invariant($"recall: {Recall:F6} (95% CI {rLow:F6} to {rHigh:F6})");
        yield return Invariant($"f1: {F1:F6}");
        yield return Invariant($"true_positives: {TruePositives}");
        yield return Invariant($"false_positives: {FalsePositives}");
        yield return Invariant($"false_negatives: {FalseNegatives}");
        yield return Invariant($"true_negatives: {TrueNegatives}");
        yield return Invariant($"labelled_match: {TruePositives + FalseNegatives}");
        yield return Invariant($"labelled_non_match: {FalsePositives + TrueNegatives}");
        yield return Invariant($"excluded_unsure: {Unsure}");
        yield return Invariant($"excluded_undecided: {Undecided}");
    }

    private static (string, string) Key(string left, string right, bool unordered) =>
        unordered && string.CompareOrdinal(left, right) > 0 ? (right, left) : (left, right);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
