namespace NhsIdentity.Matching.Evaluation;

/// <summary>
/// Pair-level counts of a linkage or deduplication run against ground truth, with precision, recall and F1 derived
/// from them.
/// </summary>
/// <param name="TruePositives">Predicted pairs that are in the truth.</param>
/// <param name="FalsePositives">Predicted pairs that are not in the truth.</param>
/// <param name="FalseNegatives">Truth pairs that were not predicted.</param>
/// <remarks>
/// <para>
/// The ratios are defined for every count, including zeros, so a report never shows NaN:
/// <see cref="Precision"/> is 1 when nothing was predicted (no prediction was wrong), <see cref="Recall"/> is 1 when
/// the truth holds no pair (nothing was missed), and <see cref="F1"/> is 0 when precision and recall are both 0.
/// So an empty prediction against an empty truth scores 1, 1, 1 (it is exactly right), and an empty prediction against
/// a non-empty truth scores precision 1, recall 0, F1 0.
/// </para>
/// <para>True negatives are not counted: in record linkage they are almost every pair and say nothing.</para>
/// </remarks>
public readonly record struct LinkageMetrics(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>Gets the number of predicted pairs: <see cref="TruePositives"/> + <see cref="FalsePositives"/>.</summary>
    public long Predicted => TruePositives + FalsePositives;

    /// <summary>Gets the number of truth pairs: <see cref="TruePositives"/> + <see cref="FalseNegatives"/>.</summary>
    public long Actual => TruePositives + FalseNegatives;

    /// <summary>Gets the share of predicted pairs that are true: TP / (TP + FP), or 1 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 1.0 : (double)TruePositives / Predicted;

    /// <summary>Gets the share of truth pairs that were predicted: TP / (TP + FN), or 1 when the truth is empty.</summary>
    public double Recall => Actual == 0 ? 1.0 : (double)TruePositives / Actual;

    /// <summary>Gets the harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>, or 0 when both are 0.</summary>
    public double F1
    {
        get
        {
            var precision = Precision;
            var recall = Recall;
            var sum = precision + recall;
            return sum == 0 ? 0.0 : 2 * precision * recall / sum;
        }
    }
}
