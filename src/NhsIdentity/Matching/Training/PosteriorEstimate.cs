namespace NhsIdentity.Matching.Training;

/// <summary>
/// Level probabilities estimated as the posterior mean under a Dirichlet prior centred on the starting model, and
/// the levels the data cannot estimate: <c>p = (count + α·p0) / (total + α)</c>, where α is
/// <see cref="TrainingOptions.PriorStrength"/>, so a few observations move an estimate a little and many move it all
/// the way.
/// </summary>
/// <remarks>
/// <para>A Dirichlet prior of total strength α gives a rare level a pseudo-count of only α·p0, which cannot hold its
/// weight steady, so a level is estimated only when the data could show its rate: when it was observed at least
/// <c>minimum</c> times, or would have been under the starting model (<c>total · p0 ≥ minimum</c>; then seeing it
/// seldom is itself a measurement). Otherwise the level keeps its starting probability and the others share what
/// remains in proportion to their estimates. A comparison observed fewer than <c>minimum</c> times keeps every
/// starting probability. <c>minimum</c> is <see cref="TrainingOptions.MinimumObservationsPerLevel"/>.</para>
/// <para>Levels the model does not use are estimated (their counts are 0) but never listed as falling back.</para>
/// </remarks>
internal static class PosteriorEstimate
{
    /// <summary>Writes the posterior probabilities of one comparison's levels into <paramref name="estimate"/> and
    /// returns the levels that kept their starting value: none, every used level (<paramref name="whole"/> set), or
    /// some.</summary>
    /// <param name="counts">Observations per level (expected counts from EM are fractional).</param>
    /// <param name="start">The starting probabilities (floored).</param>
    /// <param name="used">Whether the model uses each level.</param>
    /// <param name="strength">α.</param>
    /// <param name="minimum">The fewest observations that count as a measurement.</param>
    /// <param name="floor">The smallest probability written.</param>
    /// <param name="estimate">Receives one probability per level.</param>
    /// <param name="whole">Set when the whole comparison kept its starting values.</param>
    /// <returns>The levels that kept their starting value (empty when none or when <paramref name="whole"/>).</returns>
    public static List<int> Estimate(ReadOnlySpan<double> counts, ReadOnlySpan<double> start, ReadOnlySpan<bool> used, double strength,
        int minimum, double floor, Span<double> estimate, out bool whole)
    {
        var levels = counts.Length;
        double total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        var kept = new List<int>();
        whole = total < minimum;
        if (!whole)
        {
            for (var level = 0; level < levels; level++)
            {
                estimate[level] = (counts[level] + (strength * start[level])) / (total + strength);
                if (used[level] && Math.Max(counts[level], total * start[level]) < minimum)
                {
                    kept.Add(level);
                }
            }

            whole = AllUsed(kept, used);
        }

        if (whole)
        {
            start.CopyTo(estimate);
            kept.Clear();
            return kept;
        }

        if (kept.Count > 0)
        {
            // The kept levels take their starting share; the estimated ones share the rest in proportion.
            double keptShare = 0, rest = 0;
            for (var level = 0; level < levels; level++)
            {
                if (kept.Contains(level))
                {
                    keptShare += start[level];
                }
                else
                {
                    rest += estimate[level];
                }
            }

            var scale = rest > 0 ? Math.Max(0, 1 - keptShare) / rest : 0;
            for (var level = 0; level < levels; level++)
            {
                estimate[level] = kept.Contains(level) ? start[level] : estimate[level] * scale;
            }
        }

        for (var level = 0; level < levels; level++)
        {
            estimate[level] = Math.Clamp(estimate[level], floor, 1.0);
        }

        return kept;
    }

    private static bool AllUsed(List<int> kept, ReadOnlySpan<bool> used)
    {
        var count = 0;
        foreach (var isUsed in used)
        {
            count += isUsed ? 1 : 0;
        }

        return kept.Count == count;
    }
}
