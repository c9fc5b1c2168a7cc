using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Cli.Reporting;

/// <summary>
/// How a <c>nhsid link</c> or <c>dedupe</c> run did against the truth: its written match decisions (after the decision
/// policy and any one-to-one assignment, exactly the links file's <c>match</c> rows, so <c>nhsid evaluate</c> of that
/// file gives the same counts) and blocking recall, overall and rule by rule.
/// </summary>
/// <param name="Truth">The true pairs.</param>
/// <param name="Written">The written match decisions against the truth.</param>
/// <param name="Blocking">Which true pairs blocking made candidate pairs, of those whose records are both in the inputs.</param>
/// <param name="NotInInputs">True pairs with a record id that no input record has (a rejected row, or a truth file that
/// covers more records): never candidates, so counted as missed by blocking.</param>
internal sealed record TruthScore(RunTruth Truth, LinkageMetrics Written, BlockingRecallResult Blocking, long NotInInputs)
{
    /// <summary>Gets the number of distinct true pairs.</summary>
    public long TruePairs => Blocking.TruePairs + NotInInputs;

    /// <summary>Gets the share of all true pairs that were candidate pairs (pairs not in the inputs count as missed).</summary>
    public double BlockingRecall => Share(Blocking.Blocked);

    /// <summary>Gets the number of true pairs that were never candidate pairs.</summary>
    public long NeverCandidates => TruePairs - Blocking.Blocked;

    /// <summary>A count as a share of all true pairs (1 when there are none, as <see cref="LinkageMetrics.Recall"/>).</summary>
    public double Share(long count) => TruePairs == 0 ? 1.0 : (double)count / TruePairs;

    /// <summary>Scores a run.</summary>
    /// <param name="truth">The true pairs.</param>
    /// <param name="left">The left records (the records, for a deduplication).</param>
    /// <param name="right">The right records; null for a deduplication.</param>
    /// <param name="options">The options the run's linker used (its blocking rules and block size cap).</param>
    /// <param name="written">The pairs written (match and review); only the match decisions count as links.</param>
    public static TruthScore Measure(RunTruth truth, RecordSet left, RecordSet? right, LinkOptions options, IReadOnlyList<MatchPair> written)
    {
        var other = right ?? left;
        var predicted = new List<(string LeftId, string RightId)>();
        foreach (var pair in written)
        {
            if (pair.Decision == MatchDecision.Match)
            {
                predicted.Add((left.GetId(pair.LeftIndex) ?? string.Empty, other.GetId(pair.RightIndex) ?? string.Empty));
            }
        }

        var metrics = LinkageEvaluation.Evaluate(predicted, truth.Pairs, truth.Unordered);

        // Blocking works on record positions; a true pair whose id no record has can never be a candidate.
        var leftIndex = RecordPositions.ById(left);
        var rightIndex = right is null ? leftIndex : RecordPositions.ById(right);
        var seen = new HashSet<(string, string)>();
        var positions = new List<(int Left, int Right)>(truth.Pairs.Count);
        long notInInputs = 0;
        foreach (var (leftId, rightId) in truth.Pairs)
        {
            var key = truth.Unordered && string.CompareOrdinal(leftId, rightId) > 0 ? (rightId, leftId) : (leftId, rightId);
            if (!seen.Add(key))
            {
                continue;
            }

            if (leftIndex.TryGetValue(leftId, out var a) && rightIndex.TryGetValue(rightId, out var b) && (right is not null || a != b))
            {
                positions.Add((a, b));
            }
            else
            {
                notInInputs++;
            }
        }

        var blocking = right is null
            ? Matching.Evaluation.BlockingRecall.MeasureDeduplication(left, options.BlockingRules, options.MaxBlockSize, positions)
            : Matching.Evaluation.BlockingRecall.Measure(left, right, options.BlockingRules, options.MaxBlockSize, positions);
        return new TruthScore(truth, metrics, blocking, notInInputs);
    }

    /// <summary>The summary lines for standard error: counts, ratios, rule names and the truth file's name only.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Invariant($"truth: {TruePairs} true pairs from {Truth.FileName} ({Truth.Description})");
        yield return Invariant($"  written matches: precision {Written.Precision:F4}, recall {Written.Recall:F4}, F1 {Written.F1:F4} ({Written.TruePositives} true, {Written.FalsePositives} false, {Written.FalseNegatives} missed)");
        yield return Invariant($"  blocking recall: {BlockingRecall:F4} ({Blocking.Blocked} of {TruePairs} true pairs were candidate pairs; {NotInInputs} have a record not in the inputs)");
        foreach (var rule in Blocking.Rules)
        {
            yield return Invariant($"  blocking recall {rule.RuleName}: {Share(rule.Blocked):F4} alone, {Share(rule.CumulativeBlocked):F4} cumulative ({rule.Added} added{(rule.SkippedForSize > 0 ? $", {rule.SkippedForSize} in blocks skipped for size" : string.Empty)})");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
