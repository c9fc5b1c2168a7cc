using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

// Scoring the candidate pairs on all cores. The blocks are cut into partitions of about PartitionPairs pairs (a large
// block is cut by rows), each partition is scored by whichever thread takes it into that thread's own list, and the
// lists are merged and sorted at the end, so the result does not depend on which thread scored what. The pair budget
// is checked before scoring starts (Linker.Budget.cs); the kept-pair budget after each partition, so a run that keeps
// too much stops within a partition per thread of the budget instead of filling memory.
public sealed partial class Linker
{
    /// <summary>About how many candidate pairs one partition holds: enough to amortise scheduling (a few
    /// milliseconds of scoring), small enough to balance threads and to notice cancellation quickly.</summary>
    private const long PartitionPairs = 32_768;

    private LinkResult Run(CandidatePairSource source, IProgress<LinkProgress>? progress, CancellationToken cancellationToken,
        double? pairwiseFloor = null)
    {
        ApplyPairBudget(source, cancellationToken);
        var (items, starts) = Partition(source);
        var candidatePairs = progress is null ? 0 : CandidatePairs(source);
        var keptBudget = Options.KeptPairBudget(Records(source));

        long scored = 0, reachedReview = 0;
        var workers = new List<ScoringWorker>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        var minimum = Options.MinimumDecision;

        // Weighing competition needs every rival and every pair that competition could lift to the minimum decision.
        // Training asks for every pair at or above a pairwise weight (pairwiseFloor), weighed alone.
        var weighCompetition = Model.Competition is not null && !source.IsDeduplicating && pairwiseFloor is null;
        var floor = pairwiseFloor ?? (weighCompetition ? _competitionFloor : _skipBelowWeight);
        var keep = weighCompetition || pairwiseFloor is not null ? MatchDecision.NonMatch : minimum;
        Parallel.For(
            0,
            starts.Length - 1,
            parallel,
            () => new ScoringWorker(this, source, keep, floor, countEveryKept: weighCompetition),
            (partition, loop, worker) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = worker.Compared;
                var reachedBefore = worker.ReachedReview;
                for (var k = starts[partition]; k < starts[partition + 1]; k++)
                {
                    worker.Score(items[k]);
                }

                if (Interlocked.Add(ref reachedReview, worker.ReachedReview - reachedBefore) > keptBudget)
                {
                    loop.Stop();
                }

                if (progress is not null)
                {
                    progress.Report(new LinkProgress(Interlocked.Add(ref scored, worker.Compared - before), candidatePairs));
                }

                return worker;
            },
            worker =>
            {
                lock (workers)
                {
                    workers.Add(worker);
                }
            });

        if (reachedReview > keptBudget)
        {
            throw new KeptPairBudgetExceededException(reachedReview, keptBudget);
        }

        var produced = new long[source.Rules.Count];
        long compared = 0, kept = 0, ruledOut = 0;
        foreach (var worker in workers)
        {
            compared += worker.Compared;
            kept += worker.Pairs.Count;
            ruledOut += worker.RuledOut;
            for (var r = 0; r < produced.Length; r++)
            {
                produced[r] += worker.ProducedByRule[r];
            }
        }

        var pairs = new MatchPair[kept];
        var at = 0;
        foreach (var worker in workers)
        {
            worker.Pairs.CopyTo(pairs, at);
            at += worker.Pairs.Count;
        }

        Array.Sort(pairs, PairOrder.Instance);
        if (weighCompetition)
        {
            pairs = WeighCompetition(Model, pairs, source.Left, source.Right, minimum, Options.BoundedScoring);
        }

        if (Options.OneToOne)
        {
            pairs = AssignOneToOne(pairs, source.Left.Count, source.Right.Count, source.IsDeduplicating);
        }

