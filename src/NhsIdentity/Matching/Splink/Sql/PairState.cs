namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>SQL's three truth values, as a typed level condition yields them (<see cref="PairPredicate"/>).</summary>
internal enum Tri : byte
{
    False = 0,
    True = 1,
    Null = 2,
}

/// <summary>
/// What a typed level condition reads while one pair is scored: the two records' prepared values and value hashes,
/// and the pair's scratch — the truth of each condition part the model repeats and the value of each string distance
/// (or other costly two-record number) it shares, computed at most once per pair. The scratch lives on the scorer's
/// stack (<c>stackalloc</c>), so a pair allocates nothing and the model stays immutable and thread-safe.
/// </summary>
internal ref struct PairState
{
    public SqlValue[] Left;
    public SqlValue[] Right;
    public long[] LeftHashes;
    public long[] RightHashes;

    /// <summary>Per shared condition part: 0 not yet evaluated for this pair, else its <see cref="Tri"/> + 1.</summary>
    public Span<byte> Truths;

    /// <summary>Per shared number: 0 not yet evaluated, 1 NULL, 2 the value in <see cref="Numbers"/>.</summary>
    public Span<byte> NumberStates;

    public Span<double> Numbers;

    public readonly SqlRows Rows => new(Left, Right);
}

/// <summary>The hash a prepared value is stored with, so that the typed scorer can tell most unequal values apart
/// without comparing them: two values of one kind that SQL calls equal have the same hash (text by its UTF-8 bytes,
/// numbers with -0 as 0 and one NaN, dates, timestamps and booleans by their integer). Values of other kinds (NULL,
/// lists, errors) hash to 0 and are never compared by hash.</summary>
internal static class SqlValueHash
{
    public static long Of(in SqlValue value) => value.Kind switch
    {
        SqlValueKind.Text => unchecked((long)System.IO.Hashing.XxHash3.HashToUInt64(value.Text.Utf8)),
        SqlValueKind.Number => value.Number == 0 ? 0 : double.IsNaN(value.Number) ? -1 : BitConverter.DoubleToInt64Bits(value.Number),
        SqlValueKind.Date or SqlValueKind.Timestamp or SqlValueKind.Boolean => value.Integer,
        _ => 0,
    };

    /// <summary>Whether a kind's equal values always have equal hashes (<see cref="Of"/>).</summary>
    public static bool IsHashed(SqlValueKind kind) =>
        kind is SqlValueKind.Text or SqlValueKind.Number or SqlValueKind.Date or SqlValueKind.Timestamp or SqlValueKind.Boolean;
}
