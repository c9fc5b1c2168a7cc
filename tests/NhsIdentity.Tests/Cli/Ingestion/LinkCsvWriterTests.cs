using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

public sealed class LinkCsvWriterTests : IDisposable
{
    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Writes_the_header_and_invariant_numbers()
    {
        using var writer = new StringWriter();

        var count = LinkCsvWriter.WritePairs(writer, [
            new LinkRow("a1", "b7", 12.345678, 0.99987654321, LinkDecision.Match),
            new LinkRow("a2", "b,9", -3.5, 1e-7, LinkDecision.Review),
        ]);

        Assert.Equal(2, count);
        Assert.Equal(
            "left_id,right_id,match_weight,match_probability,decision\n"
            + "a1,b7,12.3457,0.99987654321,match\n"
            + "a2,\"b,9\",-3.5000,1E-07,review\n",
            writer.ToString());
    }

    [Fact]
    public void Writes_explanation_columns_named_by_the_first_row()
    {
        using var writer = new StringWriter();

        LinkCsvWriter.WritePairs(writer, [
            new LinkRow("a1", "b1", 1, 0.5, LinkDecision.Match, [("nhs_number", "exact"), ("family_name", "jw>0.92")]),
            new LinkRow("a2", "b2", 2, 0.6, LinkDecision.Match, [("nhs_number", "missing"), ("family_name", "say \"no\"")]),
        ]);

        Assert.Equal(
            "left_id,right_id,match_weight,match_probability,decision,nhs_number,family_name\n"
            + "a1,b1,1.0000,0.5,match,exact,jw>0.92\n"
            + "a2,b2,2.0000,0.6,match,missing,\"say \"\"no\"\"\"\n",
            writer.ToString());
    }

    [Fact]
    public void Rejects_rows_whose_explanation_columns_differ()
    {
        using var writer = new StringWriter();

        Assert.Throws<ArgumentException>(() => LinkCsvWriter.WritePairs(writer, [
            new LinkRow("a1", "b1", 1, 0.5, LinkDecision.Match, [("x", "1")]),
            new LinkRow("a2", "b2", 1, 0.5, LinkDecision.Match, [("y", "1")]),
        ]));
        Assert.Throws<ArgumentException>(() => LinkCsvWriter.WritePairs(new StringWriter(), [new LinkRow("a1", "b1", 1, 0.5, LinkDecision.Match)], ["x"]));
    }

    [Fact]
    public void An_empty_sequence_still_writes_the_header_with_given_extra_columns()
    {
        using var writer = new StringWriter();

        Assert.Equal(0, LinkCsvWriter.WritePairs(writer, [], ["why"]));
        Assert.Equal("left_id,right_id,match_weight,match_probability,decision,why\n", writer.ToString());
    }

    [Fact]
    public void Pairs_round_trip_through_the_links_reader()
    {
        var path = temp.PathOf("links.csv");
        LinkRow[] rows =
        [
            new("rec-1-org", "rec-1-dup-0", 15.25, 0.999969482421875, LinkDecision.Match),
            new("id with space ", "quote\"d", 0.1, 0.517, LinkDecision.Review),
            new("x,y", "z", -20, 9.5367431640625E-07, LinkDecision.Review),
        ];

        LinkCsvWriter.WritePairs(path, rows);
        var read = LinkFileReader.ReadLinks(path);

        Assert.Equal(rows.Length, read.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].LeftId, read[i].LeftId);
            Assert.Equal(rows[i].RightId, read[i].RightId);
            Assert.Equal(rows[i].Decision == LinkDecision.Match, read[i].IsMatch);
            Assert.Equal(rows[i].MatchProbability, read[i].MatchProbability); // exact: R round-trips
        }

        Assert.Empty(Directory.GetFiles(temp.Folder, "*.tmp"));
    }

    [Fact]
    public void Clusters_round_trip_through_the_truth_reader_with_their_sources()
    {
        var path = temp.PathOf("clusters.csv");

        Assert.Equal(3, LinkCsvWriter.WriteClusters(path, [new("left", "a", "c1"), new("right", "a", "c1"), new("left", "c, d", "c2")]));

        Assert.Equal("id,cluster_id,source\na,c1,left\na,c1,right\n\"c, d\",c2,left\n", File.ReadAllText(path));
        var truth = LinkFileReader.ReadTruth(path);
        Assert.Equal(TruthFileKind.SourcedClusters, truth.Kind);
        Assert.Equal([("left", "a", "c1"), ("right", "a", "c1"), ("left", "c, d", "c2")], truth.SourcedClusters);
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var path = temp.Write("links.csv", "old\n");

        Assert.Throws<InvalidOperationException>(() => LinkCsvWriter.WritePairs(path, Failing()));

        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Folder));

        static IEnumerable<LinkRow> Failing()
        {
            yield return new LinkRow("a", "b", 1, 0.5, LinkDecision.Match);
            throw new InvalidOperationException("matcher failed");
        }
    }
}
