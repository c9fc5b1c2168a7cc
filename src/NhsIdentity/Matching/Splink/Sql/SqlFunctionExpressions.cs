using System.Text;
using System.Text.RegularExpressions;

namespace NhsIdentity.Matching.Splink.Sql;

internal enum StringDistance : byte
{
    Levenshtein,
    DamerauLevenshtein,
    Jaro,
    JaroWinkler,
    Jaccard,
}

internal enum DatePart : byte
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>The string distances, over the UTF-8 bytes prepared with each record: nothing is allocated per pair.</summary>
internal sealed class StringDistanceExpression(StringDistance distance, SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        var b = right.Evaluate(rows);
        if (a.IsNull || b.IsNull)
        {
            return SqlValue.Null;
        }

        return DuckDbStringDistances.TryMeasure(distance, TextOf(a), TextOf(b), out var value)
            ? SqlValue.FromNumber(value)
            : throw InvalidValue(JaccardOfEmpty);
    }

    /// <summary>The error detail of <c>jaccard</c> over an empty string (shared with the typed pair path).</summary>
    internal const string JaccardOfEmpty = "jaccard of an empty string (DuckDB raises \"An argument too short\").";

    private byte[] TextOf(in SqlValue value) =>
        value.Kind == SqlValueKind.Text ? value.Text.Utf8 : throw InvalidValue($"A {value.Kind} value was given to a string distance.");
}

internal sealed class AbsExpression(SqlExpression operand) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        return a.IsNull ? SqlValue.Null : SqlValue.FromNumber(Math.Abs(SqlComparison.ToNumber(a, this)));
    }
}

/// <summary>DuckDB's <c>date_diff(part, start, end)</c>: the number of part boundaries crossed from start to end
/// (months and years by calendar, not elapsed time; weeks are whole 7-day spans).</summary>
internal sealed class DateDiffExpression(DatePart part, SqlExpression start, SqlExpression end) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = start.Evaluate(rows);
        var b = end.Evaluate(rows);
        if (a.IsNull || b.IsNull)
        {
            return SqlValue.Null;
        }

        var from = DaysOf(a);
        var to = DaysOf(b);
        switch (part)
        {
            case DatePart.Day:
                return SqlValue.FromNumber(to - from);
            case DatePart.Week:
                return SqlValue.FromNumber((to - from) / 7);
            default:
                var (y1, m1, _) = SqlDates.CivilFromDays(from);
                var (y2, m2, _) = SqlDates.CivilFromDays(to);
                return SqlValue.FromNumber(part == DatePart.Year ? y2 - y1 : ((y2 - y1) * 12) + (m2 - m1));
        }
    }

    private long DaysOf(in SqlValue value) => value.Kind switch
    {
        SqlValueKind.Date => value.Integer,
        SqlValueKind.Timestamp => SqlDates.FloorDiv(value.Integer, SqlDates.MicrosecondsPerDay),
        _ => SqlComparison.Cast(value, SqlValueKind.Date, tryCast: false, this).Integer,
    };
}

/// <summary>DuckDB's <c>epoch</c>: seconds since 1970-01-01 of a date or timestamp, as a DOUBLE.</summary>
internal sealed class EpochExpression(SqlExpression operand) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        return a.Kind switch
        {
            SqlValueKind.Null => SqlValue.Null,
            SqlValueKind.Date or SqlValueKind.Timestamp => SqlValue.FromNumber(SqlComparison.ToTimestamp(a) / 1_000_000.0),
            _ => throw InvalidValue($"epoch of a {a.Kind} value."),
        };
    }
}

/// <summary><c>strptime</c> (fails the query on text that is not a date, as DuckDB does) and <c>try_strptime</c>
/// (NULL instead): a timestamp.</summary>
internal sealed class StrptimeExpression(SqlExpression operand, string format, bool tryParse) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        if (a.IsNull)
        {
            return SqlValue.Null;
        }

        if (a.Kind == SqlValueKind.Text && SqlDates.TryParse(a.Text.Value, format, out var micros))
        {
            return SqlValue.FromTimestamp(micros);
        }

        return tryParse ? SqlValue.Null : throw InvalidValue("strptime could not parse a value with the condition's format.");
    }
}

/// <summary>DuckDB's <c>substring(text, start[, length])</c> in code points: 1-based, 0 and negative starts counting as
/// DuckDB counts them, a negative length taking the chars before the start.</summary>
internal sealed class SubstringExpression(SqlExpression text, SqlExpression start, SqlExpression? length) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var s = text.Evaluate(rows);
        var b = start.Evaluate(rows);
        var l = length?.Evaluate(rows) ?? SqlValue.FromNumber(long.MaxValue / 4);
        if (s.IsNull || b.IsNull || l.IsNull)
        {
            return SqlValue.Null;
        }

        var value = SqlComparison.ToText(s);
        var count = SqlText.CodePointCount(value);
        var startAt = (long)SqlComparison.ToNumber(b, this);
        var take = (long)SqlComparison.ToNumber(l, this);
        var begin = startAt > 0 ? startAt - 1 : startAt == 0 ? -1 : count + startAt;
        long end;
        if (take >= 0)
        {
            end = begin + take;
        }
        else
        {
            end = begin;
            begin += take;
        }

        begin = Math.Clamp(begin, 0, count);
        end = Math.Clamp(end, 0, count);
        return SqlValue.FromText(end <= begin ? string.Empty : SqlText.SliceCodePoints(value, (int)begin, (int)(end - begin)));
    }
}

