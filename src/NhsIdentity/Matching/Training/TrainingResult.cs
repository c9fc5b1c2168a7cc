using System.Globalization;

namespace NhsIdentity.Matching.Training;

/// <summary>A trained model and how it was estimated.</summary>
/// <remarks>Counts, probabilities and rule names only: no patient data.</remarks>
public sealed class TrainingResult
{
    private readonly TrainingRuleReport[] _rules;
    private readonly TrainingFallback[] _fallbacks;
    private readonly TrainingAdjustment[] _adjustments;
    private readonly TrainingSample[] _samples;

    internal TrainingResult(MatchModel model, long randomPairsSampled, bool allPairsCompared, TrainingRuleReport[] rules,
        long crossCheckLabels, bool crossCheckLabelsUsed, long deterministicPairs, long totalPairs, PriorEstimate prior,
        TrainingFallback[] fallbacks, TrainingAdjustment[] adjustments, TrainingSample[] samples)
    {
        Model = model;
        RandomPairsSampled = randomPairsSampled;
        AllPairsCompared = allPairsCompared;
        _rules = rules;
        CrossCheckLabels = crossCheckLabels;
        CrossCheckLabelsUsed = crossCheckLabelsUsed;
        DeterministicPairs = deterministicPairs;
        TotalPairs = totalPairs;
        PriorSource = prior.Source;
        PriorFromDeterministicRules = prior.FromRules;
        PriorFromNhsNumbers = prior.FromNhsNumbers;
        ExpectedDeterministicMatches = prior.ExpectedRuleMatches;
        DeterministicRecall = prior.Recall;
        _fallbacks = fallbacks;
        _adjustments = adjustments;
        _samples = samples;
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
    /// 0 when <see cref="TrainingOptions.UseCrossCheckLabels"/> is off; estimated when there were more than the budget
    /// allows to count (see <see cref="Samples"/>).</summary>
    public long CrossCheckLabels { get; }

    /// <summary>Gets whether the labelled pairs were enough to measure m-probabilities from
    /// (<see cref="TrainingOptions.MinimumCrossCheckLabels"/>).</summary>
    public bool CrossCheckLabelsUsed { get; }

    /// <summary>Gets the trained model's prior λ (the same as <see cref="MatchModel.PriorMatchProbability"/>).</summary>
    public double PriorMatchProbability => Model.PriorMatchProbability;

    /// <summary>Gets the number of pairs the deterministic rules found (their union); estimated for a rule with more
    /// pairs than the budget allows to count (see <see cref="Samples"/>).</summary>
    public long DeterministicPairs { get; }

    /// <summary>Gets the number of possible pairs: <c>n(n-1)/2</c> when deduplicating, <c>left × right</c> when
    /// linking.</summary>
    public long TotalPairs { get; }

    /// <summary>Gets whether the prior was estimated from the data (<see cref="PriorSource"/> is not
    /// <see cref="TrainingPriorSource.StartingModel"/>).</summary>
    public bool PriorEstimated => PriorSource != TrainingPriorSource.StartingModel;

    /// <summary>Gets where the prior came from: NHS-number labels when at least
    /// <see cref="TrainingOptions.MinimumCrossCheckLabels"/> pairs share a valid NHS number, else the deterministic
    /// rules' pairs, else the starting model.</summary>
    public TrainingPriorSource PriorSource { get; }

    /// <summary>Gets λ as the deterministic rules' pairs estimate it, <c>ExpectedDeterministicMatches /
    /// DeterministicRecall / TotalPairs</c> (clamped to the probability floor), or <see langword="null"/> when they
    /// found no pair; reported whichever <see cref="PriorSource"/> was chosen, so the two can be compared.</summary>
    public double? PriorFromDeterministicRules { get; }

    /// <summary>Gets λ as NHS-number labels estimate it (the share of pairs with two valid NHS numbers that share
    /// one, over the NHS number's m for agreement), or <see langword="null"/> when fewer than
    /// <see cref="TrainingOptions.MinimumCrossCheckLabels"/> pairs share one.</summary>
    public double? PriorFromNhsNumbers { get; }

    /// <summary>Gets the expected number of true matches among the deterministic rules' pairs: each pair counted by
    /// its posterior match probability under the trained model, not as a certain match.</summary>
    public double ExpectedDeterministicMatches { get; }

    /// <summary>Gets the recall of the deterministic rules the prior from the rules was computed with (given in the
    /// options, or estimated from the trained model).</summary>
    public double DeterministicRecall { get; }

    /// <summary>Gets the comparisons and levels the data could not estimate, which kept the starting model's values,
    /// ordered by comparison and level (a whole comparison first); empty when the data estimated everything.</summary>
    public IReadOnlyList<TrainingFallback> Fallbacks => _fallbacks;

    /// <summary>Gets every level whose estimated weight was changed to keep the comparison's declared order or to keep
    /// an agreement from weighing against, ordered by comparison and level.</summary>
    public IReadOnlyList<TrainingAdjustment> Adjustments => _adjustments;

    /// <summary>Gets every stage that compared a sample of its rule's pairs instead of all of them, because the rule
    /// had more than <see cref="TrainingOptions.MaxPairsPerTrainingRule"/> (or the
    /// <see cref="TrainingOptions.MaxPairsPerRecord"/> budget), in the order training ran them; empty when every stage
    /// compared every pair. A sample is chosen by hash and is uniform, so the model is still an estimate from all the
    /// records, but the CLI says so, and says when a rule's number of pairs was itself estimated.</summary>
    public IReadOnlyList<TrainingSample> Samples => _samples;

    /// <summary>Describes the training run (counts and probabilities only).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TrainingResult(λ = {PriorMatchProbability:G4} from {Source()}, {RandomPairsSampled} random pairs, {_rules.Length} rules, {CrossCheckLabels} cross-check labels{(CrossCheckLabelsUsed ? " used" : string.Empty)}, {_fallbacks.Length} fallbacks, {_adjustments.Length} adjustments{(_samples.Length > 0 ? FormattableString.Invariant($", {_samples.Length} sampled rules") : string.Empty)})");

    private string Source() => PriorSource switch
    {
        TrainingPriorSource.NhsNumberLabels => string.Create(CultureInfo.InvariantCulture,
            $"NHS-number labels (rules: {PriorFromDeterministicRules?.ToString("G4", CultureInfo.InvariantCulture) ?? "none"})"),
        TrainingPriorSource.DeterministicRules => string.Create(CultureInfo.InvariantCulture,
            $"{ExpectedDeterministicMatches:F1} expected matches in {DeterministicPairs} deterministic pairs (recall {DeterministicRecall:F3}) of {TotalPairs}"),
        _ => "the starting model",
    };
}
