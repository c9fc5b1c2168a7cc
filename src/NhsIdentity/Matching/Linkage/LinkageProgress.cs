using NhsIdentity.Matching.Training;

namespace NhsIdentity.Matching.Linkage;

/// <summary>Where a <see cref="LinkageRunner"/> run is.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Training">Training's own progress, in <see cref="LinkageStage.Training"/>; otherwise the default.</param>
/// <param name="Scoring">Scoring's own progress, in <see cref="LinkageStage.Scoring"/> (reported from the scoring
/// threads); otherwise the default.</param>
/// <param name="Sink">In <see cref="LinkageStage.Sinks"/>, the position of the sink about to consume the outcome.</param>
public readonly record struct LinkageProgress(LinkageStage Stage, TrainingProgress Training, LinkProgress Scoring, int Sink);
