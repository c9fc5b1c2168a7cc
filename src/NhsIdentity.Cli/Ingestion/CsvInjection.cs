using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Neutralises CSV cells that a spreadsheet would run as a formula (OWASP "CSV Injection"): a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, which Excel and
/// LibreOffice take as "text" and do not show. An id such as <c>=HYPERLINK("http://...")</c> in a supplier extract
/// would otherwise become a live link, or worse, in the analyst's copy of <c>links.csv</c>.
/// </summary>
/// <remarks>
/// Applied to every cell the CLI writes that came from an input (record ids in links and clusters files, the copied
/// columns of <c>pseudonymise</c> and <c>filter-optouts</c>, their header cells) unless <c>--raw-cells</c> is given.
/// Not applied to rejects files: they are verbatim copies of input rows for repairing the source (no riskier to open
/// than the input itself), and a malformed row has no reliable cell boundaries to neutralise.
/// </remarks>
internal static class CsvInjection
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula when it starts with one.</summary>
    public const string Triggers = "=+-@\t\r";

    /// <summary>Whether a cell starts with a trigger character.</summary>
    /// <param name="cell">The cell's value.</param>
    /// <returns><see langword="true"/> when it would be read as a formula.</returns>
    public static bool StartsWithTrigger(ReadOnlySpan<char> cell) => !cell.IsEmpty && Triggers.Contains(cell[0]);

    /// <summary>The cell as written to an output: with a leading <c>'</c> when it starts with a trigger character,
    /// otherwise unchanged.</summary>
    /// <param name="cell">The cell's value; <see langword="null"/> stays <see langword="null"/>.</param>
    /// <returns>A value that never starts with a trigger character.</returns>
    public static string? Neutralise(string? cell) => cell is not null && StartsWithTrigger(cell) ? "'" + cell : cell;

    /// <summary>
    /// Undoes <see cref="Neutralise"/> when reading back a file the CLI wrote (<c>nhsid evaluate</c>): a leading
    /// <c>'</c> followed by a trigger character is removed, so <c>'-12</c> compares equal to the id <c>-12</c> in a
    /// truth file. An id that really begins with <c>'</c> and a trigger character cannot be told apart; ids do not.
    /// </summary>
    /// <param name="cell">The value read.</param>
    /// <returns>The value before neutralisation.</returns>
    public static string? Restore(string? cell) =>
        cell is { Length: >= 2 } && cell[0] == '\'' && StartsWithTrigger(cell.AsSpan(1)) ? cell[1..] : cell;

    /// <summary>
    /// Whether a raw field (as it appears in the file, quotes and padding kept) must be neutralised before it is
    /// copied: its value, or the field itself after leading spaces and an opening quote, starts with a trigger
    /// character (the second catches a tab or carriage return the value's trimming removed).
    /// </summary>
    /// <param name="raw">The raw field.</param>
    /// <returns><see langword="true"/> when the field may not be copied as it is.</returns>
    public static bool RawFieldNeedsNeutralising(ReadOnlySpan<char> raw)
    {
        var field = raw.TrimStart(' ');
        if (!field.IsEmpty && field[0] == '"')
        {
            field = field[1..];
        }

        return StartsWithTrigger(field) || StartsWithTrigger(CsvField.ToValue(raw));
    }

    /// <summary>Writes a raw row to a pass-through output, field by field only when one needs neutralising.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="row">The row.</param>
    /// <param name="separator">The file's separator.</param>
    /// <param name="rawCells">Whether <c>--raw-cells</c> was given.</param>
    public static void WriteRawRow(TextWriter writer, nietras.SeparatedValues.SepReader.Row row, char separator, bool rawCells)
    {
        var needed = false;
        for (var i = 0; !rawCells && !needed && i < row.ColCount; i++)
        {
            needed = RawFieldNeedsNeutralising(row[i].Span);
        }

        if (!needed)
        {
            writer.Write(row.Span);
        }
        else
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                if (i > 0)
                {
                    writer.Write(separator);
                }

                WriteRawField(writer, row[i].Span, rawCells);
            }
        }

        writer.Write('\n');
    }

    /// <summary>
    /// Writes a raw field to a pass-through output: as it is, or, when it needs neutralising and
    /// <paramref name="rawCells"/> is false, as its value with a leading <c>'</c>, quoted as CSV needs.
    /// </summary>
    /// <param name="writer">The output.</param>
    /// <param name="raw">The raw field.</param>
    /// <param name="rawCells">Whether <c>--raw-cells</c> was given.</param>
    public static void WriteRawField(TextWriter writer, ReadOnlySpan<char> raw, bool rawCells)
    {
        if (rawCells || !RawFieldNeedsNeutralising(raw))
        {
            writer.Write(raw);
            return;
        }

        writer.Write("\"'");
        writer.Write((CsvField.ToValue(raw) ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
