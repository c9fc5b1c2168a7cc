using NhsIdentity.Matching.Splink;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using Parquet;
using Xunit;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid prepare</c> and <c>nhsid train --splink-model-out</c>: the prepared columns as Parquet and the
/// trained model as Splink settings that read them (their DuckDB parity is in tests/NhsIdentity.Splink.Tests).</summary>
public sealed class PrepareCommandTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");

    [Fact]
    public async Task Prepare_writes_one_Parquet_row_per_accepted_record_with_the_columns_the_export_reads()
    {
        using var temp = new TempCsv();
        var output = temp.PathOf("prepared.parquet");
        var result = CliRunner.Run("prepare", Pas, "--out", output, "-q");
        Assert.True(result.ExitCode == 0, result.Error);
        var accepted = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Error, @"(\d+) accepted").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        using var stream = File.OpenRead(output);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var names = reader.Schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var rows = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            rows += reader.OpenRowGroupReader(g).RowCount;
        }

        Assert.Equal(accepted, rows);
        foreach (var column in NhsIdentity.Matching.MatchModel.Default.ToSplink().Columns)
        {
            Assert.Contains(column, names);
        }
    }

    [Fact]
    public void Prepare_refuses_to_write_over_its_input()
    {
        using var temp = new TempCsv();
        var input = temp.Write("records.csv", File.ReadAllText(Pas));
        var before = File.ReadAllBytes(input);
        var result = CliRunner.Run("prepare", input, "--out", input, "-q");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void Train_writes_Splink_settings_that_load_and_reports_the_inexact_levels()
    {
        using var temp = new TempCsv();
        var settings = temp.PathOf("splink.json");
        var result = CliRunner.Run("train", Pas, "--model-out", temp.PathOf("model.json"), "--splink-model-out", settings, "-q");
        Assert.True(result.ExitCode == 0, result.Error);
        var model = SplinkModel.Load(settings);
        var trained = NhsIdentity.Matching.MatchModel.FromJson(File.ReadAllText(temp.PathOf("model.json")));
        Assert.Equal(trained.Comparisons.Count, model.Comparisons.Count);
        Assert.Equal(trained.PriorMatchProbability, model.ProbabilityTwoRandomRecordsMatch);
        Assert.Contains("inexact: Address Similar90:", result.Error, StringComparison.Ordinal);
        Assert.Equal(trained.ToSplink().InexactLevels.Count, result.Error.Split('\n').Count(l => l.StartsWith("  inexact: ", StringComparison.Ordinal)));
    }
}
