namespace NhsIdentity.Matching.Evaluation;

/// <summary>
/// Builds ground-truth pairs from cluster assignments (each record id labelled with the person it belongs to), the
/// form in which linkage benchmarks such as FEBRL and Splink's fake_1000 publish their truth.
/// </summary>
/// <remarks>
/// A cluster of k records yields k(k-1)/2 pairs, so a very large cluster costs quadratic time and memory; benchmark
/// clusters are small (a person and a few duplicates).
/// </remarks>
public static class TruthPairs
{
    /// <summary>
    /// Every pair of records in the same cluster, for evaluating deduplication (compare with
    /// <c>unordered: true</c>).
    /// </summary>
    /// <param name="assignments">Each record id with its cluster id. An id listed twice with the same cluster counts once.</param>
    /// <returns>
    /// Each within-cluster pair once, the record met first in <paramref name="assignments"/> on the left; clusters
    /// in the order they were first met.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="assignments"/> is null.</exception>
    /// <exception cref="ArgumentException">An id or cluster id is null, or one id is assigned to two clusters.</exception>
    public static IReadOnlyList<(string LeftId, string RightId)> FromClusters(IEnumerable<(string Id, string ClusterId)> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);

        var members = GroupByCluster(assignments, nameof(assignments), out var clusterOrder);
        var pairs = new List<(string LeftId, string RightId)>();
        foreach (var cluster in clusterOrder)
        {
            var ids = members[cluster];
            for (var i = 0; i < ids.Count; i++)
            {
                for (var j = i + 1; j < ids.Count; j++)
                {
                    pairs.Add((ids[i], ids[j]));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Every pair of a left-source record and a right-source record in the same cluster, for evaluating linkage of
    /// two sources (compare with <c>unordered: false</c>). Pairs within one source are not produced.
    /// </summary>
    /// <param name="left">The left source's record ids, each with its cluster id.</param>
    /// <param name="right">The right source's record ids, each with its cluster id.</param>
    /// <returns>Each cross-source pair once as (left id, right id), ordered by left id then right id (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is null.</exception>
    /// <exception cref="ArgumentException">A cluster id is null.</exception>
    public static IReadOnlyList<(string LeftId, string RightId)> FromClusters(
        IReadOnlyDictionary<string, string> left,
        IReadOnlyDictionary<string, string> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        var rightByCluster = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, cluster) in right)
        {
            if (cluster is null)
            {
                throw new ArgumentException("A cluster id is null.", nameof(right));
            }

            if (!rightByCluster.TryGetValue(cluster, out var ids))
            {
                ids = [];
                rightByCluster.Add(cluster, ids);
            }

            ids.Add(id);
        }

        foreach (var ids in rightByCluster.Values)
        {
            ids.Sort(StringComparer.Ordinal);
        }

        var leftIds = new List<string>(left.Keys);
        leftIds.Sort(StringComparer.Ordinal);
        var pairs = new List<(string LeftId, string RightId)>();
        foreach (var leftId in leftIds)
        {
            var cluster = left[leftId] ?? throw new ArgumentException("A cluster id is null.", nameof(left));
            if (rightByCluster.TryGetValue(cluster, out var matches))
            {
                foreach (var rightId in matches)
                {
                    pairs.Add((leftId, rightId));
                }
            }
        }

        return pairs;
    }

    private static Dictionary<string, List<string>> GroupByCluster(
        IEnumerable<(string Id, string ClusterId)> assignments,
        string paramName,
        out List<string> clusterOrder)
    {
        var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        clusterOrder = [];
        foreach (var (id, cluster) in assignments)
        {
            if (id is null || cluster is null)
            {
                throw new ArgumentException("An id or cluster id is null.", paramName);
            }

            if (clusterOf.TryGetValue(id, out var existing))
            {
                if (!string.Equals(existing, cluster, StringComparison.Ordinal))
                {
                    // Ids are row keys, not patient data, so naming one is allowed and helps find the row.
                    throw new ArgumentException($"Record id '{id}' is assigned to two clusters.", paramName);
                }

                continue;
            }

            clusterOf.Add(id, cluster);
            if (!members.TryGetValue(cluster, out var ids))
            {
                ids = [];
                members.Add(cluster, ids);
                clusterOrder.Add(cluster);
            }

            ids.Add(id);
        }

        return members;
    }
}
