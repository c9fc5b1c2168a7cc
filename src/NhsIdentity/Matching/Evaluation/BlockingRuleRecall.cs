namespace NhsIdentity.Matching.Evaluation;

/// <summary>What one blocking rule contributes to <see cref="BlockingRecallResult"/>.</summary>
/// <param name="RuleName">The rule's name (<see cref="Blocking.BlockingRule.Name"/>).</param>
/// <param name="TruePairs">The number of distinct true pairs measured (the same for every rule).</param>
/// <param name="Blocked">True pairs this rule blocks, whether or not an earlier rule blocks them too.</param>
/// <param name="Added">True pairs this rule blocks and no earlier rule does: what it adds to recall.</param>
/// <param name="CumulativeBlocked">True pairs blocked by this rule or one before it.</param>
/// <param name="SkippedForSize">True pairs whose records share this rule's key in a block skipped for exceeding the
/// size cap (another rule may still block them).</param>
public readonly record struct BlockingRuleRecall(string RuleName, long TruePairs, long Blocked, long Added, long CumulativeBlocked, long SkippedForSize)
{
    /// <summary>Gets the share of true pairs this rule blocks on its own: <see cref="Blocked"/> / <see cref="TruePairs"/>,
    /// or 1 when there are none.</summary>
    public double Recall => TruePairs == 0 ? 1.0 : (double)Blocked / TruePairs;

    /// <summary>Gets the share of true pairs blocked by this rule or one before it, or 1 when there are none.</summary>
    public double CumulativeRecall => TruePairs == 0 ? 1.0 : (double)CumulativeBlocked / TruePairs;
}
