using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Ingestion;

/// <summary>
/// Random extracts of good and malformed rows (wrong field counts, over-long fields and rows, empty and repeated ids,
/// a quote never closed, blank lines, LF or CRLF) read by the library's streaming <see cref="PatientCsvReader"/>:
/// every row is counted once, as accepted or as rejected with the right reason and row number, good rows come back
/// with the values written, and the tool's Sep-based reader, which hands its rows to the same
/// <see cref="PatientRowMapper"/>, reads the same records and rejections.
/// </summary>
public sealed class PatientCsvReaderProperties
{
    private const int MaxFieldLength = 40;
    private const int MaxRowLength = 200;

    private enum Kind
    {
        Good,
        TooFew,
        TooMany,
        FieldTooLong,
        RowTooLong,
        EmptyId,
        DuplicateId,
    }

    private sealed record GeneratedRow(Kind Kind, string?[] Values, bool BlankLineAfter);

    private static Gen<string?> Value =>
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (6, Gen.Choose(1, 8).SelectMany(length => Gen.ArrayOf(Gen.Elements("abcXYZ019 ,\"-'\n".ToCharArray()), length))
                .Select(chars => (string?)new string(chars))));

    private static Gen<GeneratedRow> Row =>
        from kind in Gen.Frequency(
            (8, Gen.Constant(Kind.Good)), (1, Gen.Constant(Kind.TooFew)), (1, Gen.Constant(Kind.TooMany)), (1, Gen.Constant(Kind.FieldTooLong)),
            (1, Gen.Constant(Kind.RowTooLong)), (1, Gen.Constant(Kind.EmptyId)), (1, Gen.Constant(Kind.DuplicateId)))
        from count in kind switch
        {
            Kind.TooFew => Gen.Choose(1, 3),
            Kind.TooMany => Gen.Choose(5, 7),
            _ => Gen.Constant(4),
        }
        from values in Gen.ArrayOf(Value, count)
        from blank in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new GeneratedRow(kind, values, blank);

    private static Arbitrary<(GeneratedRow[] Rows, bool Crlf, bool UnbalancedLast)> Files =>
        Arb.From(
            from rows in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Row, n))
            from crlf in Gen.Elements(false, true)
            from unbalanced in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (rows, crlf, unbalanced));

    [Property(MaxTest = 300)]
    public Property Rows_read_equals_accepted_plus_rejected_and_each_row_is_classified_right() =>
        Prop.ForAll(Files, file =>
        {
            var (rows, blankLines, text) = Write(file);
            var result = PatientCsvReader.Read(new StringReader(text), new PatientCsvOptions { MaxFieldLength = MaxFieldLength, MaxRowLength = MaxRowLength });

            // Row 1 is the seed row whose id the duplicates repeat.
            var expectedRows = 1 + rows.Length + (file.UnbalancedLast ? 1 : 0);
            var reconciles = result.Reconciles
                && result.ItemsRead == expectedRows
                && result.Accepted == 1 + rows.Count(r => r.Kind == Kind.Good)
                && result.BlankRowsSkipped == blankLines
                && result.CountRejected(RejectionReason.TooFewFields) == rows.Count(r => r.Kind == Kind.TooFew)
                && result.CountRejected(RejectionReason.TooManyFields) == rows.Count(r => r.Kind == Kind.TooMany)
                && result.CountRejected(RejectionReason.FieldTooLong) == rows.Count(r => r.Kind == Kind.FieldTooLong)
                && result.CountRejected(RejectionReason.RowTooLong) == rows.Count(r => r.Kind == Kind.RowTooLong)
                && result.CountRejected(RejectionReason.EmptyId) == rows.Count(r => r.Kind == Kind.EmptyId)
                && result.CountRejected(RejectionReason.DuplicateId) == rows.Count(r => r.Kind == Kind.DuplicateId)
                && result.CountRejected(RejectionReason.UnbalancedQuote) == (file.UnbalancedLast ? 1 : 0);

            // Each rejection names the row (1-based, in file order) that was malformed, and no value.
            var expectedRejected = new List<long>();
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i].Kind != Kind.Good)
                {
                    expectedRejected.Add(i + 2);
                }
            }

            if (file.UnbalancedLast)
            {
                expectedRejected.Add(rows.Length + 2);
            }

            var rowNumbersRight = result.Rejections.Select(r => r.RowNumber).SequenceEqual(expectedRejected);

            // Good rows round-trip through the writer's escaping and the reader's unescaping.
            var goodRows = rows.Where(r => r.Kind == Kind.Good).ToArray();
            var roundTrips = goodRows.Length + 1 == result.Records.Count;
            for (var i = 0; i < goodRows.Length && i + 1 < result.Records.Count; i++)
            {
                var record = result.Records[i + 1];
                roundTrips &= record.GivenNames == goodRows[i].Values[1]
                    && record.FamilyName == goodRows[i].Values[2]
                    && record.Postcode == goodRows[i].Values[3];
            }

            return (reconciles && rowNumbersRight && roundTrips).Label(text);
        });

    [Property(MaxTest = 200)]
    public Property The_tools_reader_and_the_library_reader_agree_row_for_row() =>
        Prop.ForAll(Files, file =>
        {
            // Rows too long are cut differently (the tool's limiter works on Sep's view), so they are left out here.
            var (_, _, text) = Write(file with { Rows = [.. file.Rows.Where(r => r.Kind != Kind.RowTooLong)] });
            var library = PatientCsvReader.Read(new StringReader(text), new PatientCsvOptions { MaxFieldLength = MaxFieldLength });
            var tool = SepPatientCsvReader.Read(new StringReader(text), new PatientCsvReadOptions { MaxFieldLength = MaxFieldLength });

            var same = library.ItemsRead == tool.ItemsRead
                && library.BlankRowsSkipped == tool.BlankRowsSkipped
                && library.Records.SequenceEqual(tool.Records)
                && library.Rejections.Select(r => (r.RowNumber, r.Reason)).SequenceEqual(tool.Rejections.Select(r => (r.RowNumber, r.Reason)));
            return same.Label(text);
        });

    private static (GeneratedRow[] Rows, int BlankLines, string Text) Write((GeneratedRow[] Rows, bool Crlf, bool UnbalancedLast) file)
    {
        var (rows, crlf, unbalancedLast) = file;
        var newline = crlf ? "\r\n" : "\n";
        var text = new StringBuilder("id,given_name,family_name,postcode").Append(newline).Append("dup,Seed,Row,").Append(newline);
        var blankLines = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            AppendRow(text, i, rows[i]);
            text.Append(newline);
            if (rows[i].BlankLineAfter)
            {
                text.Append(newline);
                blankLines++;
            }
        }

        if (unbalancedLast)
        {
            text.Append("u,\"never closed,x,y").Append(newline);
        }

        return (rows, blankLines, text.ToString());
    }

    private static void AppendRow(StringBuilder text, int index, GeneratedRow row)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        // Ids are never empty (so no row is blank) except where the row is meant to have an empty one; a duplicate
        // repeats the seed row's id.
        writer.Write(row.Kind switch
        {
            Kind.EmptyId => "\"\"",
            Kind.DuplicateId => "dup",
            _ => "r" + index.ToString(CultureInfo.InvariantCulture),
        });
        for (var column = 1; column < row.Values.Length; column++)
        {
            writer.Write(',');
            var value = row.Kind switch
            {
                Kind.FieldTooLong when column == 1 => new string('x', MaxFieldLength + 1),
                Kind.RowTooLong when column == 1 => new string('y', MaxRowLength + 1),
                _ => row.Values[column],
            };
            CsvText.WriteField(writer, value);
        }

        text.Append(writer.ToString());
    }
}
