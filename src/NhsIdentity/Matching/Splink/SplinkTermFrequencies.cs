using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

/// <summary>
/// Term-frequency tables for a <see cref="SplinkModel"/>'s <c>tf_adjustment_column</c>s: for each column, each value's
/// share of the non-null values, as Splink computes them (<c>count(*) / count(column)</c> over all input rows, the
/// rows of both inputs when linking) or as a user supplies them.
/// </summary>
/// <remarks>Values are matched by their text form (DuckDB's cast to text), so one column should hold one type. Not
/// thread-safe while being filled; safe to share once filled.</remarks>
public sealed class SplinkTermFrequencies
{
    private readonly Dictionary<string, Dictionary<string, double>> _tables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the columns that have a table.</summary>
    public IEnumerable<string> Columns => _tables.Keys;

    /// <summary>Computes the tables of <paramref name="columns"/> from <paramref name="records"/>.</summary>
    /// <param name="records">All input rows (for a link, both inputs').</param>
    /// <param name="columns">The columns to tabulate.</param>
    /// <returns>The tables.</returns>
    public static SplinkTermFrequencies Compute(IEnumerable<SplinkRecord> records, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(columns);
        var result = new SplinkTermFrequencies();
        var names = columns.ToList();
        var counts = names.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToList();
        var totals = new long[names.Count];
        foreach (var record in records)
        {
            for (var c = 0; c < names.Count; c++)
            {
                var key = KeyOf(record[names[c]]);
                if (key is null)
                {
                    continue;
                }

                totals[c]++;
                counts[c][key] = counts[c].GetValueOrDefault(key) + 1;
            }
        }

        for (var c = 0; c < names.Count; c++)
        {
            var table = result.TableOf(names[c]);
            foreach (var (key, count) in counts[c])
            {
                table[key] = (double)count / totals[c];
            }
        }

        return result;
    }

    /// <summary>Sets one value's frequency (a table the user supplies, such as Splink's <c>__splink__df_tf_*</c>).</summary>
    /// <param name="column">The tf adjustment column.</param>
    /// <param name="value">The value (not null).</param>
    /// <param name="frequency">Its share of the column's non-null values, above 0 and at most 1.</param>
    public void Set(string column, object value, double frequency)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequency, 1);
        var key = KeyOf(value) ?? throw new ArgumentNullException(nameof(value));
        TableOf(column)[key] = frequency;
    }

    /// <summary>A value's frequency, or null when the value is null or not in the column's table (Splink then uses the
    /// other record's frequency, or makes no adjustment).</summary>
    /// <param name="column">The tf adjustment column.</param>
    /// <param name="value">The value.</param>
    /// <returns>The frequency, or null.</returns>
    public double? Frequency(string column, object? value)
    {
        var key = KeyOf(value);
        return key is not null && _tables.TryGetValue(column, out var table) && table.TryGetValue(key, out var f) ? f : null;
    }

    private Dictionary<string, double> TableOf(string column)
    {
        if (!_tables.TryGetValue(column, out var table))
        {
            table = new Dictionary<string, double>(StringComparer.Ordinal);
            _tables.Add(column, table);
        }

        return table;
    }

    private static string? KeyOf(object? value)
    {
        var sql = SqlValue.FromObject(value);
        return sql.IsNull ? null : SqlComparison.ToText(sql);
    }
}
