using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Reporting;

/// <summary>Gathers what the report needs beyond the link itself: each input's counts (and, when values are shown,
/// its records). The ground truth is read by <see cref="TruthReading"/>, as for <c>nhsid evaluate</c>.</summary>
internal static class ReportSources
{
    /// <summary>
    /// Reads an input again for its counts, and its records when <paramref name="keepRecords"/>. The command's own
    /// reading returns only the prepared set, so the report reads the file a second time with the same mapping; the
    /// records come in the same order as the set's. Nothing is written (no rejects file). <paramref name="map"/> and
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
