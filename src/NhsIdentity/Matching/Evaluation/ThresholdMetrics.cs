namespace NhsIdentity.Matching.Evaluation;

/// <summary>The metrics obtained when only predictions at or above a match probability threshold count.</summary>
/// <param name="Threshold">The threshold: a prediction counts when its probability is at least this.</param>
/// <param name="Metrics">The pair-level metrics at that threshold.</param>
public readonly record struct ThresholdMetrics(double Threshold, LinkageMetrics Metrics);
