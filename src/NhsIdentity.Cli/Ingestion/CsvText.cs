namespace NhsIdentity.Cli.Ingestion;

/// <summary>Small RFC 4180 helpers for the rows Sep hands over raw and for writing fields; a raw field's value is
/// <see cref="NhsIdentity.Ingestion.CsvField.ToValue"/>, the library reader's own rule.</summary>
internal static class CsvText
{
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
