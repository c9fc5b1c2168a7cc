using System.Globalization;

namespace NhsIdentity.Matching.Clustering;

/// <summary>
/// Records grouped into clusters, one per person: every record is in exactly one cluster (a record linked to nothing
/// is a cluster of one).
/// </summary>
/// <remarks>
/// <para>Cluster ids are 0 to <see cref="Count"/> - 1, numbered in the order of each cluster's smallest record index
/// (the cluster of record 0 is 0), so the same links always give the same ids. Members of a cluster are in ascending
/// record order.</para>
/// <para>For a link result the records are the union of both sets: left record <c>i</c> is index <c>i</c>, right record
/// <c>j</c> is index <c>left.Count + j</c> (see <see cref="Clusterer.ConnectedComponents(LinkResult, MatchDecision)"/>).</para>
/// <para>Immutable and safe to share between threads.</para>
/// </remarks>
public sealed class Clusters
{
    private readonly int[] _clusterOfRecord;
    private readonly int[] _offsets;
    private readonly int[] _members;

    internal Clusters(int[] clusterOfRecord, int count, ClusterConflict[] conflicts)
    {
        _clusterOfRecord = clusterOfRecord;
        Count = count;
        Conflicts = conflicts;

        // Members grouped by cluster (counting sort over the ids); ascending within each cluster.
        _offsets = new int[count + 1];
        foreach (var id in clusterOfRecord)
        {
            _offsets[id + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            _offsets[c + 1] += _offsets[c];
        }

        _members = new int[clusterOfRecord.Length];
        var next = _offsets[..^1];
        for (var i = 0; i < clusterOfRecord.Length; i++)
        {
            _members[next[clusterOfRecord[i]]++] = i;
        }
    }

    /// <summary>Gets the number of records clustered.</summary>
    public int RecordCount => _clusterOfRecord.Length;

    /// <summary>Gets the number of clusters, clusters of one record included.</summary>
    public int Count { get; }

    /// <summary>Gets the cluster id of every record, by record index.</summary>
    public IReadOnlyList<int> ClusterIds => _clusterOfRecord;

    /// <summary>Gets the pairs whose clusters were not merged, in the order they were met (empty for connected
    /// components, which merge every pair).</summary>
    public IReadOnlyList<ClusterConflict> Conflicts { get; }

    /// <summary>Gets the cluster of a record.</summary>
    /// <param name="recordIndex">The record's index, 0 to <see cref="RecordCount"/> - 1.</param>
    /// <returns>The cluster id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordIndex"/> is out of range.</exception>
    public int GetClusterId(int recordIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)recordIndex, (uint)_clusterOfRecord.Length, nameof(recordIndex));
        return _clusterOfRecord[recordIndex];
    }

    /// <summary>Gets the record indices of one cluster, ascending.</summary>
    /// <param name="clusterId">The cluster id, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The members (at least one).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusterId"/> is out of range.</exception>
    public ReadOnlySpan<int> GetMembers(int clusterId)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)clusterId, (uint)Count, nameof(clusterId));
        return _members.AsSpan(_offsets[clusterId], _offsets[clusterId + 1] - _offsets[clusterId]);
    }

    /// <summary>Enumerates the clusters' members, cluster 0 first.</summary>
    /// <returns>One list of record indices (ascending) per cluster.</returns>
    public IEnumerable<IReadOnlyList<int>> EnumerateMembers()
    {
        for (var c = 0; c < Count; c++)
        {
            yield return new ArraySegment<int>(_members, _offsets[c], _offsets[c + 1] - _offsets[c]);
        }
    }

    /// <summary>Describes the clustering with counts only.</summary>
    /// <returns>For example <c>Clusters(RecordCount = 10, Count = 7, Conflicts = 0)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Clusters(RecordCount = {RecordCount}, Count = {Count}, Conflicts = {Conflicts.Count})");
}
