using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// Trains a <see cref="MatchModel"/> on the records it will match, without labels (Fellegi-Sunter by
/// expectation-maximisation, as Splink does).
/// </summary>
/// <remarks>
/// <para><b>Steps.</b> (1) u-probabilities: pairs drawn uniformly at random (seeded; every pair when there are no
/// more than <see cref="TrainingOptions.MaxRandomPairs"/>), counted per level, missing values ignored. (2) Prior λ:
/// the pairs the <see cref="TrainingOptions.DeterministicRules"/> find, divided by
/// <see cref="TrainingOptions.DeterministicRecall"/> and by the number of possible pairs. (3) m-probabilities: one EM
/// session with u fixed per <see cref="TrainingOptions.TrainingRules"/> rule, over that rule's pairs, leaving out the
/// comparisons the rule constrains; each comparison's m is the mean over the sessions that estimated it. (4) With
/// <see cref="TrainingOptions.UseCrossCheckLabels"/>, comparisons measurable on enough cross-check labelled pairs
/// take their m from those instead. (5) The two comparisons that define those labels get labels of their own: the
/// date of birth's m from pairs with the same valid NHS number (EM cannot measure it: inside a household a parent and
/// child of the same name agree on everything else), the NHS number's m from pairs with the same full name and date
/// of birth. (6) u is corrected for the matches among the random pairs: a level's random-pair frequency is the mixture
/// λ·m + (1 − λ)·u, solved for u (this matters when an extract holds many duplicates). Anything the data cannot
/// estimate keeps the starting model's value.</para>
/// <para><b>Determinism.</b> Single-threaded; the same records, options and seed give the same model byte for byte
/// (<see cref="MatchModel.ToJson"/>). Every probability is clamped to at least
/// <see cref="TrainingOptions.ProbabilityFloor"/>, so no weight is ever infinite or NaN.</para>
/// <para>Cancellation is checked between chunks of random pairs, between blocks and between EM iterations.</para>
/// </remarks>
public static class ModelTrainer
{
    private const int Codes = NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison;

