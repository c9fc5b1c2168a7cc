namespace NhsIdentity.Matching.Training;

/// <summary>
/// Estimates u-probabilities: how often two records picked at random (almost always different people) reach each
/// level. Pairs are drawn uniformly with a seeded <see cref="Random"/>; when the records hold no more pairs than the
/// sampling budget, every pair is compared once instead (exact, and still deterministic).
/// </summary>
/// <remarks>The random draws pick places in the records' canonical order (by <see cref="RecordHashes"/>), not
/// positions in the input, and a pair is compared with the record of smaller hash first: the same records in another
/// order give the same pairs, compared the same way round.</remarks>
internal static class RandomPairSampler
{
    /// <summary>Pairs compared between cancellation and early-stop checks.</summary>
    private const int ChunkSize = 4096;

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

        Span<byte> codes = stackalloc byte[RecordSet.FieldSlots];
        if (allPairs)
        {
            CompareAll(model, left, right, leftOrder, rightOrder, deduplicating, tally, codes, cancellationToken);
            return tally;
        }

        var random = new Random(options.Seed);
        var n = left.Count;
        var m = right.Count;
        while (tally.Pairs < options.MaxRandomPairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = Math.Min(ChunkSize, options.MaxRandomPairs - tally.Pairs);
            for (var k = 0; k < chunk; k++)
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

                model.Levels(left, leftOrder[i], right, rightOrder[j], codes);
                tally.Add(codes);
            }

            if (tally.Pairs >= options.MinimumRandomPairs && tally.EveryLevelSeen(levelCounts, options.MinimumObservationsPerLevel))
            {
                break;
            }
        }

        return tally;
    }

    private static void CompareAll(MatchModel model, RecordSet left, RecordSet right, int[] leftOrder, int[] rightOrder, bool deduplicating,
        LevelTally tally, Span<byte> codes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < left.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = deduplicating ? i + 1 : 0; j < right.Count; j++)
            {
                model.Levels(left, leftOrder[i], right, rightOrder[j], codes);
                tally.Add(codes);
            }
        }
    }
}
