using System.Globalization;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Outputs;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Commands;

/// <summary>Which read records <c>import</c> can store: those whose id came from the file. The readers give a row
/// with an empty id cell its row number as id, which is fine for one linkage run and wrong in a store (row 3 of
/// tomorrow's extract is somebody else). Those rows are set aside by row number.</summary>
internal static class ImportIds
{
    /// <summary>The records with an id from the file, and the row numbers of those without.</summary>
    /// <param name="read">What the reader returned (its records in row order, its rejections by row number).</param>
    /// <returns>The records to store and the row numbers set aside.</returns>
    public static (List<PatientRecord> Stored, List<long> WithoutId) Split(PatientReadResult read)
    {
        // With an id column, an empty cell leaves the id empty; without one the ids come from the local id column and
        // an empty cell there becomes the row number (ColumnMapping.ToRecord).
        var idFromIdColumn = read.Mapping?.HasIdColumn ?? true;
        var rejectedRows = new HashSet<long>(read.Rejections.Select(r => r.RowNumber));
        var stored = new List<PatientRecord>(read.Records.Count);
        var withoutId = new List<long>();
        long row = 0;
        foreach (var record in read.Records)
        {
            // Accepted records keep the file's order and fill the row numbers the rejections leave.
            do
            {
                row++;
            }
            while (rejectedRows.Contains(row));

            var hasId = idFromIdColumn ? !string.IsNullOrWhiteSpace(record.Id) : !string.IsNullOrWhiteSpace(record.LocalIdentifier);
            if (hasId)
            {
                stored.Add(record);
            }
            else
            {
                withoutId.Add(row);
            }
        }

        return (stored, withoutId);
    }

    /// <summary>Where the row numbers of rows without an id go: beside the store, as the reader's rejects do.</summary>
    public static string PathOf(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataPath)) ?? ".", Path.GetFileNameWithoutExtension(dataPath) + ".records.no-id.csv");

    /// <summary>Writes <c>row,reason</c> for each row set aside (staged: it lands with the run's other outputs).</summary>
    public static void Write(string path, IReadOnlyList<long> rows)
    {
        OutputSet.Declare("the rows without an id", path);
        using var file = new AtomicFileWriter(path);
        file.Writer.WriteLine("row,reason");
        foreach (var row in rows)
        {
            file.Writer.WriteLine(row.ToString(CultureInfo.InvariantCulture) + ",no id");
        }

        file.Commit();
    }
}
