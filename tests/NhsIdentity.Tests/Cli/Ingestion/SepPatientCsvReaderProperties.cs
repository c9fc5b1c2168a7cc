using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>
/// Random files of good and malformed rows: every row is counted once, as accepted or rejected with the right
/// reason, and good rows come back with the values that were written.
/// </summary>
public sealed class SepPatientCsvReaderProperties
{
    private const int MaxFieldLength = 40;

    private enum Kind
    {
        Good,
        TooFew,
        TooMany,
        TooLong,
    }

    private sealed record GeneratedRow(Kind Kind, string?[] Values, bool BlankLineAfter);

    private static Gen<string?> Value =>
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (6, Gen.Choose(1, 8).SelectMany(length => Gen.ArrayOf(Gen.Elements("abcXYZ019 ,\"-'\n".ToCharArray()), length))
                .Select(chars => (string?)new string(chars))));

    private static Gen<GeneratedRow> Row =>
        from kind in Gen.Frequency((6, Gen.Constant(Kind.Good)), (1, Gen.Constant(Kind.TooFew)), (1, Gen.Constant(Kind.TooMany)), (1, Gen.Constant(Kind.TooLong)))
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
            var (rows, crlf, unbalancedLast) = file;
            var newline = crlf ? "\r\n" : "\n";
            var text = new StringBuilder("id,given_name,family_name,postcode").Append(newline);
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

            using var reader = new StringReader(text.ToString());
            var result = SepPatientCsvReader.Read(reader, new PatientCsvReadOptions { MaxFieldLength = MaxFieldLength });

            var expectedRows = rows.Length + (unbalancedLast ? 1 : 0);
            var good = rows.Count(r => r.Kind == Kind.Good);
            var reconciles = result.ItemsRead == expectedRows
                && result.ItemsRead == result.Accepted + result.Rejected
                && result.Accepted == good
                && result.BlankRowsSkipped == blankLines
                && result.CountRejected(RejectionReason.TooFewFields) == rows.Count(r => r.Kind == Kind.TooFew)
                && result.CountRejected(RejectionReason.TooManyFields) == rows.Count(r => r.Kind == Kind.TooMany)
                && result.CountRejected(RejectionReason.FieldTooLong) == rows.Count(r => r.Kind == Kind.TooLong)
                && result.CountRejected(RejectionReason.UnbalancedQuote) == (unbalancedLast ? 1 : 0);

            // Good rows round-trip through the writer's escaping and the reader's unescaping.
            var goodRows = rows.Where(r => r.Kind == Kind.Good).ToArray();
            var roundTrips = true;
            for (var i = 0; i < goodRows.Length && i < result.Records.Count; i++)
            {
                var record = result.Records[i];
                roundTrips &= record.GivenNames == goodRows[i].Values[1]
                    && record.FamilyName == goodRows[i].Values[2]
                    && record.Postcode == goodRows[i].Values[3];
            }

            // Rejections point at rows in increasing order and name no value.
            var ordered = true;
            for (var i = 1; i < result.Rejections.Count; i++)
            {
                ordered &= result.Rejections[i].RowNumber > result.Rejections[i - 1].RowNumber;
            }

            return (reconciles && roundTrips && ordered).Label(text.ToString());
        });

    private static void AppendRow(StringBuilder text, int index, GeneratedRow row)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write("r" + index.ToString(CultureInfo.InvariantCulture)); // never empty, so no row is blank
        for (var column = 1; column < row.Values.Length; column++)
        {
            writer.Write(',');
            var value = row.Kind == Kind.TooLong && column == 1 ? new string('x', MaxFieldLength + 1) : row.Values[column];
            CsvText.WriteField(writer, value);
        }

        text.Append(writer.ToString());
    }
}
