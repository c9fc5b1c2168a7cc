namespace NhsIdentity.Matching.Evaluation;

/// <summary>
/// The set key of a pair of record ids. For deduplication the pair is unordered, so it is stored with the ordinally
/// smaller id first and (a, b) and (b, a) become one key.
/// </summary>
internal static class PairKey
{
    public static (string, string) Create(string? left, string? right, bool unordered, string paramName)
    {
        if (left is null || right is null)
        {
            throw new ArgumentException("A pair has a null id.", paramName);
        }

        return unordered && string.CompareOrdinal(left, right) > 0 ? (right, left) : (left, right);
    }

    public static HashSet<(string, string)> ToSet(IEnumerable<(string LeftId, string RightId)> pairs, bool unordered, string paramName)
    {
        var set = new HashSet<(string, string)>();
        foreach (var (left, right) in pairs)
        {
            set.Add(Create(left, right, unordered, paramName));
        }

        return set;
    }
}
