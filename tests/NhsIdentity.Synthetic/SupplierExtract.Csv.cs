using System.Globalization;

namespace NhsIdentity.Synthetic;

public static partial class SupplierExtract
{
    /// <summary>The header of truth files.</summary>
    public const string TruthHeader = "source,id,person_id";

    /// <summary>
    /// Writes an extract as CSV (header, then one line per row, <c>\n</c> line ends) and, optionally, its truth
    /// lines in the same pass, so a large extract is streamed once.
    /// </summary>
    /// <param name="data">Where the extract goes.</param>
    /// <param name="dialect">The layout (the header written; every row must follow it).</param>
    /// <param name="rows">The rows.</param>
    /// <param name="truth">Where truth lines (<c>source,id,person_id</c>) go, or <see langword="null"/>.</param>
    /// <param name="writeTruthHeader">Whether to write <see cref="TruthHeader"/> first (false when appending a second extract to one truth file).</param>
    /// <returns>The number of rows written.</returns>
    public static int WriteCsv(TextWriter data, SupplierDialect dialect, IEnumerable<SupplierRow> rows, TextWriter? truth = null, bool writeTruthHeader = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        CsvCodec.WriteRecord(data, SupplierRow.GetHeader(dialect));
        if (truth is not null && writeTruthHeader)
        {
            truth.Write(TruthHeader);
            truth.Write('\n');
        }

        var count = 0;
        foreach (var row in rows)
        {
            if (row.Dialect != dialect)
            {
                throw new ArgumentException("Every row must follow the dialect being written.", nameof(rows));
            }

            CsvCodec.WriteRecord(data, row.GetFields());
            if (truth is not null)
            {
                WriteTruthLine(truth, row);
            }

            count++;
        }

        return count;
    }

    /// <summary>Writes the truth of some rows: <see cref="TruthHeader"/>, then <c>source,id,person_id</c> per row.</summary>
    /// <param name="truth">Where to write.</param>
    /// <param name="rows">The rows (with their <see cref="SupplierRow.PersonId"/>).</param>
    public static void WriteTruthCsv(TextWriter truth, IEnumerable<SupplierRow> rows)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(rows);
        truth.Write(TruthHeader);
        truth.Write('\n');
        foreach (var row in rows)
        {
            WriteTruthLine(truth, row);
        }
    }

    /// <summary>Reads an extract written by <see cref="WriteCsv"/> (or any CSV with the dialect's header).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="dialect">The expected layout.</param>
    /// <returns>The rows, lazily, with <see cref="SupplierRow.PersonId"/> -1.</returns>
    /// <exception cref="FormatException">The header is not the dialect's, or a line is malformed.</exception>
    public static IEnumerable<SupplierRow> ReadCsv(TextReader reader, SupplierDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = SupplierRow.GetHeader(dialect);
        var first = true;
        foreach (var fields in CsvCodec.ReadRecords(reader))
        {
            if (first)
            {
                first = false;
                if (!fields.AsSpan().SequenceEqual(header.ToArray()))
                {
                    throw new FormatException("The header is not the " + SourceName(dialect) + " header: " + string.Join(',', header));
                }

                continue;
            }

            yield return SupplierRow.FromFields(dialect, fields);
        }
    }

    /// <summary>Reads a truth file: <c>source,id,person_id</c>, or <c>id,person_id</c> (source then empty).</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The truth rows, lazily.</returns>
    /// <exception cref="FormatException">The header is neither, or a person id is not an integer.</exception>
    public static IEnumerable<TruthRow> ReadTruthCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var withSource = false;
        var first = true;
        foreach (var fields in CsvCodec.ReadRecords(reader))
        {
            if (first)
            {
                first = false;
                withSource = string.Join(',', fields) switch
                {
                    TruthHeader => true,
                    "id,person_id" => false,
                    _ => throw new FormatException("A truth file starts with '" + TruthHeader + "' or 'id,person_id'."),
                };
                continue;
            }

            var offset = withSource ? 1 : 0;
            if (fields.Length != 2 + offset)
            {
                throw new FormatException("A truth line has " + (2 + offset) + " fields.");
            }

            yield return new TruthRow(
                withSource ? fields[0] : string.Empty,
                fields[offset],
                int.Parse(fields[offset + 1], NumberStyles.None, CultureInfo.InvariantCulture));
        }
    }

    private static void WriteTruthLine(TextWriter truth, SupplierRow row)
    {
        truth.Write(row.Source);
        truth.Write(',');
        CsvCodec.WriteField(truth, row.Id);
        truth.Write(',');
        truth.Write(row.PersonId.ToString(CultureInfo.InvariantCulture));
        truth.Write('\n');
    }
}
