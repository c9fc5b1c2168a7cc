using System.Globalization;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>How two non-null SQL values compare and convert, following DuckDB's implicit casts for the pairs of types
/// Splink's levels produce: text is ordered by UTF-8 bytes (code points), a date meets a timestamp at midnight, text
/// meets a number or date by being cast to it.</summary>
internal static class SqlComparison
{
    public static int Compare(in SqlValue a, in SqlValue b, SqlExpression at)
    {
        if (a.Kind == b.Kind)
        {
            return a.Kind switch
            {
                SqlValueKind.Number => a.Number.CompareTo(b.Number),
                SqlValueKind.Text => a.Text.Utf8.AsSpan().SequenceCompareTo(b.Text.Utf8),
                SqlValueKind.List => CompareLists(a.List, b.List, at),
                _ => a.Integer.CompareTo(b.Integer),
            };
        }

        if (a.Kind is SqlValueKind.Date or SqlValueKind.Timestamp && b.Kind is SqlValueKind.Date or SqlValueKind.Timestamp)
        {
            return ToTimestamp(a).CompareTo(ToTimestamp(b));
        }

        if (a.Kind == SqlValueKind.Text)
        {
            return -Compare(b, a, at);
        }

        if (b.Kind == SqlValueKind.Text)
        {
            var converted = Cast(b, a.Kind, tryCast: false, at);
            return Compare(a, converted, at);
        }

        return ToNumber(a, at).CompareTo(ToNumber(b, at));
    }

    public static double ToNumber(in SqlValue value, SqlExpression at) => value.Kind switch
    {
        SqlValueKind.Number => value.Number,
        SqlValueKind.Boolean => value.Integer,
        SqlValueKind.Text when double.TryParse(value.Text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new SplinkSqlException(SplinkSqlError.InvalidValue, $"A {value.Kind} value was used as a number.", at.Condition),
    };

    public static long ToTimestamp(in SqlValue value) =>
        value.Kind == SqlValueKind.Date ? value.Integer * SqlDates.MicrosecondsPerDay : value.Integer;

    /// <summary>DuckDB's CAST (or TRY_CAST, which gives NULL instead of failing) between the supported types.</summary>
    public static SqlValue Cast(in SqlValue value, SqlValueKind target, bool tryCast, SqlExpression at)
    {
        if (value.IsNull || value.Kind == target)
        {
            return value;
        }

        switch (target)
        {
            case SqlValueKind.Text:
                return SqlValue.FromText(ToText(value));
            case SqlValueKind.Number when value.Kind == SqlValueKind.Text:
                if (double.TryParse(value.Text.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return SqlValue.FromNumber(number);
                }

                break;
            case SqlValueKind.Number when value.Kind == SqlValueKind.Boolean:
                return SqlValue.FromNumber(value.Integer);
            case SqlValueKind.Date when value.Kind == SqlValueKind.Text:
                if (SqlDates.TryParseIsoDate(value.Text.Value, out var days))
                {
                    return SqlValue.FromDate(days);
                }

                break;
            case SqlValueKind.Date when value.Kind == SqlValueKind.Timestamp:
                return SqlValue.FromDate(SqlDates.FloorDiv(value.Integer, SqlDates.MicrosecondsPerDay));
            case SqlValueKind.Timestamp when value.Kind == SqlValueKind.Text:
                if (SqlDates.TryParse(value.Text.Value, "%Y-%m-%d %H:%M:%S", out var micros)
                    || SqlDates.TryParse(value.Text.Value, "%Y-%m-%d", out micros))
                {
                    return SqlValue.FromTimestamp(micros);
                }

                break;
            case SqlValueKind.Timestamp when value.Kind == SqlValueKind.Date:
                return SqlValue.FromTimestamp(value.Integer * SqlDates.MicrosecondsPerDay);
            case SqlValueKind.Boolean when value.Kind == SqlValueKind.Number:
                return SqlValue.FromBoolean(value.Number != 0);
            default:
                break;
        }

        return tryCast
            ? SqlValue.Null
            : throw new SplinkSqlException(SplinkSqlError.InvalidValue, $"A {value.Kind} value could not be cast to {target}.", at.Condition);
    }

    /// <summary>DuckDB's text form of a value: dates <c>YYYY-MM-DD</c>, timestamps <c>YYYY-MM-DD HH:MM:SS</c>, whole
    /// numbers without a decimal point (an integer column's form; a DOUBLE column's <c>2.0</c> is written <c>2</c>).</summary>
    public static string ToText(in SqlValue value)
    {
        switch (value.Kind)
        {
            case SqlValueKind.Text:
                return value.Text.Value;
            case SqlValueKind.Null:
                return "NULL";
            case SqlValueKind.Boolean:
                return value.Boolean ? "true" : "false";
            case SqlValueKind.Number:
                return value.Number.ToString("R", CultureInfo.InvariantCulture);
            case SqlValueKind.Date:
                return FormatDate(value.Integer);
            case SqlValueKind.Timestamp:
                var days = SqlDates.FloorDiv(value.Integer, SqlDates.MicrosecondsPerDay);
                var micros = value.Integer - (days * SqlDates.MicrosecondsPerDay);
                var seconds = micros / 1_000_000;
                return string.Create(CultureInfo.InvariantCulture, $"{FormatDate(days)} {seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");
            default:
                return "[" + string.Join(", ", value.List.Select(item => ToText(item))) + "]";
        }
    }

    private static string FormatDate(long days)
    {
        var (year, month, day) = SqlDates.CivilFromDays(days);
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
    }

    private static int CompareLists(SqlValue[] a, SqlValue[] b, SqlExpression at)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i].IsNull || b[i].IsNull)
            {
                var nulls = (a[i].IsNull ? 1 : 0) - (b[i].IsNull ? 1 : 0);
                if (nulls != 0)
                {
                    return nulls;
                }

                continue;
            }

            var order = Compare(a[i], b[i], at);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
