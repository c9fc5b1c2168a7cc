namespace NhsIdentity.Matching.Training;

/// <summary>
/// The parameters one training run estimates, laid out by comparison position and level (<c>[c * 16 + level]</c>):
/// the starting model's m and u (floored), which levels the model uses, which comparisons no input has a value for,
/// and the three estimation steps that read them (posterior m, posterior u, the order restored).
/// </summary>
internal sealed class ParameterSpace
{
    private const int Codes = Comparisons.ComparisonCatalog.CodesPerComparison;

    private readonly MatchModel _start;
    private readonly double _floor;

    public ParameterSpace(MatchModel start, RecordSet left, RecordSet right, double floor)
    {
        _start = start;
        _floor = floor;
        Active = start.ActiveComparisons.ToArray();
        LevelCounts = new int[Active.Length];
        Absent = new bool[Active.Length];
        M0 = new double[Active.Length * Codes];
        U0 = new double[Active.Length * Codes];
        Used = new bool[Active.Length * Codes];
        for (var c = 0; c < Active.Length; c++)
        {
            var comparison = start.Comparisons[c];
            LevelCounts[c] = comparison.Levels.Count;
            Absent[c] = left.GetCounts(Active[c]).Present == 0 && right.GetCounts(Active[c]).Present == 0;
            for (var level = 0; level < LevelCounts[c]; level++)
            {
                M0[(c * Codes) + level] = Math.Max(comparison.Levels[level].M, floor);
                U0[(c * Codes) + level] = Math.Max(comparison.Levels[level].U, floor);
                Used[(c * Codes) + level] = comparison.IsLevelUsed(level);
            }
        }
    }

    /// <summary>The comparisons, in the starting model's order.</summary>
    public ComparisonKind[] Active { get; }

    public int[] LevelCounts { get; }

    /// <summary>Comparisons neither input has a present value for: never estimated.</summary>
    public bool[] Absent { get; }

    public double[] M0 { get; }

    public double[] U0 { get; }

    public bool[] Used { get; }

    /// <summary>m from the expected matched counts: posterior means, with the levels and comparisons the counts cannot
    /// estimate kept at their starting values (listed in <paramref name="fallbacks"/>).</summary>
    public double[] EstimateM(double[] counts, TrainingOptions options, List<TrainingFallback> fallbacks) =>
        Estimate(counts, M0, options, TrainingFallbackReason.TooFewMatchedPairs, fallbacks);

    /// <summary>u from the random pairs' counts, less the matches expected among them (λ·m of each level's pairs
    /// when <paramref name="m"/> is given): posterior means, with fallbacks as for m (listed when
    /// <paramref name="fallbacks"/> is given).</summary>
    public double[] EstimateU(LevelTally random, TrainingOptions options, double lambda, double[]? m, List<TrainingFallback>? fallbacks)
    {
        var counts = new double[U0.Length];
        for (var c = 0; c < Active.Length; c++)
        {
            var observed = random.Observed(c, LevelCounts[c]);
            for (var level = 0; level < LevelCounts[c]; level++)
            {
                var index = (c * Codes) + level;
                var matches = m is null ? 0 : lambda * observed * m[index];
                counts[index] = Math.Max(0, random.Count(c, level) - matches);
            }
        }

        return Estimate(counts, U0, options, TrainingFallbackReason.TooFewRandomPairs, fallbacks);
    }

    /// <summary>A copy of <paramref name="m"/> with every comparison's weights in their declared order (see
    /// <see cref="WeightOrdering"/>); changes are listed in <paramref name="adjustments"/> when it is given.</summary>
    public double[] Ordered(double[] m, double[] u, List<TrainingAdjustment>? adjustments)
    {
        var ordered = (double[])m.Clone();
        for (var c = 0; c < Active.Length; c++)
        {
            if (!Absent[c])
            {
                WeightOrdering.Apply(_start.Comparisons[c], ordered.AsSpan(c * Codes, LevelCounts[c]), u.AsSpan(c * Codes, LevelCounts[c]),
                    _floor, adjustments);
            }
        }

        return ordered;
    }

    private double[] Estimate(double[] counts, double[] start, TrainingOptions options, TrainingFallbackReason reason, List<TrainingFallback>? fallbacks)
    {
        var estimate = (double[])start.Clone();
        for (var c = 0; c < Active.Length; c++)
        {
            if (Absent[c])
            {
                continue;
            }

            var slice = new Range(c * Codes, (c * Codes) + LevelCounts[c]);
            var kept = PosteriorEstimate.Estimate(counts.AsSpan(slice), start.AsSpan(slice), Used.AsSpan(slice), options.PriorStrength,
                options.MinimumObservationsPerLevel, options.ProbabilityFloor, estimate.AsSpan(slice), out var whole);
            if (fallbacks is null)
            {
                continue;
            }

            if (whole)
            {
                fallbacks.Add(new TrainingFallback(Active[c], null, reason));
            }

            foreach (var level in kept)
            {
                fallbacks.Add(new TrainingFallback(Active[c], level, reason));
            }
        }

        return estimate;
    }
}
