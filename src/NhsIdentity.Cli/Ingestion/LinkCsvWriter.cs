using System.Globalization;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Writes the CSV outputs of <c>nhsid link</c>/<c>dedupe</c>: scored pairs
/// (<c>left_id,right_id,match_weight,match_probability,decision[,explanation columns...]</c>) and cluster
/// assignments (<c>id,cluster_id,source</c>).
/// </summary>
/// <remarks>
/// Numbers use the invariant culture: the weight with four decimals (<c>F4</c>), the probability round-trippable
/// (<c>R</c>, so 0.999999999 is not printed as 1). Lines end with LF; fields are quoted only when needed
/// (<see cref="CsvText.WriteField"/>). The path overloads write a temporary file and rename it, so a failed run never
/// leaves a partial output behind. Inputs are plain strings and numbers, so the writer does not depend on matcher
/// types. Record ids come from the inputs and are neutralised (<see cref="CsvInjection"/>) unless <c>rawCells</c>;
/// everything else in these files is the tool's own text.
/// </remarks>
internal static class LinkCsvWriter
{
    /// <summary>The fixed columns of a pairs file.</summary>
    public static readonly IReadOnlyList<string> PairColumns = ["left_id", "right_id", "match_weight", "match_probability", "decision"];

    /// <summary>The columns of a clusters file: <c>source</c> comes last so files read by position before it was
    /// added still find <c>id,cluster_id</c> first. <c>nhsid evaluate</c> reads the file as a truth file with sources.</summary>
    public static readonly IReadOnlyList<string> ClusterColumns = ["id", "cluster_id", "source"];

    /// <summary>Writes scored pairs to a file (temporary file, then rename).</summary>
    /// <param name="path">The output file.</param>
    /// <param name="rows">The pairs, in the order to write.</param>
    /// <param name="explanationColumns">
    /// The names of the extra columns, or <see langword="null"/> to take them from the first row's explanation.
    /// </param>
    /// <param name="rawCells">Whether to write ids as they are (<c>--raw-cells</c>) instead of neutralised.</param>
    /// <returns>The number of pairs written.</returns>
    /// <exception cref="ArgumentException">A row's explanation names differ from the header's.</exception>
    public static long WritePairs(string path, IEnumerable<LinkRow> rows, IReadOnlyList<string>? explanationColumns = null, bool rawCells = false)
    {
        long written = 0;
        AtomicFileWriter.Write(path, writer => written = WritePairs(writer, rows, explanationColumns, rawCells));
        return written;
    }

    /// <summary>Writes scored pairs to a writer (for example standard output).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="rows">The pairs, in the order to write.</param>
    /// <param name="explanationColumns">
    /// The names of the extra columns, or <see langword="null"/> to take them from the first row's explanation.
    /// </param>
    /// <param name="rawCells">Whether to write ids as they are (<c>--raw-cells</c>) instead of neutralised.</param>
    /// <returns>The number of pairs written.</returns>
    /// <exception cref="ArgumentException">A row's explanation names differ from the header's.</exception>
    public static long WritePairs(TextWriter writer, IEnumerable<LinkRow> rows, IReadOnlyList<string>? explanationColumns = null, bool rawCells = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);

        using var enumerator = rows.GetEnumerator();
        var hasFirst = enumerator.MoveNext();
        var extras = explanationColumns ?? NamesOf(hasFirst ? enumerator.Current.Explanation : null);
        WriteHeader(writer, PairColumns, extras);
        if (!hasFirst)
        {
            return 0;
        }

        long written = 0;
        do
        {
            var row = enumerator.Current;
            CheckExplanation(row.Explanation, extras, written + 1, nameof(rows));
            WriteId(writer, row.LeftId, rawCells);
            writer.Write(',');
            WriteId(writer, row.RightId, rawCells);
            writer.Write(',');
            WriteNumber(writer, row.MatchWeight, "F4");
            writer.Write(',');
            WriteNumber(writer, row.MatchProbability, "R");
            writer.Write(',');
            writer.Write(row.Decision == LinkDecision.Match ? "match" : "review");
            if (row.Explanation is { } explanation)
            {
                foreach (var (_, value) in explanation)
                {
                    writer.Write(',');
                    CsvText.WriteField(writer, value);
                }
            }

            writer.Write('\n');
            written++;
        }
        while (enumerator.MoveNext());

        return written;
    }

    /// <summary>Writes cluster assignments to a file (temporary file, then rename).</summary>
    /// <param name="path">The output file.</param>
    /// <param name="assignments">Each record's source, id and cluster id.</param>
    /// <param name="rawCells">Whether to write ids as they are (<c>--raw-cells</c>) instead of neutralised.</param>
    /// <returns>The number of rows written.</returns>
    public static long WriteClusters(string path, IEnumerable<ClusterRow> assignments, bool rawCells = false)
    {
        long written = 0;
        AtomicFileWriter.Write(path, writer => written = WriteClusters(writer, assignments, rawCells));
        return written;
    }

    /// <summary>Writes cluster assignments to a writer.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="assignments">Each record's source, id and cluster id.</param>
    /// <param name="rawCells">Whether to write ids as they are (<c>--raw-cells</c>) instead of neutralised.</param>
    /// <returns>The number of rows written.</returns>
    public static long WriteClusters(TextWriter writer, IEnumerable<ClusterRow> assignments, bool rawCells = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(assignments);

        WriteHeader(writer, ClusterColumns, []);
        long written = 0;
        foreach (var (source, id, cluster) in assignments)
        {
            WriteId(writer, id, rawCells);
            writer.Write(',');
            CsvText.WriteField(writer, cluster);
            writer.Write(',');
            CsvText.WriteField(writer, source);
            writer.Write('\n');
            written++;
        }

        return written;
    }

    private static void WriteId(TextWriter writer, string id, bool rawCells) =>
        CsvText.WriteField(writer, rawCells ? id : CsvInjection.Neutralise(id));

    private static string[] NamesOf((string Name, string Value)[]? explanation)
    {
        if (explanation is null)
        {
            return [];
        }

        var names = new string[explanation.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = explanation[i].Name;
        }

        return names;
    }

    private static void CheckExplanation((string Name, string Value)[]? explanation, IReadOnlyList<string> columns, long rowNumber, string paramName)
    {
        var count = explanation?.Length ?? 0;
        var same = count == columns.Count;
        for (var i = 0; same && i < count; i++)
        {
            same = string.Equals(explanation![i].Name, columns[i], StringComparison.Ordinal);
        }

        if (!same)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Pair {rowNumber} has explanation columns that differ from the header's ({string.Join(", ", columns)})."),
                paramName);
        }
    }

    private static void WriteHeader(TextWriter writer, IReadOnlyList<string> fixedColumns, IReadOnlyList<string> extraColumns)
    {
        for (var i = 0; i < fixedColumns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(fixedColumns[i]);
        }

        foreach (var name in extraColumns)
        {
            writer.Write(',');
            CsvText.WriteField(writer, name);
        }

        writer.Write('\n');
    }

    private static void WriteNumber(TextWriter writer, double value, string format) =>
        writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
}

/// <summary>One row of a clusters file.</summary>
/// <param name="Source">The input the record came from: <c>left</c>, <c>right</c>, or <c>records</c> for <c>dedupe</c>.</param>
/// <param name="Id">The record id.</param>
/// <param name="ClusterId">The cluster (person) id.</param>
internal readonly record struct ClusterRow(string Source, string Id, string ClusterId);
