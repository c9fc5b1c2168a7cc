namespace NhsIdentity.Matching.Training;

/// <summary>
/// Blends reviewers' labelled matches (<see cref="TrainingOptions.Labels"/>) into the m-probabilities: for each
/// comparison, <c>m = (labelled count + α·m_EM) / (labelled total + α)</c>, the posterior mean of a Dirichlet prior
/// centred on the unsupervised estimate with strength α = <see cref="TrainingOptions.PriorStrength"/>. A handful of
/// labels moves m a little; hundreds move it most of the way to what the reviewers saw.
/// </summary>
/// <remarks>Only matches inform m (non-matches inform u, which the random pairs already measure by the hundred
/// thousand). A label whose ids are not both in the inputs is skipped and counted; a missing value on either side
/// says nothing about the comparison and is not counted.</remarks>
internal static class ReviewedMatches
{
    private const int Codes = Comparisons.ComparisonCatalog.CodesPerComparison;

    /// <summary>Applies the labelled matches to <paramref name="m"/> in place.</summary>
    /// <returns>The labelled matches used, and the labels whose ids were not found.</returns>
    public static (int Used, int NotFound) Apply(IReadOnlyList<TrainingLabel> labels, MatchModel start, RecordSet left, RecordSet right,
        ParameterSpace space, TrainingOptions options, double[] m)
    {
        if (labels.Count == 0)
        {
            return (0, 0);
        }

        var leftIndex = IndexOf(left);
        var rightIndex = ReferenceEquals(left, right) ? leftIndex : IndexOf(right);
        var active = space.Active;
        var counts = new double[m.Length];
        var totals = new double[active.Length];
        var outcomes = new ComparisonOutcome[start.Comparisons.Count];
        int used = 0, notFound = 0;
        foreach (var label in labels)
        {
            if (!label.IsMatch)
            {
                continue;
            }

            if (label.LeftId is null || label.RightId is null
                || !leftIndex.TryGetValue(label.LeftId, out var l) || !rightIndex.TryGetValue(label.RightId, out var r))
            {
                notFound++;
                continue;
            }

            used++;
            var written = start.Explain(left, l, right, r, outcomes);
            for (var c = 0; c < Math.Min(written, active.Length); c++)
            {
                if (outcomes[c].Missing == MissingSide.None && !space.Absent[c])
                {
                    counts[(c * Codes) + outcomes[c].Level]++;
                    totals[c]++;
                }
            }
        }

        var strength = options.PriorStrength;
        for (var c = 0; c < active.Length; c++)
        {
            if (totals[c] == 0)
            {
                continue;
            }

            for (var level = 0; level < space.LevelCounts[c]; level++)
            {
                var index = (c * Codes) + level;
                m[index] = Math.Max(options.ProbabilityFloor, (counts[index] + (strength * m[index])) / (totals[c] + strength));
            }
        }

        return (used, notFound);
    }

    private static Dictionary<string, int> IndexOf(RecordSet set)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < set.Count; i++)
        {
            if (set.GetId(i) is { } id)
            {
                index.TryAdd(id, i);
            }
        }

        return index;
    }
}
