namespace NhsIdentity.Matching.Clustering;

// Best-link clustering: the strongest evidence decides first, and a valid NHS number on each side is a hard limit.
public static partial class Clusterer
{
    /// <summary>
    /// Clusters records by best link: pairs at or above <paramref name="minimum"/> are taken by descending weight
    /// (ties in (left, right) order), and each joins its records' clusters unless the joined cluster would hold two
    /// different valid NHS numbers; such a pair is not merged but reported in <see cref="Clusters.Conflicts"/>.
    /// </summary>
    /// <param name="records">The records the pairs index (a deduplication's set).</param>
    /// <param name="pairs">The pairs, indices in <paramref name="records"/>.</param>
    /// <param name="minimum">The lowest decision that joins records. Default <see cref="MatchDecision.Match"/>.</param>
    /// <returns>The clusters and the refused pairs.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A pair's index is out of range.</exception>
    /// <remarks>This stops the chain A (NHS number x) – B (no NHS number) – C (NHS number y) from putting two people
    /// in one cluster: B joins whichever of A and C it matches more strongly, and the other pair is a conflict.</remarks>
    public static Clusters BestLink(RecordSet records, IReadOnlyList<MatchPair> pairs, MatchDecision minimum = MatchDecision.Match)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pairs);
        var nhs = new long[records.Count];
        for (var i = 0; i < nhs.Length; i++)
        {
            nhs[i] = records.NhsNumberValue(i);
        }

        return BestLink(nhs, pairs, 0, minimum);
    }

    /// <summary>Clusters the records of a <see cref="Linker.Link"/> result by best link (see
    /// <see cref="BestLink(RecordSet, IReadOnlyList{MatchPair}, MatchDecision)"/>), over the union of both sets: right
    /// record <c>j</c> is index <c>left.Count + j</c>.</summary>
    /// <param name="left">The left records of the link.</param>
    /// <param name="right">The right records of the link.</param>
    /// <param name="result">The link's result.</param>
    /// <param name="minimum">The lowest decision that joins records. Default <see cref="MatchDecision.Match"/>.</param>
    /// <returns>The clusters over <c>left.Count + right.Count</c> records, and the refused pairs (as given, not offset).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The result is a deduplication's, or its counts do not match the sets.</exception>
    public static Clusters BestLinkAcross(RecordSet left, RecordSet right, LinkResult result, MatchDecision minimum = MatchDecision.Match)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsDeduplication || result.LeftCount != left.Count || result.RightCount != right.Count)
        {
            throw new ArgumentException("The result must be a link of these two record sets (for a deduplication use BestLink(records, result.Pairs)).", nameof(result));
        }

        var nhs = new long[left.Count + right.Count];
        for (var i = 0; i < left.Count; i++)
        {
            nhs[i] = left.NhsNumberValue(i);
        }

        for (var j = 0; j < right.Count; j++)
        {
            nhs[left.Count + j] = right.NhsNumberValue(j);
        }

        return BestLink(nhs, result.Pairs, left.Count, minimum);
    }

    private static Clusters BestLink(long[] nhsOfRecord, IReadOnlyList<MatchPair> pairs, int rightOffset, MatchDecision minimum)
    {
        var recordCount = nhsOfRecord.Length;
        var ordered = new List<MatchPair>(pairs.Count);
        foreach (var pair in pairs)
        {
            _ = Indices(pair, rightOffset, recordCount);
            if (pair.Decision >= minimum)
            {
                ordered.Add(pair);
            }
        }

        ordered.Sort(static (x, y) =>
        {
            var byWeight = y.Weight.CompareTo(x.Weight);
            if (byWeight != 0)
            {
                return byWeight;
            }

            var byLeft = x.LeftIndex.CompareTo(y.LeftIndex);
            return byLeft != 0 ? byLeft : x.RightIndex.CompareTo(y.RightIndex);
        });

        // The NHS number a cluster holds, kept at its root (0 = none yet).
        var nhsOfRoot = (long[])nhsOfRecord.Clone();
        var sets = new DisjointSets(recordCount);
        var conflicts = new List<ClusterConflict>();
        foreach (var pair in ordered)
        {
            var (a, b) = Indices(pair, rightOffset, recordCount);
            var rootA = sets.Find(a);
            var rootB = sets.Find(b);
            if (rootA == rootB)
            {
                continue;
            }

            long nhsA = nhsOfRoot[rootA], nhsB = nhsOfRoot[rootB];
            if (nhsA != 0 && nhsB != 0 && nhsA != nhsB)
            {
                conflicts.Add(new ClusterConflict(pair.LeftIndex, pair.RightIndex, pair.Weight, ClusterConflictReason.DifferentNhsNumbers));
                continue;
            }

            var root = sets.UnionRoots(rootA, rootB);
            nhsOfRoot[root] = nhsA != 0 ? nhsA : nhsB;
        }

        var labels = sets.Label(out var count);
        return new Clusters(labels, count, [.. conflicts]);
    }
}
