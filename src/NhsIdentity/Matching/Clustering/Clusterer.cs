namespace NhsIdentity.Matching.Clustering;

/// <summary>
/// Groups linked records into clusters, one per person: connected components (every pair at or above a decision
/// joins its records' clusters) or best-link (strongest pairs first, never joining two different NHS numbers).
/// </summary>
/// <remarks>
/// <para>Index convention for link results (<see cref="LinkResult.IsDeduplication"/> false): the records clustered
/// are the union of both sets, left record <c>i</c> is index <c>i</c> and right record <c>j</c> is index
/// <c>LeftCount + j</c>. For deduplication results the indices are the set's own.</para>
/// <para>Stateless and thread-safe; results are deterministic (see <see cref="Clusters"/>).</para>
/// </remarks>
public static partial class Clusterer
{
    /// <summary>Clusters records by connected components: two records are in one cluster when a chain of pairs at or
    /// above <paramref name="minimum"/> joins them.</summary>
    /// <param name="recordCount">The number of records; every pair's indices must be below it.</param>
    /// <param name="pairs">The pairs (indices in one index space, for example a deduplication's).</param>
    /// <param name="minimum">The lowest decision that joins records. Default <see cref="MatchDecision.Match"/>:
    /// review pairs are for a person to decide.</param>
    /// <returns>The clusters (no conflicts).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordCount"/> is negative or a pair's index is
    /// out of range.</exception>
    /// <remarks>Chains are joined whatever their length: A–B and B–C put A and C together even if A–C scores low.
    /// Use <see cref="BestLink(RecordSet, IReadOnlyList{MatchPair}, MatchDecision)"/> when chains may join two people.</remarks>
    public static Clusters ConnectedComponents(int recordCount, IEnumerable<MatchPair> pairs, MatchDecision minimum = MatchDecision.Match)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        ArgumentNullException.ThrowIfNull(pairs);
        return ConnectedComponents(recordCount, pairs, 0, minimum);
    }

    /// <summary>Clusters the records of a <see cref="Linker"/> result by connected components.</summary>
    /// <param name="result">The result; for a link, right indices are offset by <see cref="LinkResult.LeftCount"/>.</param>
    /// <param name="minimum">The lowest decision that joins records (usually <see cref="MatchDecision.Match"/>).</param>
    /// <returns>The clusters over <see cref="LinkResult.LeftCount"/> records (deduplication) or
    /// <see cref="LinkResult.LeftCount"/> + <see cref="LinkResult.RightCount"/> (link).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Clusters ConnectedComponents(LinkResult result, MatchDecision minimum)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsDeduplication
            ? ConnectedComponents(result.LeftCount, result.Pairs, 0, minimum)
            : ConnectedComponents(result.LeftCount + result.RightCount, result.Pairs, result.LeftCount, minimum);
    }

    private static Clusters ConnectedComponents(int recordCount, IEnumerable<MatchPair> pairs, int rightOffset, MatchDecision minimum)
    {
        var sets = new DisjointSets(recordCount);
        foreach (var pair in pairs)
        {
            var (a, b) = Indices(pair, rightOffset, recordCount);
            if (pair.Decision >= minimum)
            {
                sets.UnionRoots(sets.Find(a), sets.Find(b));
            }
        }

        var labels = sets.Label(out var count);
        return new Clusters(labels, count, []);
    }

    /// <summary>A pair's indices in the clustered index space, checked.</summary>
    private static (int A, int B) Indices(MatchPair pair, int rightOffset, int recordCount)
    {
        var a = pair.LeftIndex;
        var b = (long)pair.RightIndex + rightOffset;
        if ((uint)a >= (uint)recordCount || pair.RightIndex < 0 || b >= recordCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pair), "A pair's record index is outside the records being clustered.");
        }

        return (a, (int)b);
    }
}
