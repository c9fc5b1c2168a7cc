namespace NhsIdentity.Matching.Clustering;

/// <summary>Why <see cref="Clusterer.BestLink(RecordSet, IReadOnlyList{MatchPair}, MatchDecision)"/> refused to merge
/// the two clusters of a pair.</summary>
public enum ClusterConflictReason
{
    /// <summary>The merged cluster would hold two different valid NHS numbers: one person has one NHS number, so
    /// the pair (or an earlier, stronger pair on one side) links two people.</summary>
    DifferentNhsNumbers = 0,
}
