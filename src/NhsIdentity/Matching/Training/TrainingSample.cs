using System.Globalization;

namespace NhsIdentity.Matching.Training;

/// <summary>A training stage whose rule had more pairs than it compared: the budget bit, and the stage worked from a
/// sample of the rule's pairs chosen by hash (see <see cref="TrainingOptions.MaxPairsPerRecord"/>).</summary>
/// <param name="RuleName">The rule whose pairs were sampled: a training rule, a deterministic rule, or one of the
/// label and household rules (<c>cross-check</c>, <c>same-nhs-number</c>, <c>same-name-and-birth</c>,
/// <c>household</c>).</param>
/// <param name="Pairs">The pairs the rule has (those no earlier rule of its list finds, capped blocks left out);
/// estimated when <paramref name="PairsEstimated"/>.</param>
/// <param name="PairsCompared">The pairs compared.</param>
/// <param name="PairsEstimated">Whether <paramref name="Pairs"/> was estimated from a sample of the records, because
/// the rule had more pairs than the budget allows even to count.</param>
/// <remarks>Rule names and counts only: no patient data.</remarks>
public sealed record TrainingSample(string RuleName, long Pairs, long PairsCompared, bool PairsEstimated)
{
    /// <summary>Describes the sample (rule name and counts only).</summary>
    /// <returns>For example <c>train-name: 2000000 of 400000000 pairs compared (estimated)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RuleName}: {PairsCompared} of {(PairsEstimated ? "about " : string.Empty)}{Pairs} pairs compared");
}
