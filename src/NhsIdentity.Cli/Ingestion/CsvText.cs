namespace NhsIdentity.Cli.Ingestion;

/// <summary>Small RFC 4180 helpers for the fields Sep hands over raw (quotes kept) and for writing fields.</summary>
internal static class CsvText
{
    /// <summary>
    /// Turns a raw field into its value: surrounding spaces and tabs removed (FEBRL writes <c>", "</c> between
    /// fields), then, if the field is quoted, the outer quotes removed and each doubled quote made single. A field
    /// that starts with a quote but does not end with one is kept as it is.
    /// </summary>
    /// <param name="raw">The field as it appears in the file.</param>
    /// <returns>The value; <see langword="null"/> when it is empty.</returns>
    public static string? ToValue(ReadOnlySpan<char> raw)
    {
        var field = raw.Trim(" \t");
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"')
        {
            var inner = field[1..^1];
            return inner.Length == 0 ? null
                : inner.Contains('"') ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal)
                : inner.ToString();
        }

        return field.Length == 0 ? null : field.ToString();
    }

    /// <summary>Counts the quote characters in a raw row; an odd count means a quote was opened and never closed.</summary>
    /// <param name="row">The raw row text.</param>
    /// <returns>Whether the quotes are balanced.</returns>
    public static bool HasBalancedQuotes(ReadOnlySpan<char> row) => (row.Count('"') & 1) == 0;

    /// <summary>
    /// Writes one field, quoted when it holds a comma, a quote, a line break or surrounding spaces (which a reader
    /// would otherwise trim), with quotes doubled.
    /// </summary>
    /// <param name="writer">The destination.</param>
    /// <param name="value">The value; <see langword="null"/> is written as an empty field.</param>
    public static void WriteField(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ' && value[0] != '\t' && value[^1] != '\t')
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
