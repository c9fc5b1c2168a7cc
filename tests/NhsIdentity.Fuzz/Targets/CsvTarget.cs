using System.Text;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>csv</c>: the CLI's patient CSV ingestion (<see cref="SepPatientCsvReader"/>) and the library's streaming
/// <see cref="PatientCsvReader"/> read any bytes without an unexpected exception: problems with the whole file are
/// <see cref="IngestionException"/> (<see cref="PatientFileFormatException"/> for the library), bad rows are
/// rejections, and the counts reconcile (rows read = accepted + rejected). Accepted records then prepare into a
/// <see cref="RecordSet"/>.
/// </summary>
internal static class CsvTarget
{
    private const int MaxRecordsToPrepare = 64;

    public static void Run(ReadOnlySpan<byte> data)
    {
        // As read from a file: byte-order marks decide the encoding, UTF-8 otherwise.
        var bytes = data.ToArray();
        using (var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            Read(reader, new PatientCsvReadOptions());
        }

        // A small field limit, so the field-too-long rejection is reached by short inputs.
        using (var reader = new StringReader(FuzzText.DecodeUtf8(data)))
        {
            Read(reader, new PatientCsvReadOptions { MaxFieldLength = 8 });
        }

        using (var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            ReadWithLibrary(reader, new PatientCsvOptions());
        }

        using (var reader = new StringReader(FuzzText.DecodeUtf8(data)))
        {
            ReadWithLibrary(reader, new PatientCsvOptions { MaxFieldLength = 8, MaxRowLength = 64 });
        }
    }

    private static void ReadWithLibrary(TextReader reader, PatientCsvOptions options)
    {
        PatientReadResult result;
        try
        {
            result = PatientCsvReader.Read(reader, options);
        }
        catch (PatientFileFormatException)
        {
            return;
        }

        Check(result);
    }

    private static void Read(TextReader reader, PatientCsvReadOptions options)
    {
        PatientReadResult result;
        try
        {
            result = SepPatientCsvReader.Read(reader, options);
        }
        catch (IngestionException)
        {
            return;
        }

        Check(result);
    }

    private static void Check(PatientReadResult result)
    {
        Invariant.Holds(result.Accepted + result.Rejected == result.ItemsRead && result.Reconciles, "rows read = accepted + rejected");
        Invariant.Holds(result.BlankRowsSkipped >= 0, "the blank-line count is not negative");
        long previousRow = 0;
        foreach (var rejection in result.Rejections)
        {
            Invariant.Holds(rejection.RowNumber > previousRow && rejection.RowNumber <= result.ItemsRead, "rejections are in row order, within the rows read");
            previousRow = rejection.RowNumber;
        }

        var records = new List<PatientRecord>(Math.Min(result.Records.Count, MaxRecordsToPrepare));
        for (var i = 0; i < result.Records.Count && i < MaxRecordsToPrepare; i++)
        {
            records.Add(result.Records[i]);
        }

        var set = new RecordSet(records);
        for (var i = 0; i < set.Count; i++)
        {
            ScoreChecks.Check(MatchModel.Default.Score(set, i, set, 0));
        }
    }
}
