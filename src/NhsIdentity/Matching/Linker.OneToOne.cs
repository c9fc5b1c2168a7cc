namespace NhsIdentity.Matching;

// LinkOptions.OneToOne: greedy assignment by descending weight.
public sealed partial class Linker
{
    /// <summary>Keeps, from pairs sorted by (left, right), those a greedy one-to-one assignment takes; the result is
    /// sorted by (left, right) again.</summary>
    internal static MatchPair[] AssignOneToOne(MatchPair[] pairs, int leftCount, int rightCount, bool deduplicating)
    {
        var byWeight = (MatchPair[])pairs.Clone();

        // Stable by construction: ties in weight fall back to (left, right), which is unique per pair.
        Array.Sort(byWeight, WeightOrder.Instance);
        var leftTaken = new bool[leftCount];
        var rightTaken = deduplicating ? leftTaken : new bool[rightCount];
        var kept = new List<MatchPair>();
        foreach (var pair in byWeight)
        {
            if (leftTaken[pair.LeftIndex] || rightTaken[pair.RightIndex])
            {
                continue;
            }

            leftTaken[pair.LeftIndex] = true;
            rightTaken[pair.RightIndex] = true;
            kept.Add(pair);
        }

        var result = kept.ToArray();
        Array.Sort(result, PairOrder.Instance);
        return result;
    }

    /// <summary>Orders pairs by descending weight, then (left index, right index).</summary>
    private sealed class WeightOrder : IComparer<MatchPair>
    {
        public static readonly WeightOrder Instance = new();

        public int Compare(MatchPair x, MatchPair y)
        {
            var byWeight = y.Weight.CompareTo(x.Weight);
            return byWeight != 0 ? byWeight : PairOrder.Instance.Compare(x, y);
        }
    }
}
