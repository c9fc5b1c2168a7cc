namespace NhsIdentity.Matching.Evaluation;

/// <summary>
/// Scores predicted links against ground truth at pair level: true positives, false positives, false negatives,
/// precision, recall and F1, at one decision or across a sweep of match probability thresholds.
/// </summary>
/// <remarks>
/// <para>
/// Pairs are sets: a pair listed twice counts once, on either side. Ids are compared ordinally (exact text).
/// For linkage of two sources the pair (left, right) is ordered, so (a, b) and (b, a) are different pairs; for
/// deduplication of one source pass <c>unordered: true</c> and they are the same pair.
/// </para>
/// <para>
/// Evaluation runs once per report, not per pair, so it favours clarity over allocation: it builds hash sets of
/// both inputs. The methods are thread-safe (no shared state).
/// </para>
/// </remarks>
public static class LinkageEvaluation
{
    /// <summary>Counts how many predicted pairs are in the truth, and how many truth pairs were missed.</summary>
    /// <param name="predicted">The pairs the matcher linked (its <c>match</c> decisions).</param>
    /// <param name="truth">The true pairs, for example from <see cref="TruthPairs.FromClusters(IEnumerable{ValueTuple{string, string}})"/>.</param>
    /// <param name="unordered"><see langword="true"/> for deduplication: (a, b) and (b, a) are the same pair.</param>
    /// <returns>The counts and the ratios derived from them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicted"/> or <paramref name="truth"/> is null.</exception>
    /// <exception cref="ArgumentException">A pair has a null id.</exception>
    public static LinkageMetrics Evaluate(
        IEnumerable<(string LeftId, string RightId)> predicted,
        IEnumerable<(string LeftId, string RightId)> truth,
        bool unordered)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);

        var truthSet = PairKey.ToSet(truth, unordered, nameof(truth));
        var predictedSet = PairKey.ToSet(predicted, unordered, nameof(predicted));
        long truePositives = 0;
        foreach (var pair in predictedSet)
        {
            if (truthSet.Contains(pair))
            {
                truePositives++;
            }
        }

        return new LinkageMetrics(truePositives, predictedSet.Count - truePositives, truthSet.Count - truePositives);
    }

    /// <summary>
    /// Scores the predictions at each threshold, counting a prediction when its match probability is at least the
    /// threshold: the data for a precision-recall curve and for choosing a decision threshold.
    /// </summary>
    /// <param name="predicted">
    /// Scored candidate pairs with their match probability. A pair listed more than once counts with its highest
    /// probability.
    /// </param>
    /// <param name="truth">The true pairs.</param>
    /// <param name="thresholds">The thresholds to score at; results come back in the same order.</param>
    /// <param name="unordered"><see langword="true"/> for deduplication: (a, b) and (b, a) are the same pair.</param>
    /// <returns>One <see cref="ThresholdMetrics"/> per threshold, in the order given.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A pair has a null id, or a probability or threshold is NaN.</exception>
    /// <remarks>
    /// Each result equals <see cref="Evaluate"/> of the pairs at or above its threshold; the sweep sorts once and
    /// counts cumulatively, so it costs O((n + t) log(n + t)) rather than one evaluation per threshold.
    /// </remarks>
    public static IReadOnlyList<ThresholdMetrics> Sweep(
        IEnumerable<(string LeftId, string RightId, double Probability)> predicted,
        IEnumerable<(string LeftId, string RightId)> truth,
        IEnumerable<double> thresholds,
        bool unordered)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(thresholds);

        var truthSet = PairKey.ToSet(truth, unordered, nameof(truth));

        // The highest probability of each distinct pair, and whether that pair is true.
        var best = new Dictionary<(string, string), double>();
        foreach (var (left, right, probability) in predicted)
        {
            if (double.IsNaN(probability))
            {
                throw new ArgumentException("A match probability is NaN.", nameof(predicted));
            }

            var key = PairKey.Create(left, right, unordered, nameof(predicted));
            if (!best.TryGetValue(key, out var seen) || probability > seen)
            {
                best[key] = probability;
            }
        }

        var scored = new (double Probability, bool IsTrue)[best.Count];
        var index = 0;
        foreach (var (key, probability) in best)
        {
            scored[index++] = (probability, truthSet.Contains(key));
        }

        // Highest probability first, so the pairs counted at a threshold are a prefix of the array.
        Array.Sort(scored, static (a, b) => b.Probability.CompareTo(a.Probability));

        var wanted = new List<double>(thresholds);
        var order = new int[wanted.Count];
        for (var i = 0; i < order.Length; i++)
        {
            if (double.IsNaN(wanted[i]))
            {
                throw new ArgumentException("A threshold is NaN.", nameof(thresholds));
            }

            order[i] = i;
        }

        // Visit thresholds from the highest down, extending the counted prefix as the threshold falls.
        Array.Sort(order, (a, b) => wanted[b].CompareTo(wanted[a]));
        var results = new ThresholdMetrics[wanted.Count];
        var counted = 0;
        long truePositives = 0;
        foreach (var position in order)
        {
            var threshold = wanted[position];
            while (counted < scored.Length && scored[counted].Probability >= threshold)
            {
                if (scored[counted].IsTrue)
                {
                    truePositives++;
                }

                counted++;
            }

            results[position] = new ThresholdMetrics(
                threshold,
                new LinkageMetrics(truePositives, counted - truePositives, truthSet.Count - truePositives));
        }

        return results;
    }
}
