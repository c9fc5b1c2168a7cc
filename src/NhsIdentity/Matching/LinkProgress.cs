namespace NhsIdentity.Matching;

/// <summary>How far a <see cref="Linker"/> run has got, reported through an <see cref="IProgress{T}"/> after each
/// partition of candidate pairs is scored.</summary>
/// <param name="PairsScored">Candidate pairs scored so far.</param>
/// <param name="CandidatePairs">Candidate pairs in all the blocks (an upper bound: a pair an earlier rule already
/// produced is not scored again, and capped blocks are left out).</param>
public readonly record struct LinkProgress(long PairsScored, long CandidatePairs);
