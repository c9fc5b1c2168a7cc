namespace NhsIdentity.Matching.Splink;

/// <summary>One column of a <see cref="SplinkPreparedTable"/>: its name, type and a value per record (null where the
/// record has none).</summary>
/// <remarks>Immutable. <see cref="ToString"/> names the column and its type, never a value.</remarks>
public sealed class SplinkPreparedColumn
{
    internal SplinkPreparedColumn(string name, SplinkColumnType type, string description, object?[] values)
    {
        Name = name;
        Type = type;
        Description = description;
        Values = Array.AsReadOnly(values);
    }

    /// <summary>Gets the column's name (lower-case snake case, as the exported SQL names it with <c>_l</c>/<c>_r</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the column's type; each value is of the CLR type the type names, or null.</summary>
    public SplinkColumnType Type { get; }

    /// <summary>Gets what the column holds, in words.</summary>
    public string Description { get; }

    /// <summary>Gets the values, one per record in the table's order.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type})";
}
