using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Tests.Matching;
using NhsIdentity.Tests.Matching.Training;
using Xunit;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>
/// A CSV extract prepared as it is read (<see cref="MatchingInputs.ReadAndPrepare"/>: records handed to a
/// <see cref="RecordSetBuilder"/> and dropped batch by batch) gives what reading every record and then preparing the
/// list gives: the same set byte for byte, the same rejections by row number and reason, the same counts, the same
/// rejects file and the same lines on standard error. Extracts carry rejected rows among good ones, and batches are
/// made small so that rows are rejected on either side of a batch boundary.
/// </summary>
public sealed class StreamedPreparationTests
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,address";

    private static readonly RecordSetOptions Options = RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 };

    private static Arbitrary<(int Seed, int Count, int BatchSize, int PerShare)> Shapes { get; } =
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from count in Gen.OneOf(Gen.Elements(0, 1, 2), Gen.Choose(3, 150))
            from batchSize in Gen.Choose(1, 40)
            from perShare in Gen.Choose(1, 6)
            select (seed, count, batchSize, perShare));

    [Property(MaxTest = 25)]
    public Property An_extract_prepared_as_read_is_the_extract_read_then_prepared() =>
        Prop.ForAll(Shapes, shape =>
        {
            using var temp = new TempCsv();
            var input = temp.Write("extract.csv", Extract(shape.Count, shape.Seed));
            Directory.CreateDirectory(temp.PathOf("kept"));
            Directory.CreateDirectory(temp.PathOf("streamed"));
            var map = new InputColumnMap([], []);

            using var keptError = new StringWriter(CultureInfo.InvariantCulture);
            var keptRead = MatchingInputs.ReadRecords(input, "records", map, InputFormat.Csv, temp.PathOf("kept/pairs.csv"), keptError);
            var keptSet = MatchingInputs.Prepare(keptRead, Options, keptError);

            using var streamedError = new StringWriter(CultureInfo.InvariantCulture);
            var builder = new RecordSetBuilder(Options, shape.BatchSize, maxDegreeOfParallelism: -1, shape.PerShare);
            var (streamedSet, streamedRead) = MatchingInputs.ReadAndPrepare(input, "records", map, InputFormat.Csv, Options,
                temp.PathOf("streamed/pairs.csv"), streamedError, builder: builder);

            Assert.IsType<PreparedRecords>(streamedRead.Records);
            Assert.Equal(keptRead.Rejections, streamedRead.Rejections);
            Assert.Equal((keptRead.ItemsRead, keptRead.Accepted, keptRead.Rejected), (streamedRead.ItemsRead, streamedRead.Accepted, streamedRead.Rejected));
            Assert.True(streamedRead.Reconciles);
            // The lines name the rejects file, which is beside each run's own output.
            Assert.Equal(keptError.ToString(), streamedError.ToString().Replace(temp.PathOf("streamed"), temp.PathOf("kept"), StringComparison.Ordinal));
            RecordSetBuilderProperties.AssertSame(keptSet, streamedSet);

            var keptRejects = temp.PathOf("kept/pairs.records.rejects.csv");
            var streamedRejects = temp.PathOf("streamed/pairs.records.rejects.csv");
            Assert.Equal(File.Exists(keptRejects), File.Exists(streamedRejects));
            Assert.Equal(keptRead.Rejected > 0, File.Exists(streamedRejects));
            if (File.Exists(keptRejects))
            {
                Assert.Equal(File.ReadAllBytes(keptRejects), File.ReadAllBytes(streamedRejects));
            }
        });

    [Fact]
    public void Rejected_rows_are_reported_by_number_and_reason_when_prepared_as_read()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Header + "\n" +
            "A1,9990000018,Alice,Pemberton,14/03/1987,F,LS1 4AP,1 Mill Lane\n" +
            "A2,9990000026,Brian,Okafor\n" +                                         // row 2: too few fields
            "A1,9990000034,Carol,Reid,02/07/1950,F,M1 1AE,2 Mill Lane\n" +           // row 3: repeats row 1's id
            ",9990000042,Dan,Hughes,03/08/1960,M,B1 1AA,3 Mill Lane\n" +              // row 4: no id
            "A5,9990000050,Eve,Shaw,04/09/1970,F,NE1 1AA,4 Mill Lane\n");
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var builder = new RecordSetBuilder(Options, batchSize: 1, maxDegreeOfParallelism: -1, recordsPerShare: 1);

        var (set, read) = MatchingInputs.ReadAndPrepare(input, "records", new InputColumnMap([], []), InputFormat.Csv, Options,
            temp.PathOf("pairs.csv"), error, builder: builder);

        Assert.Equal(["A1", "A5"], Enumerable.Range(0, set.Count).Select(set.GetId));
        Assert.Equal([2L, 3L, 4L], read.Rejections.Select(r => r.RowNumber));
        Assert.Equal([RejectionReason.TooFewFields, RejectionReason.DuplicateId, RejectionReason.EmptyId], read.Rejections.Select(r => r.Reason));
        Assert.Equal((5L, 2L, 3L), (read.ItemsRead, read.Accepted, read.Rejected));
        Assert.Contains("records: extract.csv: 5 rows, 2 accepted, 3 rejected", error.ToString(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => read.Records[0]);
    }

    [Fact]
    public void A_dedupe_that_keeps_its_records_for_a_report_writes_the_pairs_one_that_does_not_writes()
    {
        // --report keeps the raw records (it shows values); without it they are prepared as read. The pairs are the same bytes.
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract(400, seed: 5));
        var plain = CliRunner.Run("dedupe", input, "--out", temp.PathOf("plain.csv"), "--quiet");
        var reported = CliRunner.Run("dedupe", input, "--out", temp.PathOf("reported.csv"), "--report", temp.PathOf("report.html"), "--quiet");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, reported.ExitCode);
        Assert.True(File.ReadAllLines(temp.PathOf("plain.csv")).Length > 10, "the extract has duplicates to find");
        Assert.Equal(File.ReadAllBytes(temp.PathOf("reported.csv")), File.ReadAllBytes(temp.PathOf("plain.csv")));
        Assert.Equal(File.ReadAllBytes(temp.PathOf("reported.records.rejects.csv")), File.ReadAllBytes(temp.PathOf("plain.records.rejects.csv")));
    }

    /// <summary>Synthetic people as CSV, with rows that are rejected (too few or too many fields, no id, an id
    /// repeated) put among them at places the seed picks.</summary>
    private static string Extract(int count, int seed)
    {
        var (people, _) = SyntheticPeople.Create((count / 2) + 1, seed);
        var random = new Random(seed);
        var text = new StringBuilder(Header).Append('\n');
        var ids = new List<string>();
        foreach (var record in people.Take(count))
        {
            if (random.Next(6) == 0)
            {
                text.Append(random.Next(4) switch
                {
                    0 => "X,9990000018,Only\n",
                    1 => "Y,9990000018,Too,Many,01/01/1980,F,LS1 1AA,1 Mill Lane,extra\n",
                    2 => ",9990000018,No,Id,01/01/1980,F,LS1 1AA,1 Mill Lane\n",
                    _ => (ids.Count == 0 ? "first" : ids[random.Next(ids.Count)]) + ",,Repeated,Id,01/01/1980,M,LS1 1AA,\n",
                });
            }

            ids.Add(record.Id!);
            text.AppendJoin(',', new[] { record.Id, record.NhsNumber, record.GivenNames, record.FamilyName, record.DateOfBirth, record.Sex, record.Postcode, record.Address }
                .Select(Quote)).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty : '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
