using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>Chooses the pairs a reviewer decides: every <c>review</c> pair, a seeded random sample of the
/// <c>match</c> pairs, and the closest <c>non-match</c> pairs.</summary>
internal static class ReviewSelection
{
    /// <summary>Selects the pairs, in file order: reviews, then sampled matches, then near misses; each group in the
    /// links file's order (near misses from the highest weight down).</summary>
    /// <param name="written">The pairs written to the links file (match and review decisions).</param>
    /// <param name="scored">Every scored pair, non-matches too (null when no near misses are asked for).</param>
    /// <param name="sampleMatches">How many match pairs to sample.</param>
    /// <param name="nearMisses">How many non-match pairs to take.</param>
    /// <param name="seed">The sampling seed: the same seed and inputs give the same sample.</param>
    public static List<(MatchPair Pair, ReviewReason Reason)> Select(IReadOnlyList<MatchPair> written, IReadOnlyList<MatchPair>? scored,
        int sampleMatches, int nearMisses, int seed)
    {
        var selected = new List<(MatchPair, ReviewReason)>();
        var matches = new List<int>();
        for (var i = 0; i < written.Count; i++)
        {
            if (written[i].Decision == MatchDecision.Review)
            {
                selected.Add((written[i], ReviewReason.Review));
            }
            else if (written[i].Decision == MatchDecision.Match)
            {
                matches.Add(i);
            }
        }

        // A partial Fisher-Yates shuffle: the first k positions are a uniform sample without replacement.
        var random = new Random(seed);
        var take = Math.Min(sampleMatches, matches.Count);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, matches.Count);
            (matches[i], matches[j]) = (matches[j], matches[i]);
        }

        var sample = matches.GetRange(0, take);
        sample.Sort();
        foreach (var i in sample)
        {
            selected.Add((written[i], ReviewReason.SampledMatch));
        }

        if (scored is not null && nearMisses > 0)
        {
            // The closest non-matches are where a missed match would be; a random non-match is almost never one.
            var nonMatches = new List<MatchPair>();
            foreach (var pair in scored)
            {
                if (pair.Decision == MatchDecision.NonMatch)
                {
                    nonMatches.Add(pair);
                }
            }

            nonMatches.Sort(static (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight)
                : a.LeftIndex != b.LeftIndex ? a.LeftIndex.CompareTo(b.LeftIndex) : a.RightIndex.CompareTo(b.RightIndex));
            for (var i = 0; i < Math.Min(nearMisses, nonMatches.Count); i++)
            {
                selected.Add((nonMatches[i], ReviewReason.SampledNearMiss));
            }
        }

        return selected;
    }
}
