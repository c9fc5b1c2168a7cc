namespace NhsIdentity.Matching;

/// <summary>The score of one pair of records.</summary>
/// <param name="Weight">The match weight: the prior's log2 odds plus every comparison's weight, in bits.</param>
/// <param name="Probability">The match probability, <c>2^Weight / (1 + 2^Weight)</c>.</param>
/// <param name="Decision">The decision under the model's <see cref="DecisionPolicy"/>.</param>
public readonly record struct MatchScore(double Weight, double Probability, MatchDecision Decision);
