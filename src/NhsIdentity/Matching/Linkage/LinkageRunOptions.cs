using NhsIdentity.Matching.Training;

namespace NhsIdentity.Matching.Linkage;

/// <summary>What a <see cref="LinkageRunner"/> does: which model (given, or trained on the input), how it trains,
/// how it links, and the match threshold to decide with.</summary>
/// <remarks>Immutable; change it with <c>with</c>. The defaults train a model on the input with
/// <see cref="TrainingOptions.Default"/> and link with <see cref="LinkOptions.Default"/>.</remarks>
public sealed record LinkageRunOptions
{
    /// <summary>Gets the defaults: train on the input, link with <see cref="LinkOptions.Default"/>, the model's own
    /// decision policy.</summary>
    public static LinkageRunOptions Default { get; } = new();

    /// <summary>Gets the model to score with; <see langword="null"/> (the default) trains one on the input with
    /// <see cref="Training"/> (<see cref="ModelTrainer.Train"/> or <see cref="ModelTrainer.TrainLinkage"/>).</summary>
    public MatchModel? Model { get; init; }

    /// <summary>Gets how a model is trained when <see cref="Model"/> is <see langword="null"/>.</summary>
    public TrainingOptions Training { get; init; } = TrainingOptions.Default;

    /// <summary>Gets how pairs are blocked, scored and kept (rules, budgets, <see cref="LinkOptions.MinimumDecision"/>,
    /// <see cref="LinkOptions.OneToOne"/>).</summary>
    public LinkOptions Link { get; init; } = LinkOptions.Default;

    /// <summary>Gets the match probability to decide with instead of the model's
    /// (<see cref="DecisionPolicy.WithMatchThreshold"/>); <see langword="null"/> (the default) keeps the model's policy.</summary>
    public double? MatchThreshold { get; init; }
}
