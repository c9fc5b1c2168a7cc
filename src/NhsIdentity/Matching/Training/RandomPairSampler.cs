namespace NhsIdentity.Matching.Training;

/// <summary>
/// Estimates u-probabilities: how often two records picked at random (almost always different people) reach each
/// level. Pairs are drawn uniformly with a seeded <see cref="Random"/>; when the records hold no more pairs than the
/// sampling budget, every pair is compared once instead (exact, and still deterministic).
/// </summary>
/// <remarks>
/// <para>The random draws pick places in the records' canonical order (by <see cref="RecordHashes"/>), not
/// positions in the input, and a pair is compared with the record of smaller hash first: the same records in another
/// order give the same pairs, compared the same way round.</para>
/// <para>On all cores, with the same tally as one thread: the pairs are drawn in sequence from one seeded
/// <see cref="Random"/>, a batch of chunks at a time; the batch's comparisons are made in parallel into a code
/// buffer; then the chunks are counted in order, and the early stop is checked after each chunk exactly as a single
/// thread would. A batch may compare a few chunks more than the stop needs; they are not counted.</para>
/// </remarks>
internal static class RandomPairSampler
{
    /// <summary>Pairs compared between cancellation and early-stop checks.</summary>
    private const int ChunkSize = 4096;

    /// <summary>Chunks drawn and compared together: enough work to share among threads (tens of milliseconds), little
    /// to waste when sampling stops early.</summary>
    private const int ChunksPerBatch = 16;

    public static LevelTally Sample(MatchModel model, TrainingPairs candidates, TrainingOptions options, ReadOnlySpan<int> levelCounts,
        CancellationToken cancellationToken, out bool allPairs)
    {
        var (left, right, deduplicating) = (candidates.Left, candidates.Right, candidates.Deduplicating);
        var leftOrder = RecordHashes.CanonicalOrder(candidates.LeftHashes);
        var rightOrder = deduplicating ? leftOrder : RecordHashes.CanonicalOrder(candidates.RightHashes);
        var tally = new LevelTally(model.ActiveComparisons.Length);
        var total = PairCounting.TotalPairs(left, right, deduplicating);
        allPairs = total <= options.MaxRandomPairs;
        if (total == 0)
        {
            return tally;
        }

        var comparisons = model.ActiveComparisons.Length;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        if (allPairs)
        {
            CompareAll(model, left, right, leftOrder, rightOrder, deduplicating, tally, parallel);
            return tally;
        }

        var random = new Random(options.Seed);
        var n = left.Count;
        var m = right.Count;
        var batch = ChunkSize * ChunksPerBatch;
        var lefts = new int[batch];
        var rights = new int[batch];
        var codes = new byte[batch * comparisons];
        while (tally.Pairs < options.MaxRandomPairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var drawn = (int)Math.Min(batch, options.MaxRandomPairs - tally.Pairs);
            for (var k = 0; k < drawn; k++)
            {
                int i, j;
                if (deduplicating)
                {
                    // An ordered pair of two different positions, uniformly, without rejection.
                    i = random.Next(n);
                    j = random.Next(n - 1);
                    j += j >= i ? 1 : 0;
                    (i, j) = (Math.Min(i, j), Math.Max(i, j));
                }
                else
                {
                    i = random.Next(n);
                    j = random.Next(m);
                }

                lefts[k] = leftOrder[i];
                rights[k] = rightOrder[j];
            }

            var chunks = (drawn + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, parallel, c =>
            {
                var end = Math.Min(drawn, (c + 1) * ChunkSize);
                for (var k = c * ChunkSize; k < end; k++)
                {
                    model.Levels(left, lefts[k], right, rights[k], codes.AsSpan(k * comparisons, comparisons));
                }
            });

            for (var c = 0; c < chunks; c++)
            {
                var end = Math.Min(drawn, (c + 1) * ChunkSize);
                for (var k = c * ChunkSize; k < end; k++)
                {
                    tally.Add(codes.AsSpan(k * comparisons, comparisons));
                }

                if (tally.Pairs >= options.MinimumRandomPairs && tally.EveryLevelSeen(levelCounts, options.MinimumObservationsPerLevel))
                {
                    return tally;
                }
            }
        }

        return tally;
    }

    /// <summary>Every pair once, the left records shared among threads; each thread counts into its own tally and the
    /// tallies are added up (counts, so in any order).</summary>
    private static void CompareAll(MatchModel model, RecordSet left, RecordSet right, int[] leftOrder, int[] rightOrder, bool deduplicating,
        LevelTally tally, ParallelOptions parallel)
    {
        var comparisons = model.ActiveComparisons.Length;
        Parallel.For(
            0,
            left.Count,
            parallel,
            () => (Tally: new LevelTally(comparisons), Codes: new byte[comparisons]),
            (i, _, local) =>
            {
                for (var j = deduplicating ? i + 1 : 0; j < right.Count; j++)
                {
                    model.Levels(left, leftOrder[i], right, rightOrder[j], local.Codes);
                    local.Tally.Add(local.Codes);
                }

                return local;
            },
            local =>
            {
                lock (tally)
                {
                    tally.Add(local.Tally);
                }
            });
    }
}
