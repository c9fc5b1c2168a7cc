namespace NhsIdentity.Matching.Training;

/// <summary>
/// Puts a comparison's trained weights back in the order its definition declares, when the data (usually too little
/// of it) contradicts that order: the first level at least as heavy as every other, each declared chain
/// (<see cref="Comparisons.IComparisonDefinition.WeightChains"/>) not rising, and every level that says the values
/// agree (<see cref="LevelEvidence.Agrees"/>) at a weight of at least 0 (m ≥ u). A level declared beyond the first
/// (<see cref="Comparisons.IComparisonDefinition.LevelsBeyondFirst"/>) is not held below it.
/// </summary>
/// <remarks>
/// <para><b>Ordering: pool-adjacent-violators.</b> Two levels in the wrong order are pooled: the block's weight is
/// log2(Σm / Σu) over its levels (what one merged level would have been estimated at, so levels seen more often pull
/// the block's weight harder), and each level in the block takes that weight with its u unchanged and
/// <c>m = u · Σm / Σu</c>, so m and u still sum to 1. Pools are merged, largest violation first, until no constraint
/// is violated: for one chain this is the classic pool-adjacent-violators solution (the weighted isotonic
/// regression), for the first-above-all "star" it is the simple-tree-order solution (the first level pooled with the
/// heaviest levels until it outweighs the rest); overlapping chains are pooled until both hold.</para>
/// <para><b>Agreement never weighs against.</b> An agreeing level with m &lt; u gets m = u (weight 0); the other
/// levels' m shrink in proportion so m still sums to 1 (all their weights fall by the same small amount, which keeps
/// their order and is not listed as an adjustment). The two steps repeat until both hold.</para>
/// </remarks>
internal static class WeightOrdering
{
    /// <summary>Weights closer than this (bits) count as equal.</summary>
    private const double Tolerance = 1e-9;

    public static void Apply(ComparisonModel comparison, Span<double> m, ReadOnlySpan<double> u, double floor, List<TrainingAdjustment>? adjustments)
    {
        var levels = comparison.Levels.Count;
        var constraints = Constraints(comparison);
        Span<double> before = stackalloc double[levels];
        Span<bool> raised = stackalloc bool[levels];
        Span<bool> pooled = stackalloc bool[levels];
        for (var level = 0; level < levels; level++)
        {
            before[level] = Weight(m[level], u[level]);
        }

        // Each round either changes nothing (done) or raises or pools at least one more level; a few suffice.
        for (var round = 0; round < 4 * levels; round++)
        {
            var changed = RaiseAgreements(comparison, m, u, raised);
            changed |= Pool(constraints, m, u, pooled);
            if (!changed)
            {
                break;
            }
        }

        RaiseToFloor(constraints, m, u, floor);
        for (var level = 0; level < levels; level++)
        {
            var after = Weight(m[level], u[level]);
            if (adjustments is not null && (raised[level] || pooled[level]) && Math.Abs(after - before[level]) > Tolerance)
            {
                adjustments.Add(new TrainingAdjustment(comparison.Comparison, level,
                    raised[level] ? TrainingAdjustmentReason.AgreementNeverAgainst : TrainingAdjustmentReason.Ordering, before[level], after));
            }
        }
    }

    /// <summary>The (heavier, lighter) level pairs that must hold among the used levels: the first used level over
    /// each other, and each declared chain's neighbours once unused levels are skipped.</summary>
    internal static List<(int Heavier, int Lighter)> Constraints(ComparisonModel comparison)
    {
        var levels = comparison.Levels.Count;
        var constraints = new List<(int, int)>();
        var first = -1;
        var beyondFirst = Comparisons.ComparisonCatalog.LevelsBeyondFirst[(int)comparison.Comparison];
        for (var level = 0; level < levels; level++)
        {
            if (comparison.IsLevelUsed(level))
            {
                if (first < 0)
                {
                    first = level;
                }
                else if (Array.IndexOf(beyondFirst, level) < 0)
                {
                    constraints.Add((first, level));
                }
            }
        }

        foreach (var chain in Comparisons.ComparisonCatalog.WeightChains[(int)comparison.Comparison])
        {
            var previous = -1;
            foreach (var level in chain)
            {
                if (!comparison.IsLevelUsed(level))
                {
                    continue;
                }

                if (previous >= 0 && !constraints.Contains((previous, level)))
                {
                    constraints.Add((previous, level));
                }

                previous = level;
            }
        }

        return constraints;
    }

