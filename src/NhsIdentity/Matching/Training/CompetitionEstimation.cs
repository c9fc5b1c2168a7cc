using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// Learns a linkage's <see cref="CompetitionModel"/>: the candidate pairs of <see cref="TrainingOptions.CompetitionRules"/>
/// are weighed by the trained pairwise model, each is given its competition level, and the three levels' m and u are
/// estimated by EM with the pairwise weights fixed: a pair's match probability is its pairwise weight plus its level's
/// weight, m of a level is the probability mass of the matches at it, u that of the non-matches.
/// </summary>
/// <remarks>
/// <para>Every m and u is a posterior mean under a flat prior (a third at each level, for m and u alike: no weight)
/// worth <see cref="TrainingOptions.PriorStrength"/> pairs, so a linkage with few pairs, or one whose extracts share
/// few people, learns weights near 0. The levels are kept in order (unrivalled at least as heavy as best of rivals,
/// that at least as heavy as outranked) by pooling adjacent violators.</para>
/// <para>Only pairs with a pairwise match probability of at least <see cref="LowestProbability"/> take part: the
/// pairs below are strangers whose levels barely move u, and keeping them all would hold every candidate pair of a
/// large linkage in memory. The sums run over the pairs in order of (weight, level), so the same records in any order
/// give the same estimate to the bit.</para>
/// </remarks>
internal static class CompetitionEstimation
{
    /// <summary>The smallest pairwise match probability of a pair that takes part.</summary>
    public const double LowestProbability = 1e-4;

    private const int Levels = 3;

    /// <summary>Estimates the comparison, or returns null when there are no rules, no pairs, or the rules' pairs are
    /// over the budget (training goes on without it: the model then weighs pairs alone).</summary>
    public static CompetitionModel? Estimate(MatchModel pairwise, RecordSet left, RecordSet right, TrainingOptions options,
        CancellationToken cancellationToken, out long pairsUsed)
    {
        pairsUsed = 0;
        if (options.CompetitionRules.Count == 0)
        {
            return null;
        }

        var linker = new Linker(pairwise, LinkOptions.Default with
        {
            BlockingRules = options.CompetitionRules,
            MaxPairsPerRecord = options.MaxPairsPerRecord,
            OnPairBudgetExceeded = PairBudgetPolicy.SkipRule,
        });
        MatchPair[] pairs;
        try
        {
            pairs = [.. linker.LinkPairwise(left, right, Math.Log2(LowestProbability / (1 - LowestProbability)), cancellationToken).Pairs];
        }
        catch (KeptPairBudgetExceededException)
        {
            return null;
        }

        if (pairs.Length == 0)
        {
            return null;
        }

        var competitorWeight = Math.Log2(CompetitionModel.DefaultCompetitorProbability / (1 - CompetitionModel.DefaultCompetitorProbability));
        var levels = Linker.CompetitionLevels(pairwise, pairs, left, right, competitorWeight);
        var observations = new (double Weight, int Level)[pairs.Length];
        for (var k = 0; k < pairs.Length; k++)
        {
            observations[k] = (pairs[k].Weight, (int)levels[k] - 1);
        }

        Array.Sort(observations);
        pairsUsed = observations.Length;
        var strength = options.PriorStrength;
        Span<double> weights = stackalloc double[Levels];
        Span<double> m = stackalloc double[Levels];
        Span<double> u = stackalloc double[Levels];
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            m.Fill(strength / Levels);
            u.Fill(strength / Levels);
            foreach (var (weight, level) in observations)
            {
                var p = MatchModel.ToProbability(weight + weights[level]);
                m[level] += p;
                u[level] += 1 - p;
            }

            Normalise(m, options.ProbabilityFloor);
            Normalise(u, options.ProbabilityFloor);
            PoolViolators(m, u);
            var change = 0.0;
            for (var level = 0; level < Levels; level++)
            {
                var next = Math.Log2(m[level] / u[level]);
                change = Math.Max(change, Math.Abs(next - weights[level]));
                weights[level] = next;
            }

            if (change < options.ConvergenceTolerance)
            {
                break;
            }
        }

        return new CompetitionModel(CompetitionModel.DefaultCompetitorProbability, new(m[0], u[0]), new(m[1], u[1]), new(m[2], u[2]));
    }

    private static void Normalise(Span<double> values, double floor)
    {
        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
        }

        for (var level = 0; level < values.Length; level++)
        {
            values[level] = Math.Max(floor, total > 0 ? values[level] / total : 1.0 / values.Length);
        }
    }

    /// <summary>Keeps the weights in order, heaviest first, by pooling adjacent violators: a level lighter than the
    /// one after it joins that level's block, blocks are merged until their ratios fall, and each level of a block
    /// keeps its u and takes the block's ratio of m to u (so the total m is kept). Merging whole blocks, not pairs of
    /// levels, ends in order in one pass: pooling two levels can make a new violation with a third.</summary>
    internal static void PoolViolators(Span<double> m, Span<double> u)
    {
        Span<double> blockM = stackalloc double[Levels];
        Span<double> blockU = stackalloc double[Levels];
        Span<int> blockEnd = stackalloc int[Levels];
        var blocks = 0;
        for (var level = 0; level < m.Length; level++)
        {
            blockM[blocks] = m[level];
            blockU[blocks] = u[level];
            blockEnd[blocks] = level + 1;
            blocks++;
            while (blocks > 1 && blockM[blocks - 2] / blockU[blocks - 2] < (blockM[blocks - 1] / blockU[blocks - 1]) * (1 - 1e-12))
            {
                blockM[blocks - 2] += blockM[blocks - 1];
                blockU[blocks - 2] += blockU[blocks - 1];
                blockEnd[blocks - 2] = blockEnd[blocks - 1];
                blocks--;
            }
        }

        var start = 0;
        for (var block = 0; block < blocks; block++)
        {
            if (blockEnd[block] - start > 1)
            {
                var ratio = blockM[block] / blockU[block];
                for (var level = start; level < blockEnd[block]; level++)
                {
                    m[level] = ratio * u[level];
                }
            }

            start = blockEnd[block];
        }
    }
}
