using System.Globalization;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// One SQL value: NULL, a boolean, a number (every numeric type as a double, as DuckDB compares a DOUBLE with a
/// DECIMAL literal), text, a date (days since 1970-01-01), a timestamp (microseconds since 1970-01-01) or a list. A
/// struct, so evaluating a condition over a pair allocates nothing: text and lists are made when a record is prepared.
/// </summary>
internal readonly struct SqlValue
{
    private readonly object? _reference;

    private SqlValue(SqlValueKind kind, double number, long integer, object? reference)
    {
        Kind = kind;
        Number = number;
        Integer = integer;
        _reference = reference;
    }

    public static SqlValue Null => default;

    public static SqlValue True => new(SqlValueKind.Boolean, 0, 1, null);

    public static SqlValue False => new(SqlValueKind.Boolean, 0, 0, null);

    public SqlValueKind Kind { get; }

    /// <summary>The value of a number.</summary>
    public double Number { get; }

    /// <summary>The value of a boolean (0 or 1), a date (days) or a timestamp (microseconds).</summary>
    public long Integer { get; }

    public bool IsNull => Kind == SqlValueKind.Null;

    public bool Boolean => Integer != 0;

    public SqlText Text => (SqlText)_reference!;

    public SqlValue[] List => (SqlValue[])_reference!;

    public static SqlValue FromBoolean(bool value) => value ? True : False;

    public static SqlValue FromNumber(double value) => new(SqlValueKind.Number, value, 0, null);

    public static SqlValue FromText(SqlText value) => new(SqlValueKind.Text, 0, 0, value);

    public static SqlValue FromText(string value) => new(SqlValueKind.Text, 0, 0, new SqlText(value));

    public static SqlValue FromDate(long days) => new(SqlValueKind.Date, 0, days, null);

    public static SqlValue FromTimestamp(long microseconds) => new(SqlValueKind.Timestamp, 0, microseconds, null);

    public static SqlValue FromList(SqlValue[] items) => new(SqlValueKind.List, 0, 0, items);

    public static SqlValue FromError(SplinkSqlException error) => new(SqlValueKind.Error, 0, 0, error);

    public SplinkSqlException Error => (SplinkSqlException)_reference!;

    /// <summary>Converts a caller's value (string, number, bool, DateOnly, DateTime, a sequence) to a SQL value.</summary>
    public static SqlValue FromObject(object? value) => value switch
    {
        null or DBNull => Null,
        SqlValue v => v,
        string s => FromText(s),
        bool b => FromBoolean(b),
        double d => double.IsNaN(d) ? Null : FromNumber(d),
        float f => float.IsNaN(f) ? Null : FromNumber(f),
        int i => FromNumber(i),
        long l => FromNumber(l),
        short s => FromNumber(s),
        byte b => FromNumber(b),
        decimal m => FromNumber((double)m),
        DateOnly d => FromDate(d.DayNumber - SqlDates.EpochDayNumber),
        DateTime t => FromTimestamp((t.Ticks - DateTime.UnixEpoch.Ticks) / 10),
        System.Collections.IEnumerable items => FromList(ToItems(items)),
        _ => FromText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static SqlValue[] ToItems(System.Collections.IEnumerable items)
    {
        var list = new List<SqlValue>();
        foreach (var item in items)
        {
            list.Add(FromObject(item));
        }

        return [.. list];
    }
}
