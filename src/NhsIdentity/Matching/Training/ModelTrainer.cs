using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// Trains a <see cref="MatchModel"/> on the records it will match, without labels (Fellegi-Sunter by
/// expectation-maximisation, as Splink does).
/// </summary>
/// <remarks>
/// <para><b>Steps.</b> (1) u-probabilities: pairs drawn uniformly at random (seeded, over the records in hash order; every pair when there are no
/// more than <see cref="TrainingOptions.MaxRandomPairs"/>), counted per level, missing values ignored. (2)
/// m-probabilities: one EM session with u fixed per <see cref="TrainingOptions.TrainingRules"/> rule, over that
/// rule's pairs, leaving out the comparisons the rule constrains; each comparison's expected matched counts are
/// the mean over the sessions that estimated it. (3) With <see cref="TrainingOptions.UseCrossCheckLabels"/>,
/// comparisons measurable on enough cross-check labelled pairs take their counts from those instead. (4) The two
/// comparisons that define those labels get labels of their own: the date of birth's from pairs with the same valid
/// NHS number (EM cannot measure it: inside a household a parent and child of the same name agree on everything
/// else), the NHS number's from pairs with the same full name and date of birth; since EM cannot measure these two,
/// their labels are used whenever at least <see cref="TrainingOptions.MinimumObservationsPerLevel"/> of them observe
/// the comparison, however few (the posterior weighs few labels against the starting value). (5) Prior λ (see
/// <see cref="TrainingResult.PriorSource"/>): from NHS-number labels when at least
/// <see cref="TrainingOptions.MinimumCrossCheckLabels"/> pairs share a valid number (the share of pairs with two
/// valid numbers that share one, over the NHS number's m for agreement); otherwise from the pairs the
/// <see cref="TrainingOptions.DeterministicRules"/> find, each counted by its posterior match probability (not all
/// taken to be matches: in households and with partial dates many are two people), divided by
/// <see cref="TrainingOptions.DeterministicRecall"/> and the number of possible pairs. (6) u is corrected for the
/// matches among the random pairs: a level's random-pair count is the mixture λ·m + (1 − λ)·u, solved for u (this
/// matters when an extract holds many duplicates); λ and u are solved in two rounds.</para>
/// <para><b>Posterior estimates.</b> Every m and u is the posterior mean under a prior centred on
/// <see cref="TrainingOptions.StartingModel"/> worth <see cref="TrainingOptions.PriorStrength"/> pairs, so little
/// data moves it little. A comparison or level the data cannot estimate (fewer than
/// <see cref="TrainingOptions.MinimumObservationsPerLevel"/> observations, see <see cref="TrainingResult.Fallbacks"/>)
/// keeps the starting value; a comparison no input has a value for is not estimated at all.</para>
/// <para><b>Order.</b> Finally each comparison's weights are put in the order its definition declares (the first
/// level at least as heavy as any other, bands of one measure in order, and a level that says the values agree never
/// below 0) by pooling adjacent violators; every change shows in <see cref="TrainingResult.Adjustments"/>.</para>
/// <para><b>Budget.</b> No stage compares every pair of a rule: each compares at most
/// <see cref="TrainingOptions.MaxPairsPerTrainingRule"/> pairs, chosen by hash, and enumerates (hashes) at most about
/// <see cref="TrainingOptions.MaxPairsPerRecord"/> pairs per record; beyond that the rule's number of pairs is
/// estimated from a hashed sample of records. Every stage that sampled is listed in
/// <see cref="TrainingResult.Samples"/>. Training time thus grows with the records and the budget, not with the pairs
/// the blocks make (issue 14: 200,000 records of one family name and birth date).</para>
/// <para><b>Determinism.</b> Single-threaded; the same records, options and seed give the same model byte for byte
/// (<see cref="MatchModel.ToJson"/>), in any order: every sample is chosen by a hash of the records' ids and values
/// and the seed (as Splink samples), never by their positions, and everything summed is summed in an order the
/// input order cannot change (patterns sorted by key, counts in integers). Every probability is clamped to at least
/// <see cref="TrainingOptions.ProbabilityFloor"/>, so no weight is ever infinite or NaN.</para>
/// <para>Cancellation is checked between chunks of random pairs, between blocks and between EM iterations.</para>
/// </remarks>
public static class ModelTrainer
{
    private const int Codes = NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison;

