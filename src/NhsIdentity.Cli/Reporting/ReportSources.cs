using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Reporting;

/// <summary>Reads an extract again for a command that was not given it as an input of its own run (<c>nhsid evaluate
/// --left/--right</c> for the group table): its counts, and its records when asked. A link or dedupe run keeps the
/// records it read instead (<see cref="ReadInput"/>).</summary>
internal static class ReportSources
{
    /// <summary>
    /// Reads an input for its counts, and its records when <paramref name="keepRecords"/>, with the mapping a run would
    /// use; the records come in the order a run's set has them. Nothing is written (no rejects file). <paramref name="map"/> and
    /// <paramref name="sheet"/> are this input's own (<c>--map</c> with <c>--map-left</c> or <c>--map-right</c>,
    /// <c>--sheet</c>), as the run read it.
    /// </summary>
    public static (ReportInput Input, IReadOnlyList<PatientRecord>? Records) ReadInput(string path, string label, InputColumnMap map,
        InputFormat format, bool keepRecords, bool noHeader, string? sheet)
    {
        // The same reader as the run's (CSV, HL7 v2, ...), with no rejects file: the run has written that already.
        var columns = format.AcceptsColumnMap;
        var read = format.Read(path, new PatientSourceOptions(columns ? map.Strict : [], RejectsPath: null, noHeader && columns)
        {
            LenientColumnOverrides = columns ? map.Lenient : [],
            Sheet = sheet,
        });
        return (new ReportInput(label, Path.GetFileName(path), read.ItemsRead, read.Accepted, read.Rejected), keepRecords ? read.Records : null);
    }
}
