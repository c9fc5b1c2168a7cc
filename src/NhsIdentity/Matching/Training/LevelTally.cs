namespace NhsIdentity.Matching.Training;

/// <summary>How often each level of each comparison was seen among some pairs (missing codes counted apart).</summary>
/// <remarks>Comparisons are indexed by their position in the model's active comparisons, as
/// <c>MatchModel.Levels</c> writes them.</remarks>
internal sealed class LevelTally
{
    private readonly long[] _counts;

    public LevelTally(int comparisons)
    {
        Comparisons = comparisons;
        _counts = new long[comparisons * NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison];
    }

    public int Comparisons { get; }

    public long Pairs { get; private set; }

    public void Add(ReadOnlySpan<byte> codes)
    {
        for (var c = 0; c < Comparisons; c++)
        {
            _counts[(c * NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison) + codes[c]]++;
        }

        Pairs++;
    }

    /// <summary>Adds another tally of the same comparisons (a thread's share of the pairs).</summary>
    public void Add(LevelTally other)
    {
        for (var k = 0; k < _counts.Length; k++)
        {
            _counts[k] += other._counts[k];
        }

        Pairs += other.Pairs;
    }

    public long Count(int comparison, int level) => _counts[(comparison * NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison) + level];

    /// <summary>Pairs in which the comparison had a level (neither side missing).</summary>
    public long Observed(int comparison, int levels)
    {
        long total = 0;
        for (var level = 0; level < levels; level++)
        {
            total += Count(comparison, level);
        }

        return total;
    }

    /// <summary>Whether every level of every observed comparison has been seen at least <paramref name="minimum"/>
    /// times (a comparison never observed does not hold sampling up: it never will be).</summary>
    public bool EveryLevelSeen(ReadOnlySpan<int> levelCounts, int minimum)
    {
        for (var c = 0; c < Comparisons; c++)
        {
            if (Observed(c, levelCounts[c]) == 0)
            {
                continue;
            }

            for (var level = 0; level < levelCounts[c]; level++)
            {
                if (Count(c, level) < minimum)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