    /// <summary>Rounds of "λ from the model, then u corrected with λ": the second starts from a λ already close.</summary>
    private const int PriorRounds = 2;

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
        var space = new ParameterSpace(start, left, right, options.ProbabilityFloor);
        var active = space.Active;
        var levelCounts = space.LevelCounts;
        var fallbacks = new List<TrainingFallback>();
        for (var c = 0; c < active.Length; c++)
        {
            if (space.Absent[c])
            {
                fallbacks.Add(new TrainingFallback(active[c], null, TrainingFallbackReason.AbsentFromInputs));
            }
        }

        // Every stage below samples by record hashes, never by position, and within the budget.
        var candidates = new TrainingPairs(left, right, deduplicating, options);

        // 1. u from random pairs (not yet corrected for the matches among them).
        Report(TrainingStage.SamplingRandomPairs, 0, 0);
        var random = RandomPairSampler.Sample(start, candidates, options, levelCounts, cancellationToken, out var allPairs);
        var u = space.EstimateU(random, options, lambda: 0, m: null, fallbacks: null);

        // The deterministic rules' pairs, for the prior.
        var totalPairs = PairCounting.TotalPairs(left, right, deduplicating);
        PriorEstimation.RulePairs? rulePairs = null;
        if (options.DeterministicRules.Count > 0 && totalPairs > 0)
        {
            Report(TrainingStage.CountingDeterministicPairs, 0, 0);
            rulePairs = PriorEstimation.RulePairs.Collect(start, candidates, options, cancellationToken);
        }