        var report = BlockingReport.Create(source, produced, Options.MaxBlockSize);
        return new LinkResult(pairs, compared, report, source.Left.Count, source.Right.Count, source.IsDeduplicating)
        {
            PairsRuledOutEarly = ruledOut,
        };
    }

    /// <summary>The pairs in all the blocks, for progress reports.</summary>
    private static long CandidatePairs(CandidatePairSource source)
    {
        long pairs = 0;
        foreach (var block in source.Blocks)
        {
            pairs += block.PairCount(source.IsDeduplicating);
        }

        return pairs;
    }

    /// <summary>Cuts the blocks into partitions of about <see cref="PartitionPairs"/> pairs; partition p is
    /// <c>items[starts[p]..starts[p + 1]]</c>.</summary>
    private static (WorkItem[] Items, int[] Starts) Partition(CandidatePairSource source)
    {
        var items = new List<WorkItem>();
        var starts = new List<int> { 0 };
        long open = 0;
        var blocks = source.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var pairs = block.PairCount(source.IsDeduplicating);
            if (pairs <= PartitionPairs)
            {
                items.Add(new WorkItem(b, 0, block.LeftCount));
                open += pairs;
                if (open >= PartitionPairs)
                {
                    starts.Add(items.Count);
                    open = 0;
                }

                continue;
            }

            // A large block: close the open partition, then cut the block's rows into partitions of their own.
            if (open > 0)
            {
                starts.Add(items.Count);
                open = 0;
            }

            var first = 0;
            long slice = 0;
            for (var row = 0; row < block.LeftCount; row++)
            {
                slice += source.PairCount(block, row, row + 1);
                if (slice >= PartitionPairs || row == block.LeftCount - 1)
                {
                    items.Add(new WorkItem(b, first, row + 1));
                    starts.Add(items.Count);
                    first = row + 1;
                    slice = 0;
                }
            }
        }

        if (starts[^1] != items.Count)
        {
            starts.Add(items.Count);
        }

        return ([.. items], [.. starts]);
    }

    /// <summary>Rows <see cref="FirstRow"/> to <see cref="EndRow"/> (exclusive) of block <see cref="Block"/>.</summary>
    private readonly record struct WorkItem(int Block, int FirstRow, int EndRow);

    /// <summary>One thread's share of a run: its kept pairs and counts.</summary>
    private sealed class ScoringWorker(Linker linker, CandidatePairSource source, MatchDecision minimum, double floor, bool countEveryKept)
    {
        private ScoringVisitor _visitor = new(linker.Model, source.Left, source.Right, minimum, floor, [], countEveryKept,
            linker.Options.BoundedScoring);

        public List<MatchPair> Pairs => _visitor.Pairs;

        public long[] ProducedByRule { get; } = new long[source.Rules.Count];

        public long Compared { get; private set; }

        /// <summary>The pairs kept so far whose decision is review or match (what the kept-pair budget counts).</summary>
        public long ReachedReview => _visitor.ReachedReview;

        /// <summary>The pairs the bound dropped before all their comparisons were made.</summary>
        public long RuledOut => _visitor.RuledOut;

        public void Score(WorkItem item)
        {
            var block = source.Blocks[item.Block];
            var visited = source.VisitPairs(block, item.FirstRow, item.EndRow, ref _visitor);
            ProducedByRule[block.Rule] += visited;
            Compared += visited;
        }
    }

    /// <summary>Orders pairs by (left index, right index).</summary>
    private sealed class PairOrder : IComparer<MatchPair>
    {
        public static readonly PairOrder Instance = new();

        public int Compare(MatchPair x, MatchPair y)
        {
            var byLeft = x.LeftIndex.CompareTo(y.LeftIndex);
            return byLeft != 0 ? byLeft : x.RightIndex.CompareTo(y.RightIndex);
        }
    }
}

/// <summary>
/// Scores each visited pair with the model's hot path and keeps those at or above the minimum decision. A struct, so
/// <see cref="CandidatePairSource.VisitPairs{TVisitor}(CandidateBlock, ref TVisitor)"/> calls it without a delegate;
/// nothing is allocated per pair except the growth of <see cref="Pairs"/>. Counts the kept pairs decided review or
/// match apart from the rest, for the kept-pair budget.
/// </summary>
internal struct ScoringVisitor(MatchModel model, RecordSet leftSet, RecordSet rightSet, MatchDecision minimum, double skipBelowWeight,
    List<MatchPair> pairs, bool countEveryKept = false, bool bounded = true) : IPairVisitor
{
    private long _reachedReview;
    private long _ruledOut;

    public readonly List<MatchPair> Pairs => pairs;

    public readonly long ReachedReview => _reachedReview;

    /// <summary>The pairs the bound dropped before all their comparisons were made (<see cref="LinkOptions.BoundedScoring"/>).</summary>
    public readonly long RuledOut => _ruledOut;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Visit(int left, int right)
    {
        // Most candidate pairs are strangers that the cheap comparisons rule out: they are not given to the costly ones.
        // Without the bound every comparison is made, and the same pairs are dropped here for their weight instead.
        MatchDecision cap;
        var weight = bounded
            ? model.ScoreUncheckedAtLeast(leftSet, left, rightSet, right, skipBelowWeight, out cap)
            : model.ScoreUnchecked(leftSet, left, rightSet, right, out cap);
        if (weight < skipBelowWeight)
        {
            _ruledOut += bounded && double.IsNegativeInfinity(weight) ? 1 : 0;
            return;
        }

        var probability = MatchModel.ToProbability(weight);
        var decision = model.Decide(probability, cap);
        if (decision >= minimum)
        {
            pairs.Add(new MatchPair(left, right, weight, probability, decision));
            _reachedReview += countEveryKept || decision >= MatchDecision.Review ? 1 : 0;
        }
    }
}
