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

    /// <summary>
    /// Every pair of a <paramref name="leftSource"/> record and a <paramref name="rightSource"/> record in the same
    /// cluster, from one truth file that says which source each record belongs to (<c>source,id,person_id</c>), for
    /// evaluating linkage of those two sources (compare with <c>unordered: false</c>).
    /// </summary>
    /// <param name="assignments">
    /// Each record's source, id and cluster id. Ids are looked up per source, so the same id may stand for different
    /// records in two sources. Records of other sources are ignored.
    /// </param>
    /// <param name="leftSource">The source of the links' left ids (compared ordinally).</param>
    /// <param name="rightSource">The source of the links' right ids (compared ordinally).</param>
    /// <returns>Each cross-source pair once as (left id, right id), ordered by left id then right id (ordinal).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The two sources are the same; a source, id or cluster id is null; or one id of a source is assigned to two
    /// clusters.
    /// </exception>
    public static IReadOnlyList<(string LeftId, string RightId)> AcrossSources(
        IEnumerable<(string Source, string Id, string ClusterId)> assignments,
        string leftSource,
        string rightSource)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(leftSource);
        ArgumentNullException.ThrowIfNull(rightSource);
        if (string.Equals(leftSource, rightSource, StringComparison.Ordinal))
        {
            throw new ArgumentException("The left and right sources must differ.", nameof(rightSource));
        }

        var left = new Dictionary<string, string>(StringComparer.Ordinal);
        var right = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, id, cluster) in assignments)
        {
            RequireAssignment(source, id, cluster, nameof(assignments));
            if (string.Equals(source, leftSource, StringComparison.Ordinal))
            {
                Assign(left, source, id, cluster, nameof(assignments));
            }
            else if (string.Equals(source, rightSource, StringComparison.Ordinal))
            {
                Assign(right, source, id, cluster, nameof(assignments));
            }
        }

        return FromClusters(left, right);
    }

    /// <summary>
    /// Every pair of <paramref name="source"/> records in the same cluster, from one truth file that says which source
    /// each record belongs to, for evaluating deduplication of that source (compare with <c>unordered: true</c>).
    /// </summary>
    /// <param name="assignments">Each record's source, id and cluster id. Records of other sources are ignored.</param>
    /// <param name="source">The source deduplicated (compared ordinally).</param>
    /// <returns>As <see cref="FromClusters(IEnumerable{ValueTuple{string, string}})"/> of that source's records.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A source, id or cluster id is null, or one id of the source is assigned to
    /// two clusters.</exception>
    public static IReadOnlyList<(string LeftId, string RightId)> WithinSource(
        IEnumerable<(string Source, string Id, string ClusterId)> assignments,
        string source)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(source);
        var within = new List<(string Id, string ClusterId)>();
        foreach (var (recordSource, id, cluster) in assignments)
        {
            RequireAssignment(recordSource, id, cluster, nameof(assignments));
            if (string.Equals(recordSource, source, StringComparison.Ordinal))
            {
                within.Add((id, cluster));
            }
        }

        return FromClusters(within);
    }

    /// <summary>The distinct sources of a truth file's assignments, in the order they are first met.</summary>
    /// <param name="assignments">Each record's source, id and cluster id.</param>
    /// <returns>The sources, each once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assignments"/> is null.</exception>
    /// <exception cref="ArgumentException">A source is null.</exception>
    public static IReadOnlyList<string> Sources(IEnumerable<(string Source, string Id, string ClusterId)> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<string>();
        foreach (var (source, _, _) in assignments)
        {
            if (source is null)
            {
                throw new ArgumentException("A source is null.", nameof(assignments));
            }

            if (seen.Add(source))
            {
                sources.Add(source);
            }
        }

        return sources;
    }

    private static void RequireAssignment(string? source, string? id, string? cluster, string paramName)
    {
        if (source is null || id is null || cluster is null)
        {
            throw new ArgumentException("A source, id or cluster id is null.", paramName);
        }
    }

    private static void Assign(Dictionary<string, string> map, string source, string id, string cluster, string paramName)
    {
        if (map.TryGetValue(id, out var existing))
        {
            if (!string.Equals(existing, cluster, StringComparison.Ordinal))
            {
                // Not named: ids are often NHS numbers or hospital numbers, and no message may hold one.
                throw new ArgumentException("A record id of one source is assigned to two clusters (ids are not shown: they may be NHS or hospital numbers).", paramName);
            }

            return;
        }

        map.Add(id, cluster);
    }

    private static Dictionary<string, List<string>> GroupByCluster(
        IEnumerable<(string Id, string ClusterId)> assignments,
        string paramName,
        out List<string> clusterOrder)
    {
        var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        clusterOrder = [];
        long position = 0;
        foreach (var (id, cluster) in assignments)
        {
            position++;
            if (id is null || cluster is null)
            {
                throw new ArgumentException("An id or cluster id is null.", paramName);
            }

            if (clusterOf.TryGetValue(id, out var existing))
            {
                if (!string.Equals(existing, cluster, StringComparison.Ordinal))
                {
                    // Not named: ids are often NHS numbers or hospital numbers, and no message may hold one.
                    throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"A record id is assigned to two clusters (at assignment {position}; ids are not shown: they may be NHS or hospital numbers)."), paramName);
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