    internal static double Weight(double m, double u) => Math.Log2(m / u);

    /// <summary>Raises every m below the floor to it; where that puts a lighter level above a heavier one (tiny data,
    /// u at the floor too), the heavier level's m is raised to match. Only raises, each time to a weight another level
    /// already has, so it ends; the amounts are of the order of the floor.</summary>
    private static void RaiseToFloor(List<(int Heavier, int Lighter)> constraints, Span<double> m, ReadOnlySpan<double> u, double floor)
    {
        for (var level = 0; level < m.Length; level++)
        {
            m[level] = Math.Clamp(m[level], floor, 1.0);
        }

        for (var pass = 0; pass <= m.Length * m.Length; pass++)
        {
            var changed = false;
            foreach (var (heavier, lighter) in constraints)
            {
                if (Weight(m[heavier], u[heavier]) < Weight(m[lighter], u[lighter]) - Tolerance)
                {
                    m[heavier] = Math.Min(1.0, u[heavier] * (m[lighter] / u[lighter]));
                    changed = true;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }

    /// <summary>Gives every agreeing level with m &lt; u the weight 0; the other levels' m make room in proportion.</summary>
    private static bool RaiseAgreements(ComparisonModel comparison, Span<double> m, ReadOnlySpan<double> u, Span<bool> raised)
    {
        var levels = m.Length;
        Span<bool> fixedNow = stackalloc bool[levels];
        var any = false;
        while (true)
        {
            var found = false;
            for (var level = 0; level < levels; level++)
            {
                if (!fixedNow[level] && comparison.IsLevelUsed(level) && (comparison.Definition.Levels[level].Evidence & LevelEvidence.Agrees) != 0
                    && Weight(m[level], u[level]) < -Tolerance)
                {
                    fixedNow[level] = true;
                    raised[level] = true;
                    found = true;
                }
            }

            if (!found)
            {
                return any;
            }

            double fixedMass = 0, rest = 0;
            for (var level = 0; level < levels; level++)
            {
                if (fixedNow[level])
                {
                    fixedMass += u[level];
                }
                else
                {
                    rest += m[level];
                }
            }

            if (fixedMass >= 1 || rest <= 0)
            {
                // Agreeing levels that together hold all of u: nothing left to take from (cannot happen with a
                // last level that does not agree, which every definition has).
                return any;
            }

            var scale = (1 - fixedMass) / rest;
            for (var level = 0; level < levels; level++)
            {
                m[level] = fixedNow[level] ? u[level] : m[level] * scale;
            }

            any = true;
        }
    }

    /// <summary>Pools levels until every constraint holds, largest violation first (ties: lowest level numbers).</summary>
    private static bool Pool(List<(int Heavier, int Lighter)> constraints, Span<double> m, ReadOnlySpan<double> u, Span<bool> pooled)
    {
        var levels = m.Length;
        Span<int> block = stackalloc int[levels];
        Span<double> blockM = stackalloc double[levels];
        Span<double> blockU = stackalloc double[levels];
        for (var level = 0; level < levels; level++)
        {
            block[level] = level;
            blockM[level] = m[level];
            blockU[level] = u[level];
        }

        var any = false;
        while (true)
        {
            var worst = 0.0;
            var (heavier, lighter) = (-1, -1);
            foreach (var (h, l) in constraints)
            {
                var (bh, bl) = (block[h], block[l]);
                if (bh == bl)
                {
                    continue;
                }

                var violation = Weight(blockM[bl], blockU[bl]) - Weight(blockM[bh], blockU[bh]);
                if (violation > Tolerance && violation > worst)
                {
                    (worst, heavier, lighter) = (violation, bh, bl);
                }
            }

            if (heavier < 0)
            {
                break;
            }

            // Merge the lighter-required block into the heavier-required one (blocks are named by a member level).
            var (into, from) = (Math.Min(heavier, lighter), Math.Max(heavier, lighter));
            for (var level = 0; level < levels; level++)
            {
                if (block[level] == from)
                {
                    block[level] = into;
                }
            }

            blockM[into] += blockM[from];
            blockU[into] += blockU[from];
            any = true;
        }

        if (!any)
        {
            return false;
        }

        for (var level = 0; level < levels; level++)
        {
            var b = block[level];
            var members = 0;
            for (var other = 0; other < levels; other++)
            {
                members += block[other] == b ? 1 : 0;
            }

            if (members > 1)
            {
                m[level] = u[level] * blockM[b] / blockU[b];
                pooled[level] = true;
            }
        }

        return true;
    }
}
