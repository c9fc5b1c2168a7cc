using System.Text;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>csv</c>: the CLI's patient CSV ingestion (<see cref="PatientCsvReader"/>) reads any bytes without an
/// unexpected exception: problems with the whole file are <see cref="IngestionException"/>, bad rows are rejections,
/// and the counts reconcile (rows read = accepted + rejected). Accepted records then prepare into a
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
    }

    private static void Read(TextReader reader, PatientCsvReadOptions options)
    {
        PatientCsvReadResult result;
        try
        {
            result = PatientCsvReader.Read(reader, options);
        }
        catch (IngestionException)
        {
            return;
        }

        Invariant.Holds(result.Accepted + result.Rejected == result.RowsRead, "rows read = accepted + rejected");
        Invariant.Holds(result.BlankLinesSkipped >= 0, "the blank-line count is not negative");
        long previousRow = 0;
        foreach (var rejection in result.Rejections)
        {
            Invariant.Holds(rejection.RowNumber > previousRow && rejection.RowNumber <= result.RowsRead, "rejections are in row order, within the rows read");
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
