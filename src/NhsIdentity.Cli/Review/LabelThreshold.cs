using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>The match-probability threshold that best separates reviewers' matches from their non-matches, for
/// <c>nhsid train --labels</c>: the cut with the highest F1 over the labelled pairs (ties to the higher threshold, which
/// makes fewer false links).</summary>
/// <param name="Threshold">Pairs at or above it would be matches; null when no pair is labelled a match.</param>
/// <param name="TruePositives">Labelled matches at or above the threshold.</param>
/// <param name="FalsePositives">Labelled non-matches at or above it.</param>
/// <param name="FalseNegatives">Labelled matches below it.</param>
/// <param name="Scored">The labelled pairs scored (decided match or non-match and both ids found in the inputs).</param>
/// <param name="NotFound">Decided pairs whose ids are not both in the inputs.</param>
internal sealed record LabelThreshold(double? Threshold, long TruePositives, long FalsePositives, long FalseNegatives, long Scored, long NotFound)
{
    /// <summary>F1 at the threshold.</summary>
    public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives);

    /// <summary>Scores each decided label's pair with the model and finds the best threshold.</summary>
    public static LabelThreshold Find(MatchModel model, RecordSet left, RecordSet? right, IReadOnlyList<ReviewLabel> labels)
    {
        var leftIndex = RecordPositions.ById(left);
        var rightIndex = right is null ? leftIndex : RecordPositions.ById(right);
        var linked = LinkedProbabilities(model, left, right);
        var scored = new List<(double Probability, bool IsMatch)>();
        long notFound = 0;
        foreach (var label in labels)
        {
            if (label.Decision is not (ReviewDecision.Match or ReviewDecision.NonMatch))
            {
                continue;
            }

            if (!leftIndex.TryGetValue(label.LeftId, out var l) || !rightIndex.TryGetValue(label.RightId, out var r))
            {
                notFound++;
                continue;
            }

            scored.Add((ProbabilityOf(model, left, l, right, r, linked), label.Decision == ReviewDecision.Match));
        }

        return Best(scored, notFound);
    }

    /// <summary>The best cut of scored labels (exposed for tests).</summary>
    /// <summary>In a link whose model weighs competition, the probability of each pair the link keeps (review or
    /// above), competition included, as the link would decide it; null otherwise (pairs are then weighed alone).</summary>
    private static Dictionary<(int, int), double>? LinkedProbabilities(MatchModel model, RecordSet left, RecordSet? right)
    {
        if (right is null || model.Competition is null)
        {
            return null;
        }

        var probabilities = new Dictionary<(int, int), double>();
        foreach (var pair in new Linker(model).Link(left, right).Pairs)
        {
            probabilities[(pair.LeftIndex, pair.RightIndex)] = pair.Probability;
        }

        return probabilities;
    }

    /// <summary>A labelled pair's probability as the run would decide it: from the link when it weighed competition (a
    /// pair the link did not keep is below review there, so it counts just below the review threshold at most),
    /// otherwise the pair's own score.</summary>
    private static double ProbabilityOf(MatchModel model, RecordSet left, int l, RecordSet? right, int r, Dictionary<(int, int), double>? linked)
    {
        var pairwise = model.Score(left, l, right ?? left, r).Probability;
        if (linked is null)
        {
            return pairwise;
        }

        return linked.TryGetValue((l, r), out var probability) ? probability : Math.Min(pairwise, Math.BitDecrement(model.Policy.ReviewProbability));
    }

    internal static LabelThreshold Best(List<(double Probability, bool IsMatch)> scored, long notFound = 0)
    {
        // Highest probability first: cutting after position k makes the first k+1 pairs matches.
        scored.Sort(static (a, b) => b.Probability.CompareTo(a.Probability));
        long matches = scored.Count(s => s.IsMatch);
        LabelThreshold best = new(null, 0, 0, matches, scored.Count, notFound);
        long tp = 0, fp = 0;
        for (var k = 0; k < scored.Count; k++)
        {
            tp += scored[k].IsMatch ? 1 : 0;
            fp += scored[k].IsMatch ? 0 : 1;
            // Only cut between different probabilities: equal ones fall on the same side of any threshold.
            if (k + 1 < scored.Count && scored[k + 1].Probability == scored[k].Probability)
            {
                continue;
            }

            var candidate = new LabelThreshold(scored[k].Probability, tp, fp, matches - tp, scored.Count, notFound);
            if (candidate.F1 > best.F1)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The line printed on standard error.</summary>
    public string Describe(double modelThreshold) => Threshold is not { } threshold
        ? string.Create(CultureInfo.InvariantCulture, $"labels: {Scored} decided pairs scored ({NotFound} not in the inputs); none labelled match, so no threshold is suggested")
        : string.Create(CultureInfo.InvariantCulture,
            $"labels: {Scored} decided pairs scored ({NotFound} not in the inputs); best threshold {threshold:R} (F1 {F1:F4}: {TruePositives} true positives, {FalsePositives} false positives, {FalseNegatives} false negatives); the model's match threshold is {modelThreshold:R}; use nhsid link --threshold to apply it");
}
