using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Tests.TestHelpers;

/// <summary>A CSV file's rows, header first, read with the tool's own CSV reader (<see cref="SimpleCsvTable"/>), so tests
/// that take values out of the sample extracts do not each carry a splitter of their own.</summary>
internal static class CsvRows
{
    /// <summary>Every row of <paramref name="path"/>, the header first; an empty cell is the empty string.</summary>
    public static string[][] Read(string path)
    {
        var rows = new List<string[]>();
        SimpleCsvTable.Read(
            path,
            header =>
            {
                rows.Add([.. header]);
                return [.. Enumerable.Range(0, header.Count)];
            },
            (_, values) => rows.Add([.. values.Select(value => value ?? string.Empty)]));
        return [.. rows];
    }
}
