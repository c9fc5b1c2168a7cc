using NhsIdentity.Matching;

namespace NhsIdentity.Orleans;

/// <summary>What a <see cref="ClusterPatientIndex"/> lookup found, and with which snapshot.</summary>
/// <param name="Matches">The matches, best first, as <see cref="PatientIndex.FindMatches(PatientRecord, int)"/> orders
/// them (descending weight, then ordinal id). When <see cref="IsDegraded"/>, only what the answering grains found.</param>
/// <param name="SnapshotVersion">The version of the model and term-frequency snapshot every bucket scored with.</param>
/// <param name="BucketsAsked">How many grains the lookup asked: one key bucket per blocking rule the query has a key
/// for, then one row shard per shard holding a candidate.</param>
/// <param name="BucketsUnanswered">How many of them had not answered when <see cref="ClusterIndexOptions.RecoveryWait"/>
/// ran out (their silo was lost and they were still reactivating elsewhere); 0 for a complete answer.</param>
public sealed record ClusterMatchResult(IReadOnlyList<IndexMatch> Matches, string SnapshotVersion, int BucketsAsked, int BucketsUnanswered)
{
    /// <summary>Gets a value indicating whether some key buckets or row shards did not answer, so <see cref="Matches"/> may lack records
    /// that a complete answer would hold (never silently: a caller that needs the whole answer asks again, or reports
    /// the index as recovering).</summary>
    public bool IsDegraded => BucketsUnanswered > 0;
}