/// <summary>DuckDB's <c>left</c> / <c>right</c> in code points; a negative count leaves that many off the other end.</summary>
internal sealed class LeftRightExpression(SqlExpression text, SqlExpression count, bool fromLeft) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var s = text.Evaluate(rows);
        var n = count.Evaluate(rows);
        if (s.IsNull || n.IsNull)
        {
            return SqlValue.Null;
        }

        var value = SqlComparison.ToText(s);
        var length = SqlText.CodePointCount(value);
        var take = (long)SqlComparison.ToNumber(n, this);
        take = take >= 0 ? Math.Min(take, length) : Math.Max(0, length + take);
        return SqlValue.FromText(SqlText.SliceCodePoints(value, fromLeft ? 0 : (int)(length - take), (int)take));
    }
}

/// <summary><c>lower</c> / <c>upper</c> as DuckDB maps case (<see cref="DuckDbCaseMapping"/>).</summary>
internal sealed class CaseMapExpression(SqlExpression operand, bool upper) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        if (a.IsNull)
        {
            return SqlValue.Null;
        }

        var value = SqlComparison.ToText(a);
        return SqlValue.FromText(upper ? DuckDbCaseMapping.ToUpper(value) : DuckDbCaseMapping.ToLower(value));
    }
}

internal sealed class TextLengthExpression(SqlExpression operand) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        return a.Kind switch
        {
            SqlValueKind.Null => SqlValue.Null,
            SqlValueKind.List => SqlValue.FromNumber(a.List.Length),
            _ => SqlValue.FromNumber(SqlText.CodePointCount(SqlComparison.ToText(a))),
        };
    }
}

/// <summary><c>regexp_extract(text, pattern, group)</c>: the group's text of the first match, or empty text when there
/// is none (DuckDB's RE2 pattern run by .NET's engine, which agrees on the patterns Splink writes).</summary>
internal sealed class RegexpExtractExpression(SqlExpression operand, Regex pattern, int group) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        if (a.IsNull)
        {
            return SqlValue.Null;
        }

        var match = pattern.Match(SqlComparison.ToText(a));
        return SqlValue.FromText(match.Success ? match.Groups[group].Value : string.Empty);
    }
}

internal sealed class NullIfExpression(SqlExpression value, SqlExpression nullValue) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = value.Evaluate(rows);
        var b = nullValue.Evaluate(rows);
        return !a.IsNull && !b.IsNull && SqlComparison.Compare(a, b, this) == 0 ? SqlValue.Null : a;
    }
}

internal sealed class CoalesceExpression(SqlExpression[] operands) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        foreach (var operand in operands)
        {
            var a = operand.Evaluate(rows);
            if (!a.IsNull)
            {
                return a;
            }
        }

        return SqlValue.Null;
    }
}

/// <summary><c>least</c> / <c>greatest</c>, skipping NULLs as DuckDB does.</summary>
internal sealed class ExtremumExpression(SqlExpression[] operands, bool greatest) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var best = SqlValue.Null;
        foreach (var operand in operands)
        {
            var a = operand.Evaluate(rows);
            if (!a.IsNull && (best.IsNull || (SqlComparison.Compare(a, best, this) > 0) == greatest))
            {
                best = a;
            }
        }

        return best;
    }
}

/// <summary><c>array_length(list_intersect(a, b))</c>: the number of distinct non-null elements the lists share,
/// counted without building the intersection.</summary>
internal sealed class IntersectCountExpression(SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        var b = right.Evaluate(rows);
        if (a.IsNull || b.IsNull)
        {
            return SqlValue.Null;
        }

        if (a.Kind != SqlValueKind.List || b.Kind != SqlValueKind.List)
        {
            throw InvalidValue("list_intersect of a value that is not a list.");
        }

        var x = a.List;
        var y = b.List;
        var shared = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i].IsNull || SeenBefore(x, i) || !Contains(y, x[i]))
            {
                continue;
            }

            shared++;
        }

        return SqlValue.FromNumber(shared);
    }

    private bool SeenBefore(SqlValue[] items, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (!items[i].IsNull && SqlComparison.Compare(items[i], items[index], this) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool Contains(SqlValue[] items, in SqlValue item)
    {
        foreach (var candidate in items)
        {
            if (!candidate.IsNull && SqlComparison.Compare(candidate, item, this) == 0)
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class CastExpression(SqlExpression operand, SqlValueKind target, bool tryCast) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows) => SqlComparison.Cast(operand.Evaluate(rows), target, tryCast, this);
}

/// <summary><c>a || b</c>. Of two records' values it makes a string per pair; of one record's, it is prepared.</summary>
internal sealed class ConcatExpression(SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        var b = right.Evaluate(rows);
        return a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.FromText(SqlComparison.ToText(a) + SqlComparison.ToText(b));
    }
}
