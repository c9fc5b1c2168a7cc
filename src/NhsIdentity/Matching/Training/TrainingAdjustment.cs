using System.Globalization;

namespace NhsIdentity.Matching.Training;

/// <summary>A level whose estimated weight training changed to keep the comparison's declared order (see
/// <see cref="ModelTrainer"/>).</summary>
/// <param name="Comparison">The comparison.</param>
/// <param name="Level">The level (its enum value).</param>
/// <param name="Reason">Which rule the estimate broke.</param>
/// <param name="WeightBefore">The level's weight as estimated, log2(m/u) bits.</param>
/// <param name="WeightAfter">The level's weight in the trained model.</param>
/// <remarks>Names and weights only: no patient data.</remarks>
public sealed record TrainingAdjustment(ComparisonKind Comparison, int Level, TrainingAdjustmentReason Reason, double WeightBefore, double WeightAfter)
{
    /// <summary>Gets the level's name (<c>JaroWinkler88</c>).</summary>
    public string LevelName => ComparisonDefinition.Get(Comparison).Levels[Level].Name;

    /// <summary>Says which level changed, why, and from what weight to what.</summary>
    /// <returns>For example <c>Postcode Sector: -6.20 to 1.35 bits (ordering)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Comparison} {LevelName}: {WeightBefore:F2} to {WeightAfter:F2} bits ({(Reason == TrainingAdjustmentReason.Ordering ? "ordering" : "agreement never weighs against")})");
}