        // 2. Expected matched counts by EM, one session per training rule; each comparison's counts are the mean of
        // the sessions that estimated it.
        var reports = new TrainingRuleReport[options.TrainingRules.Count];
        var counts = new double[space.M0.Length];
        var sessions = new int[active.Length];
        for (var r = 0; r < reports.Length; r++)
        {
            var rule = options.TrainingRules[r];
            Report(TrainingStage.CollectingTrainingPairs, r, 0);
            // Each rule alone: its session sees every pair it blocks, whether or not an earlier rule blocks it too.
            var pairs = candidates.Select([rule], 0, options.MaxPairsPerTrainingRule, cancellationToken);
            var patterns = ComparisonPatterns.Collect(start, left, right, pairs, options.MaxDegreeOfParallelism, cancellationToken);
            var included = new bool[active.Length];
            for (var c = 0; c < active.Length; c++)
            {
                included[c] = !space.Absent[c] && !rule.Constrains(active[c]);
            }

            if (patterns.Pairs == 0)
            {
                reports[r] = new TrainingRuleReport(rule.Name, 0, 0, pairs.CappedBlocks, 0, false, 0, []);
                continue;
            }

            var ruleIndex = r;
            var estimate = ExpectationMaximisation.Run(patterns, included, levelCounts, space.M0, u, options, cancellationToken,
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
                        counts[(c * Codes) + level] += estimate.Counts[(c * Codes) + level];
                    }
                }
            }

            reports[r] = new TrainingRuleReport(rule.Name, patterns.Pairs, patterns.Keys.Length, pairs.CappedBlocks,
                estimate.Iterations, estimate.Converged, estimate.Lambda, [.. estimated]);
        }

        for (var c = 0; c < active.Length; c++)
        {
            for (var level = 0; level < levelCounts[c] && sessions[c] > 1; level++)
            {
                counts[(c * Codes) + level] /= sessions[c];
            }
        }

        // 3. Cross-check labels, where there are enough.
        long labels = 0;
        var labelsUsed = false;
        PriorEstimation.NhsNumberLabels? nhsLabels = null;
        if (options.UseCrossCheckLabels && totalPairs > 0)
        {
            var tally = CrossCheckLabels.Tally(CrossCheckLabels.CrossCheck, start, candidates, options, cancellationToken, out var crossCheck);
            labels = crossCheck.Available;
            if (labels >= options.MinimumCrossCheckLabels)
            {
                for (var c = 0; c < active.Length; c++)
                {
                    if (CrossCheckLabels.CanEstimate(active[c]) && !space.Absent[c]
                        && tally.Observed(c, levelCounts[c]) >= options.MinimumCrossCheckLabels)
                    {
                        CopyCounts(tally, c, levelCounts[c], counts);
                        labelsUsed = true;
                    }
                }
            }

            // 4. Labels for the two comparisons the cross-check trace cannot measure: the date of birth from pairs
            // with the same valid NHS number, the NHS number from pairs with the same full name and date of birth.
            labelsUsed |= ApplyLabels(CrossCheckLabels.SameNhsNumber, ComparisonKind.DateOfBirth, start, candidates, options, space, counts,
                cancellationToken, out var sameNumber);
            labelsUsed |= ApplyLabels(CrossCheckLabels.SameNameAndBirth, ComparisonKind.NhsNumber, start, candidates, options, space, counts,
                cancellationToken, out _);
            nhsLabels = PriorEstimation.NhsNumberLabels.Count(left, right, deduplicating, sameNumber);
        }

        var m = space.EstimateM(counts, options, fallbacks);

        // 4b. Reviewers' labelled matches, as a posterior on top of the unsupervised estimate.
        ReviewedMatches.Apply(options.Labels, start, left, right, space, options, m);

        // 5 and 6. The prior from the model, u corrected for the matches among the random pairs with it, and again.
        var prior = new PriorEstimate(start.PriorMatchProbability, TrainingPriorSource.StartingModel, null, null, 0, 1);
        for (var round = 0; round < PriorRounds; round++)
        {
            var ordered = space.Ordered(m, u, null);
            prior = PriorEstimation.Estimate(start, options, active, space.Absent, levelCounts, ordered, u, space.U0, random, rulePairs, nhsLabels, totalPairs);
            u = space.EstimateU(random, options, prior.Value, m, round == PriorRounds - 1 ? fallbacks : null);
        }

        var adjustments = new List<TrainingAdjustment>();
        var trained = space.Ordered(m, u, adjustments);

        // 7. Household u: EM inside the household context with m fixed (NHS numbers as labels where there are any),
        // and the postcode's u among people of one family name; a comparison that is not household-aware keeps
        // household u equal to its u.
        var household = HouseholdEstimation.Estimate(start, trained, u, prior.Value, candidates, options, cancellationToken);
        var comparisons = new ComparisonModel[active.Length];
        for (var c = 0; c < active.Length; c++)
        {
            var levels = new ComparisonLevelModel[levelCounts[c]];
            for (var level = 0; level < levels.Length; level++)
            {
                var index = (c * Codes) + level;
                levels[level] = new ComparisonLevelModel(trained[index], u[index], household.HouseholdU[index]);
            }

            // The starting comparison's parameters, levels used and term-frequency settings carry over; only m and u are learned.
            comparisons[c] = start.Comparisons[c].WithLevels(levels);
        }

        fallbacks.Sort(static (a, b) => a.Comparison != b.Comparison ? a.Comparison.CompareTo(b.Comparison)
            : a.Level != b.Level ? (a.Level ?? -1).CompareTo(b.Level ?? -1)
            : a.Reason.CompareTo(b.Reason));
        var model = new MatchModel(prior.Value, comparisons, options.Policy, start.TermFrequencyFloor, household.Joint);

        // 8. A linkage: how competition among each record's candidates weighs, with the pairwise model fixed.
        if (!deduplicating)
        {
            Report(TrainingStage.WeighingCompetition, 0, 0);
            model = model.WithCompetition(CompetitionEstimation.Estimate(model, left, right, options, cancellationToken, out _));
        }

        return new TrainingResult(model, random.Pairs, allPairs, reports, labels, labelsUsed, rulePairs?.Union ?? 0, totalPairs, prior,
            [.. fallbacks], [.. adjustments], [.. candidates.Samples]);
    }

    /// <summary>Sets the target comparison's counts from the rule's labelled pairs when they measure it;
    /// <paramref name="pairs"/> are the rule's pairs, chosen whether or not the target can use them (the NHS-number
    /// prior counts them).</summary>
    private static bool ApplyLabels(BlockingRule rule, ComparisonKind target, MatchModel start, TrainingPairs candidates,
        TrainingOptions options, ParameterSpace space, double[] counts, CancellationToken cancellationToken, out SelectedPairs pairs)
    {
        var c = Array.IndexOf(space.Active, target);
        if (c < 0 || space.Absent[c])
        {
            // Counting only: nothing is compared.
            pairs = candidates.Select([rule], 0, 0, cancellationToken);
            return false;
        }

        // EM cannot measure these two (households), so any labels beat it: no MinimumCrossCheckLabels here, only
        // enough observations to count as a measurement; the posterior weighs few labels against the starting value.
        var tally = CrossCheckLabels.Tally(rule, start, candidates, options, cancellationToken, out pairs);
        if (tally.Observed(c, space.LevelCounts[c]) < options.MinimumObservationsPerLevel)
        {
            return false;
        }

        CopyCounts(tally, c, space.LevelCounts[c], counts);
        return true;
    }

    private static void CopyCounts(LevelTally tally, int c, int levels, double[] counts)
    {
        for (var level = 0; level < levels; level++)
        {
            counts[(c * Codes) + level] = tally.Count(c, level);
        }
    }
}
