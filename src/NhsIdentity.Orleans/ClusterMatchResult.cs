using NhsIdentity.Matching;

namespace NhsIdentity.Orleans;

/// <summary>What a <see cref="ClusterPatientIndex"/> lookup found, and with which snapshot.</summary>
/// <param name="Matches">The matches, best first, as <see cref="PatientIndex.FindMatches(PatientRecord, int)"/> orders
/// them (descending weight, then ordinal id).</param>
/// <param name="SnapshotVersion">The version of the model and term-frequency snapshot every bucket scored with.</param>
/// <param name="BucketsAsked">How many buckets the lookup asked (one per blocking rule the query has a key for).</param>
public sealed record ClusterMatchResult(IReadOnlyList<IndexMatch> Matches, string SnapshotVersion, int BucketsAsked);
