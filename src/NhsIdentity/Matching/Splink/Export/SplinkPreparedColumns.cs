using System.Text;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Splink;

/// <summary>Names of the columns of a <see cref="SplinkPreparedTable"/> that callers refer to.</summary>
public static class SplinkPreparedColumns
{
    /// <summary>The unique id column (<c>unique_id_column_name</c> of the exported settings): the record's position.</summary>
    public const string UniqueId = "unique_id";

    /// <summary>The record's own id from the input.</summary>
    public const string RecordId = "record_id";

    /// <summary>The column holding a blocking rule's key: <c>block_</c> and the rule's name in snake case
    /// (<c>block_dob_family_soundex</c>).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The column name.</returns>
    public static string BlockingColumn(BlockingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var name = new StringBuilder("block_");
        foreach (var c in rule.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return name.ToString();
    }
}