    /// <summary>Trains a model for deduplicating one record set (pairs within the set).</summary>
    /// <param name="records">The records.</param>
    /// <param name="options">Training options; <see langword="null"/> for <see cref="TrainingOptions.Default"/>.</param>
    /// <param name="progress">Told each stage as it starts and each EM iteration as it ends (on the calling
    /// thread); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <returns>The trained model and how it was estimated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message says which).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public static TrainingResult Train(RecordSet records, TrainingOptions? options = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Run(records, records, deduplicating: true, options ?? TrainingOptions.Default, progress, cancellationToken);
    }

    /// <summary>Trains a model for linking two record sets (pairs across the sets).</summary>
    /// <param name="left">The left records.</param>
    /// <param name="right">The right records.</param>
    /// <param name="options">Training options; <see langword="null"/> for <see cref="TrainingOptions.Default"/>.</param>
    /// <param name="progress">Told each stage as it starts and each EM iteration as it ends (on the calling
    /// thread); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <returns>The trained model and how it was estimated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message says which).</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public static TrainingResult TrainLinkage(RecordSet left, RecordSet right, TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Run(left, right, deduplicating: false, options ?? TrainingOptions.Default, progress, cancellationToken);
    }

    private static TrainingResult Run(RecordSet left, RecordSet right, bool deduplicating, TrainingOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        TrainingOptionsValidation.Validate(options);
        var rules = options.TrainingRules.Count;
        void Report(TrainingStage stage, int rule, int iteration) =>
            progress?.Report(new TrainingProgress(stage, rule, rules, iteration, options.MaxIterations));
        cancellationToken.ThrowIfCancellationRequested();
        var start = options.StartingModel;
        var active = start.ActiveComparisons.ToArray();
        var levelCounts = new int[active.Length];
        var m = new double[active.Length * Codes];
        var u = new double[active.Length * Codes];
        for (var c = 0; c < active.Length; c++)
        {
            var levels = start.Comparisons[c].Levels;
            levelCounts[c] = levels.Count;
            for (var level = 0; level < levels.Count; level++)
            {
                m[(c * Codes) + level] = Math.Max(levels[level].M, options.ProbabilityFloor);
                u[(c * Codes) + level] = Math.Max(levels[level].U, options.ProbabilityFloor);
            }
        }

        // 1. u from random pairs.
        Report(TrainingStage.SamplingRandomPairs, 0, 0);
        var random = RandomPairSampler.Sample(start, left, right, deduplicating, options, levelCounts, cancellationToken, out var allPairs);
        for (var c = 0; c < active.Length; c++)
        {
            if (random.Frequencies(c, levelCounts[c], options.ProbabilityFloor) is { } frequencies)
            {
                frequencies.CopyTo(u.AsSpan(c * Codes));
            }
        }

        // 2. The prior from the deterministic rules.
        var totalPairs = PairCounting.TotalPairs(left, right, deduplicating);
        long deterministicPairs = 0;
        if (options.DeterministicRules.Count > 0 && totalPairs > 0)
        {
            Report(TrainingStage.CountingDeterministicPairs, 0, 0);
            var source = PairCounting.Source(left, right, deduplicating, options.DeterministicRules, options.MaxBlockSize);
            deterministicPairs = PairCounting.CountPairs(source, cancellationToken);
        }

        var priorEstimated = deterministicPairs > 0;

        // 3. m by EM, one session per training rule; each comparison's m is the mean of the sessions that estimated it.
        var reports = new TrainingRuleReport[options.TrainingRules.Count];
        var sum = new double[m.Length];
        var sessions = new int[active.Length];
        for (var r = 0; r < reports.Length; r++)
        {
            var rule = options.TrainingRules[r];
            Report(TrainingStage.CollectingTrainingPairs, r, 0);
            var source = PairCounting.Source(left, right, deduplicating, [rule], options.MaxBlockSize);
            var patterns = ComparisonPatterns.Collect(start, source, options.MaxPairsPerTrainingRule, options.Seed, cancellationToken);
            var included = new bool[active.Length];
            for (var c = 0; c < active.Length; c++)
            {
                included[c] = !rule.Constrains(active[c]);
            }

            if (patterns.Pairs == 0)
            {
                reports[r] = new TrainingRuleReport(rule.Name, 0, 0, source.CappedBlocks.Count, 0, false, 0, []);
                continue;
            }

            var ruleIndex = r;
            var estimate = ExpectationMaximisation.Run(patterns, included, levelCounts, m, u, options, cancellationToken,
                progress is null ? null : iteration => Report(TrainingStage.ExpectationMaximisation, ruleIndex, iteration));
            var estimated = new List<ComparisonKind>();
            for (var c = 0; c < active.Length; c++)
            {
                if (estimate.Estimated[c])
                {
                    estimated.Add(active[c]);
                    sessions[c]++;
                    for (var level = 0; level < levelCounts[c]; level++)
                    {
                        sum[(c * Codes) + level] += estimate.M[(c * Codes) + level];
                    }
                }
            }

            reports[r] = new TrainingRuleReport(rule.Name, patterns.Pairs, patterns.Keys.Length, source.CappedBlocks.Count,
                estimate.Iterations, estimate.Converged, estimate.Lambda, [.. estimated]);
        }

        var trained = (double[])m.Clone();
        for (var c = 0; c < active.Length; c++)
        {
            if (sessions[c] > 0)
            {
                for (var level = 0; level < levelCounts[c]; level++)
                {
                    trained[(c * Codes) + level] = Math.Clamp(sum[(c * Codes) + level] / sessions[c], options.ProbabilityFloor, 1.0);
                }
            }
        }

        // 4. Cross-check labels, where there are enough.
        long labels = 0;
        var labelsUsed = false;
        if (options.UseCrossCheckLabels && totalPairs > 0)
        {
            var tally = CrossCheckLabels.Tally(start, left, right, deduplicating, options.MaxBlockSize, cancellationToken);
            labels = tally.Pairs;
            if (labels >= options.MinimumCrossCheckLabels)
            {
                for (var c = 0; c < active.Length; c++)
                {
                    if (CrossCheckLabels.CanEstimate(active[c])
                        && tally.Observed(c, levelCounts[c]) >= options.MinimumCrossCheckLabels
                        && tally.Frequencies(c, levelCounts[c], options.ProbabilityFloor) is { } frequencies)
                    {
                        frequencies.CopyTo(trained.AsSpan(c * Codes));
                        labelsUsed = true;
                    }
                }
            }
        }

        // 5. Labels for the two comparisons the cross-check trace cannot measure: the date of birth from pairs with
        // the same valid NHS number, the NHS number from pairs with the same full name and date of birth.
        if (options.UseCrossCheckLabels && totalPairs > 0)
        {
            labelsUsed |= ApplyLabels(CrossCheckLabels.SameNhsNumber, ComparisonKind.DateOfBirth, start, left, right, deduplicating,
                options, levelCounts, active, trained, cancellationToken);
            labelsUsed |= ApplyLabels(CrossCheckLabels.SameNameAndBirth, ComparisonKind.NhsNumber, start, left, right, deduplicating,
                options, levelCounts, active, trained, cancellationToken);
        }

        // The prior, now that m is known (it may estimate the rules' recall).
        var recall = options.DeterministicRecall ?? EstimateRecall(options.DeterministicRules, active, trained, random, levelCounts, options.ProbabilityFloor);
        var prior = priorEstimated
            ? Math.Min(deterministicPairs / recall / totalPairs, 1 - options.ProbabilityFloor)
            : start.PriorMatchProbability;

        // 6. Random pairs include some matches (a fraction λ of them), which inflates u for agreeing levels when the
        // data holds many duplicates. Each random-pair level frequency f is the mixture λ·m + (1 − λ)·u, so solve it
        // for u (floored, renormalised).
        for (var c = 0; c < active.Length; c++)
        {
            if (random.Frequencies(c, levelCounts[c], options.ProbabilityFloor) is null)
            {
                continue;
            }

            double total = 0;
            for (var level = 0; level < levelCounts[c]; level++)
            {
                var index = (c * Codes) + level;
                u[index] = Math.Max(options.ProbabilityFloor, (u[index] - (prior * trained[index])) / (1 - prior));
                total += u[index];
            }

            for (var level = 0; level < levelCounts[c]; level++)
            {
                u[(c * Codes) + level] = Math.Clamp(u[(c * Codes) + level] / total, options.ProbabilityFloor, 1.0);
            }
        }

        // 7. Household u from pairs with two different valid NHS numbers in one household context; a comparison that
        // is not household-aware keeps household u equal to its u.
        var householdU = HouseholdEstimation.Estimate(start, left, right, deduplicating, options.MaxBlockSize, options.ProbabilityFloor,
            cancellationToken, out _);
        var comparisons = new ComparisonModel[active.Length];
        for (var c = 0; c < active.Length; c++)
        {
            var aware = HouseholdEstimation.IsHouseholdAware(start.Comparisons[c]);
            var levels = new ComparisonLevelModel[levelCounts[c]];
            for (var level = 0; level < levels.Length; level++)
            {
                var index = (c * Codes) + level;
                levels[level] = new ComparisonLevelModel(trained[index], u[index], aware ? householdU[index] : u[index]);
            }

            // The starting comparison's parameters, levels used and term-frequency settings carry over; only m and u are learned.
            comparisons[c] = start.Comparisons[c].WithLevels(levels);
        }

        var model = new MatchModel(prior, comparisons, options.Policy, start.TermFrequencyFloor);
        return new TrainingResult(model, random.Pairs, allPairs, reports, labels, labelsUsed, deterministicPairs, totalPairs, priorEstimated, recall);
    }

    private static bool ApplyLabels(BlockingRule rule, ComparisonKind target, MatchModel start, RecordSet left, RecordSet right,
        bool deduplicating, TrainingOptions options, int[] levelCounts, ComparisonKind[] active, double[] trained, CancellationToken cancellationToken)
    {
        var c = Array.IndexOf(active, target);
        if (c < 0)
        {
            return false;
        }

        var tally = CrossCheckLabels.Tally(rule, start, left, right, deduplicating, options.MaxBlockSize, cancellationToken);
        if (tally.Pairs < options.MinimumCrossCheckLabels || tally.Observed(c, levelCounts[c]) < options.MinimumCrossCheckLabels
            || tally.Frequencies(c, levelCounts[c], options.ProbabilityFloor) is not { } frequencies)
        {
            return false;
        }

        frequencies.CopyTo(trained.AsSpan(c * Codes));
        return true;
    }

    /// <summary>The share of true matches the deterministic rules find, from the trained m and the random pairs'
    /// presence rates (see <see cref="TrainingOptions.DeterministicRecall"/>).</summary>
    private static double EstimateRecall(IReadOnlyList<BlockingRule> rules, ComparisonKind[] active, double[] m, LevelTally random,
        int[] levelCounts, double floor)
    {
        var missed = 1.0;
        foreach (var rule in rules)
        {
            var recall = 1.0;
            var constrains = false;
            for (var c = 0; c < active.Length; c++)
            {
                if (rule.Constrains(active[c]))
                {
                    constrains = true;
                    var present = random.Pairs == 0 ? 1.0 : random.Observed(c, levelCounts[c]) / (double)random.Pairs;
                    recall *= m[c * Codes] * present;
                }
            }

            missed *= constrains ? 1 - recall : 1;
        }

        return Math.Clamp(1 - missed, Math.Max(0.05, floor), 1.0);
    }
}
