using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using NhsIdentity.Matching.Splink;

namespace NhsIdentity.Cli.Outputs;

/// <summary>Writes a <see cref="SplinkPreparedTable"/> as one Parquet file (Parquet.Net), every column nullable, lists
/// as Parquet lists, so DuckDB, Spark and pandas read it as Splink's input.</summary>
internal static class SplinkParquet
{
    /// <summary>The Parquet bytes of the table (built in memory: the writer needs a seekable stream, and the CLI's
    /// outputs are written atomically from a temporary file).</summary>
    public static byte[] ToBytes(SplinkPreparedTable table)
    {
        var fields = new List<Field>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            fields.Add(column.Type switch
            {
                SplinkColumnType.BigInt => new DataField<long?>(column.Name),
                SplinkColumnType.Real => new DataField<double?>(column.Name),
                SplinkColumnType.Varchar => new DataField<string>(column.Name, nullable: true),
                SplinkColumnType.VarcharList => new ListField(column.Name, new DataField<string>("element", nullable: true)),
                _ => new ListField(column.Name, new DataField<long>("element")),
            });
        }

        var rows = new List<IDictionary<string, object?>>(table.RowCount);
        for (var i = 0; i < table.RowCount; i++)
        {
            var row = new Dictionary<string, object?>(table.Columns.Count, StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                // Parquet.Net's untyped serializer takes list elements as it stripes them: text as ReadOnlyMemory<char>.
                row[column.Name] = column.Values[i] is string[] texts
                    ? Array.ConvertAll(texts, static t => (ReadOnlyMemory<char>?)t.AsMemory())
                    : column.Values[i];
            }

            rows.Add(row);
        }

        using var buffer = new MemoryStream();
        ParquetSerializer.SerializeUntypedAsync(rows, new ParquetSchema(fields), buffer).GetAwaiter().GetResult();
        return buffer.ToArray();
    }
}
