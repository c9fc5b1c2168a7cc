using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>Where each id sits in a prepared set, for the commands that meet ids in another file (truth, labels) and
/// need the records behind them.</summary>
internal static class RecordPositions
{
    /// <summary>Each id's position; the first record with an id stands for it (ids are row keys, expected unique).</summary>
    public static Dictionary<string, int> ById(RecordSet set)
    {
        var positions = new Dictionary<string, int>(set.Count, StringComparer.Ordinal);
        for (var i = 0; i < set.Count; i++)
        {
            if (set.GetId(i) is { } id)
            {
                positions.TryAdd(id, i);
            }
        }

        return positions;
    }
}
