using System.Globalization;

namespace NhsIdentity.Ingestion;

/// <summary>
/// The ids seen so far in one input, so a repeated id sets the later row aside instead of silently becoming two
/// records under one id (self-pairs in a deduplication, one id in two clusters). Ids of different inputs (the left
/// and right of <c>link</c>) are separate: each input gets its own instance.
/// </summary>
/// <param name="item">What the input's items are called in messages: <c>row</c>, <c>message</c>, <c>resource</c>.</param>
internal sealed class RecordIds(string item = "row")
{
    private readonly Dictionary<string, long> firstRow = new(StringComparer.Ordinal);

    /// <summary>Records an id; says why the item must be set aside when it cannot be used.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="itemNumber">The item's 1-based row (or message) number.</param>
    /// <param name="rejection">The reason and detail (counts and row numbers only) when the id is empty or repeated.</param>
    /// <returns><see langword="true"/> when the id is new and the item may be kept.</returns>
    public bool TryAdd(string? id, long itemNumber, out (RejectionReason Reason, string Detail) rejection)
    {
        if (string.IsNullOrEmpty(id))
        {
            rejection = (RejectionReason.EmptyId, "(the id column is empty)");
            return false;
        }

        if (firstRow.TryGetValue(id, out var first))
        {
            rejection = (RejectionReason.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"(first at {item} {first})"));
            return false;
        }

        firstRow.Add(id, itemNumber);
        rejection = default;
        return true;
    }
}
