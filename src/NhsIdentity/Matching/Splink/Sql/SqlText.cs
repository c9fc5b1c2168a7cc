using System.Text;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// A text value with its UTF-8 bytes, made once when a record is prepared. DuckDB's string distances
/// (<c>levenshtein</c>, <c>damerau_levenshtein</c>, <c>jaro_similarity</c>, <c>jaro_winkler_similarity</c>,
/// <c>jaccard</c>) work on UTF-8 bytes, not chars, so a pair's comparison reads these bytes and allocates nothing.
/// </summary>
internal sealed class SqlText
{
    public SqlText(string value)
    {
        Value = value;
        Utf8 = Encoding.UTF8.GetBytes(value);
    }

    public string Value { get; }

    public byte[] Utf8 { get; }

    /// <summary>The number of Unicode code points (DuckDB's unit for <c>length</c>, <c>substring</c>, <c>left</c>).</summary>
    public static int CodePointCount(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>The <paramref name="length"/> code points from code point <paramref name="start"/>.</summary>
    public static string SliceCodePoints(string value, int start, int length)
    {
        var builder = new StringBuilder();
        var index = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (index >= start + length)
            {
                break;
            }

            if (index >= start)
            {
                builder.Append(rune.ToString());
            }

            index++;
        }

        return builder.ToString();
    }
}
