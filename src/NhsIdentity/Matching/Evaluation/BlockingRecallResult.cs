using System.Globalization;

namespace NhsIdentity.Matching.Evaluation;

/// <summary>
/// How many true pairs blocking makes candidate pairs, overall and rule by rule (<see cref="BlockingRecall"/>).
/// </summary>
/// <remarks>Holds counts and rule names only, never a key or a record's values, so it can be logged. Immutable.</remarks>
public sealed class BlockingRecallResult
{
    internal BlockingRecallResult(long truePairs, long blocked, IReadOnlyList<BlockingRuleRecall> rules)
    {
        TruePairs = truePairs;
        Blocked = blocked;
        Rules = rules;
    }

    /// <summary>Gets the number of distinct true pairs measured.</summary>
    public long TruePairs { get; }

    /// <summary>Gets the number of true pairs that at least one rule blocks (in a block under the size cap).</summary>
    public long Blocked { get; }

    /// <summary>Gets the number of true pairs no rule blocks: they are never scored, so never linked.</summary>
    public long Missed => TruePairs - Blocked;

    /// <summary>Gets the share of true pairs blocked: <see cref="Blocked"/> / <see cref="TruePairs"/>, or 1 when there are
    /// no true pairs (as <see cref="LinkageMetrics.Recall"/>).</summary>
    public double Recall => TruePairs == 0 ? 1.0 : (double)Blocked / TruePairs;

    /// <summary>Gets one entry per rule, in the order the rules are applied.</summary>
    public IReadOnlyList<BlockingRuleRecall> Rules { get; }

    /// <summary>Describes the result with counts only.</summary>
    /// <returns>For example <c>BlockingRecall(TruePairs = 1265, Blocked = 1263, Recall = 0.9984)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"BlockingRecall(TruePairs = {TruePairs}, Blocked = {Blocked}, Recall = {Recall:F4})");
}
