using System.Globalization;

namespace NhsIdentity.Matching.Training;

/// <summary>A trained model and how it was estimated.</summary>
/// <remarks>Counts, probabilities and rule names only: no patient data.</remarks>
public sealed class TrainingResult
{
    private readonly TrainingRuleReport[] _rules;

    internal TrainingResult(MatchModel model, long randomPairsSampled, bool allPairsCompared, TrainingRuleReport[] rules,
        long crossCheckLabels, bool crossCheckLabelsUsed, long deterministicPairs, long totalPairs, bool priorEstimated, double deterministicRecall)
    {
        Model = model;
        RandomPairsSampled = randomPairsSampled;
        AllPairsCompared = allPairsCompared;
        _rules = rules;
        CrossCheckLabels = crossCheckLabels;
        CrossCheckLabelsUsed = crossCheckLabelsUsed;
        DeterministicPairs = deterministicPairs;
        TotalPairs = totalPairs;
        PriorEstimated = priorEstimated;
        DeterministicRecall = deterministicRecall;
    }

    /// <summary>Gets the trained model.</summary>
    public MatchModel Model { get; }

    /// <summary>Gets the number of record pairs compared to estimate the u-probabilities.</summary>
    public long RandomPairsSampled { get; }

    /// <summary>Gets whether the records held no more than <see cref="TrainingOptions.MaxRandomPairs"/> pairs, so every
    /// pair was compared once instead of sampling.</summary>
    public bool AllPairsCompared { get; }

    /// <summary>Gets one report per training rule, in the order of <see cref="TrainingOptions.TrainingRules"/>.</summary>
    public IReadOnlyList<TrainingRuleReport> Rules => _rules;

    /// <summary>Gets the number of cross-check labelled pairs (same valid NHS number and full date of birth) found;
    /// 0 when <see cref="TrainingOptions.UseCrossCheckLabels"/> is off.</summary>
    public long CrossCheckLabels { get; }

    /// <summary>Gets whether the labelled pairs were enough to measure m-probabilities from
    /// (<see cref="TrainingOptions.MinimumCrossCheckLabels"/>).</summary>
    public bool CrossCheckLabelsUsed { get; }

    /// <summary>Gets the trained model's prior λ (the same as <see cref="MatchModel.PriorMatchProbability"/>).</summary>
    public double PriorMatchProbability => Model.PriorMatchProbability;

    /// <summary>Gets the number of pairs the deterministic rules found (their union).</summary>
    public long DeterministicPairs { get; }

    /// <summary>Gets the number of possible pairs: <c>n(n-1)/2</c> when deduplicating, <c>left × right</c> when
    /// linking.</summary>
    public long TotalPairs { get; }

    /// <summary>Gets whether the prior was estimated, as <c>DeterministicPairs / DeterministicRecall / TotalPairs</c>
    /// (clamped below 1); when the deterministic rules found no pair, the starting model's prior is kept.</summary>
    public bool PriorEstimated { get; }

    /// <summary>Gets the recall of the deterministic rules the prior was computed with (given in the options, or
    /// estimated from the trained model).</summary>
    public double DeterministicRecall { get; }

    /// <summary>Describes the training run (counts and probabilities only).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TrainingResult(λ = {PriorMatchProbability:G4} from {DeterministicPairs} deterministic pairs (recall {DeterministicRecall:F3}) of {TotalPairs}, {RandomPairsSampled} random pairs, {_rules.Length} rules, {CrossCheckLabels} cross-check labels{(CrossCheckLabelsUsed ? " used" : string.Empty)})");
}
