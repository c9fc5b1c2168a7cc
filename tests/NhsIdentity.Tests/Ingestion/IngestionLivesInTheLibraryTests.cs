using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Ingestion;

/// <summary>
/// DESIGN.md: the CLI only composes the library; mapping columns and the read result live in the library, so an
/// in-process user gets exactly what nhsid does. The tool must keep no copy of them.
/// </summary>
public sealed class IngestionLivesInTheLibraryTests
{
    [Fact]
    public void The_tool_has_no_copy_of_the_library_ingestion_types()
    {
        string[] libraryOnly =
        [
            "ColumnMapping", "PatientField", "PatientFieldNames", "PatientRowSink", "PatientRowMapper", "PatientReadResult",
            "PatientCsvReadResult", "RowRejection", "RejectionReason", "RecordIds", "FullNameSplit", "ExcelNumberRecovery",
            "HeaderCheck", "IgnoredColumn",
        ];

        var toolTypes = typeof(SepPatientCsvReader).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var copies = libraryOnly.Where(toolTypes.Contains).ToArray();
        Assert.True(copies.Length == 0, "the tool keeps its own " + string.Join(", ", copies));
        Assert.Equal(typeof(PatientReadResult).Assembly, typeof(ColumnMapping).Assembly);
        Assert.Equal("NhsIdentity", typeof(ColumnMapping).Assembly.GetName().Name);
    }
}
