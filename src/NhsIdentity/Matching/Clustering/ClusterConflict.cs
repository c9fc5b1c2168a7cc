namespace NhsIdentity.Matching.Clustering;

/// <summary>A pair whose clusters <see cref="Clusterer"/> refused to merge: it needs a person to look at it.</summary>
/// <param name="LeftIndex">The pair's <see cref="MatchPair.LeftIndex"/>, as given.</param>
/// <param name="RightIndex">The pair's <see cref="MatchPair.RightIndex"/>, as given (not offset, for a link result).</param>
/// <param name="Weight">The pair's match weight.</param>
/// <param name="Reason">Why the merge was refused.</param>
/// <remarks>Holds positions only, never patient data.</remarks>
public readonly record struct ClusterConflict(int LeftIndex, int RightIndex, double Weight, ClusterConflictReason Reason);
