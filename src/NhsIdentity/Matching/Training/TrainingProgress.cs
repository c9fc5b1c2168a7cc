namespace NhsIdentity.Matching.Training;

/// <summary>Where training has got to, reported through an <see cref="IProgress{T}"/>.</summary>
/// <param name="Stage">The stage now running.</param>
/// <param name="Rule">For the per-rule stages, the training rule's position (0-based) in
/// <see cref="TrainingOptions.TrainingRules"/>; otherwise 0.</param>
/// <param name="Rules">The number of training rules.</param>
/// <param name="Iteration">For <see cref="TrainingStage.ExpectationMaximisation"/>, the iteration just finished
/// (1-based); otherwise 0.</param>
/// <param name="MaxIterations">The iteration limit (<see cref="TrainingOptions.MaxIterations"/>).</param>
public readonly record struct TrainingProgress(TrainingStage Stage, int Rule, int Rules, int Iteration, int MaxIterations);
