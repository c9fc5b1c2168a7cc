namespace NhsIdentity.Matching.Training;

/// <summary>Counting pairs: all possible ones (those a rule makes are counted by <see cref="TrainingPairs"/>).</summary>
internal static class PairCounting
{
    /// <summary><c>n(n-1)/2</c> when deduplicating, <c>left × right</c> when linking.</summary>
    public static long TotalPairs(RecordSet left, RecordSet right, bool deduplicating) =>
        deduplicating ? (long)left.Count * (left.Count - 1) / 2 : (long)left.Count * right.Count;
}
