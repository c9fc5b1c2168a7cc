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
    /// <summary>The two records' packed values (<see cref="PackedRow"/>); <see cref="Cells"/> is where their keys start.</summary>
    public long[] LeftPacked;
    public long[] RightPacked;
    public int Cells;

    /// <summary>The two records' list values indexed for intersection (null when a record has none).</summary>
    public PreparedList?[]? LeftLists;
    public PreparedList?[]? RightLists;

    /// <summary>Per shared condition part: 0 not yet evaluated for this pair, else its <see cref="Tri"/> + 1.</summary>
    public Span<byte> Truths;

    /// <summary>Per shared number: 0 not yet evaluated, 1 NULL, 2 the value in <see cref="Numbers"/>.</summary>
    public Span<byte> NumberStates;

    public Span<double> Numbers;

    public readonly SqlRows Rows => new(Left, Right);
}

/// <summary>
/// The key a prepared value is stored with beside its kind, in two small arrays per record that a pair reads instead
/// of the record's <see cref="SqlValue"/> row (which, with its text objects, spans many cache lines): a number's bits,
/// a date's days, a timestamp's microseconds, a boolean's 0 or 1 — the value itself, so a typed condition compares and
/// computes with it directly — and text's XxHash3 of its UTF-8 bytes, so that two texts with different keys are unequal
/// without being read. NULL, lists and errors have key 0 and are always read from the row.
/// </summary>
internal static class SqlValueHash
{
    public static long Of(in SqlValue value) => value.Kind switch
    {
        SqlValueKind.Text => unchecked((long)System.IO.Hashing.XxHash3.HashToUInt64(value.Text.Utf8)),
        SqlValueKind.Number => BitConverter.DoubleToInt64Bits(value.Number),
        SqlValueKind.Date or SqlValueKind.Timestamp or SqlValueKind.Boolean => value.Integer,
        _ => 0,
    };

    /// <summary>The value of a key of a number, date, timestamp or boolean (<see cref="IsValueKey"/>).</summary>
    public static SqlValue ValueOf(SqlValueKind kind, long key) => kind switch
    {
        SqlValueKind.Number => SqlValue.FromNumber(BitConverter.Int64BitsToDouble(key)),
        SqlValueKind.Date => SqlValue.FromDate(key),
        SqlValueKind.Timestamp => SqlValue.FromTimestamp(key),
        _ => SqlValue.FromBoolean(key != 0),
    };

    /// <summary>Whether a kind's key is its value (numbers, dates, timestamps, booleans).</summary>
    public static bool IsValueKey(SqlValueKind kind) =>
        kind is SqlValueKind.Number or SqlValueKind.Date or SqlValueKind.Timestamp or SqlValueKind.Boolean;
}
