namespace NhsIdentity.Matching.Splink;

/// <summary>A pair's score under a <see cref="SplinkModel"/>, with every comparison's part of it (Splink's
/// <c>match_weight</c>, <c>match_probability</c>, <c>gamma_*</c>, <c>bf_*</c> and <c>bf_tf_adj_*</c> columns).</summary>
/// <param name="MatchWeight">The match weight: <c>log2</c> of the prior odds times every Bayes factor, the product
/// clamped to 1e-300..1e300 as Splink clamps it.</param>
/// <param name="MatchProbability">The match probability the weight stands for.</param>
/// <param name="Comparisons">Each comparison's level and partial weights, in the model's order.</param>
public sealed record SplinkScore(double MatchWeight, double MatchProbability, IReadOnlyList<SplinkComparisonScore> Comparisons);
