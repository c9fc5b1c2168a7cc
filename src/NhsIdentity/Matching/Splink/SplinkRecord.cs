namespace NhsIdentity.Matching.Splink;

/// <summary>
/// One input row for a <see cref="SplinkModel"/>: values keyed by column name, as the model's SQL names them
/// (case-insensitive, as DuckDB's identifiers are). A value may be null, a string, a number, a bool, a
/// <see cref="DateOnly"/> (DuckDB DATE), a <see cref="DateTime"/> (TIMESTAMP) or a sequence (a LIST, for array levels).
/// </summary>
/// <remarks><see cref="ToString"/> shows the column names only, never a value.</remarks>
public sealed class SplinkRecord
{
    private readonly Dictionary<string, object?> _values;

    /// <summary>Creates a record from column values.</summary>
    /// <param name="values">The values by column name; columns the model does not read are ignored.</param>
    public SplinkRecord(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, value) in values)
        {
            _values[column] = value;
        }
    }

    /// <summary>Gets the column names this record has.</summary>
    public IEnumerable<string> Columns => _values.Keys;

    /// <summary>Gets a column's value, or null when the record lacks the column.</summary>
    /// <param name="column">The column name (case-insensitive).</param>
    /// <returns>The value, or null.</returns>
    public object? this[string column] => _values.GetValueOrDefault(column);

    /// <summary>Whether the record has a column of that name (its value may still be null).</summary>
    /// <param name="column">The column name (case-insensitive).</param>
    /// <returns>True when the column is present.</returns>
    public bool HasColumn(string column) => _values.ContainsKey(column);

    /// <inheritdoc/>
    public override string ToString() => $"SplinkRecord({string.Join(", ", _values.Keys)})";
}
