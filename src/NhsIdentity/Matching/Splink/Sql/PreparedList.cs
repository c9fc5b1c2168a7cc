namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// A list value indexed when its record is prepared, for <c>array_length(list_intersect(a, b))</c>: its distinct
/// non-NULL elements ordered by <see cref="SqlValueHash"/>, when they are all of one hashed kind and no two distinct
/// ones share a hash (else <see cref="IsIndexed"/> is false and the pair counts as the interpreter does). Two indexed
/// lists of one kind then intersect in one merge of their hashes, each equal hash confirmed by comparing the values.
/// </summary>
internal sealed class PreparedList
{
    private PreparedList(SqlValueKind kind, long[] hashes, SqlValue[] elements, bool indexed)
    {
        Kind = kind;
        Hashes = hashes;
        Elements = elements;
        IsIndexed = indexed;
    }

    /// <summary>The kind of every element (<see cref="SqlValueKind.Null"/> when the list has no non-NULL element).</summary>
    public SqlValueKind Kind { get; }

    public long[] Hashes { get; }

    public SqlValue[] Elements { get; }

    public bool IsIndexed { get; }

    public static PreparedList Of(SqlValue[] items)
    {
        var kind = SqlValueKind.Null;
        var distinct = new List<(long Hash, SqlValue Value)>(items.Length);
        foreach (var item in items)
        {
            if (item.IsNull)
            {
                continue;
            }

            if (!(item.Kind == SqlValueKind.Text || SqlValueHash.IsValueKey(item.Kind)) || (kind != SqlValueKind.Null && item.Kind != kind))
            {
                return new PreparedList(kind, [], [], indexed: false);
            }

            kind = item.Kind;
            // Keys as hashes: a number's bits, with -0 as 0 and one NaN, so that equal numbers share one.
            var hash = item.Kind == SqlValueKind.Number && (item.Number == 0 || double.IsNaN(item.Number))
                ? (item.Number == 0 ? 0 : -1)
                : SqlValueHash.Of(item);
            var seen = false;
            foreach (var (otherHash, other) in distinct)
            {
                if (otherHash == hash)
                {
                    if (!Same(other, item))
                    {
                        // Two distinct elements share a hash: leave this list to the interpreter's count.
                        return new PreparedList(kind, [], [], indexed: false);
                    }

                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                distinct.Add((hash, item));
            }
        }

        distinct.Sort((x, y) => x.Hash.CompareTo(y.Hash));
        return new PreparedList(kind, [.. distinct.Select(d => d.Hash)], [.. distinct.Select(d => d.Value)], indexed: true);
    }

    /// <summary>Whether two non-NULL values of one hashed kind are equal as SQL compares them.</summary>
    public static bool Same(in SqlValue a, in SqlValue b) => a.Kind switch
    {
        SqlValueKind.Text => a.Text.Utf8.AsSpan().SequenceEqual(b.Text.Utf8),
        SqlValueKind.Number => a.Number.CompareTo(b.Number) == 0,
        _ => a.Integer == b.Integer,
    };

    /// <summary>The number of elements two indexed lists share (both <see cref="IsIndexed"/>, of one kind or empty).</summary>
    public static int SharedCount(PreparedList a, PreparedList b)
    {
        var x = a.Hashes;
        var y = b.Hashes;
        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] < y[j])
            {
                i++;
            }
            else if (x[i] > y[j])
            {
                j++;
            }
            else
            {
                shared += Same(a.Elements[i], b.Elements[j]) ? 1 : 0;
                i++;
                j++;
            }
        }

        return shared;
    }
}
