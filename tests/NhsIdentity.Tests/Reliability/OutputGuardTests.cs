using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Reliability;

/// <summary>No output ever replaces an input, a key or another output of the same run: each of these exited 0 and
/// destroyed a file before (issue 14, item 2).</summary>
public sealed class OutputGuardTests : IDisposable
{
    private const string Extract = "id,nhs_number,given_name,family_name,date_of_birth\n" +
        "A1,9990000018,Alice,Pemberton,14/03/1987\nA2,,Alice,Pemberton,14/03/1987\n";

    private readonly TempCsv _temp = new();

    public static TheoryData<string, string[]> Collisions => new()
    {
        { "dedupe --out is the input", ["dedupe", "{a}", "--out", "{a}", "--no-train"] },
        { "link --out is the right input", ["link", "{a}", "{b}", "--out", "{b}", "--no-train"] },
        { "dedupe --clusters is --out", ["dedupe", "{a}", "--out", "{x}", "--clusters", "{x}", "--no-train"] },
        { "dedupe --report is the input", ["dedupe", "{a}", "--out", "{x}", "--report", "{a}", "--no-train"] },
        { "dedupe --out is --truth", ["dedupe", "{a}", "--out", "{t}", "--truth", "{t}", "--no-train"] },
        { "dedupe --out is a folder", ["dedupe", "{a}", "--out", "{dir}", "--no-train"] },
        { "train --model-out is the input", ["train", "{a}", "--model-out", "{a}"] },
        { "pseudonymise --rejects is --out", ["pseudonymise", "{a}", "--key-file", "{key}", "--columns", "nhs_number=nhs_number", "--out", "{x}", "--rejects", "{x}"] },
        { "pseudonymise --out is the key", ["pseudonymise", "{a}", "--key-file", "{key}", "--columns", "nhs_number=nhs_number", "--out", "{key}"] },
        { "filter-optouts --out is the input", ["filter-optouts", "{a}", "--optouts", "{list}", "--out", "{a}"] },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public void An_output_that_is_an_input_or_another_output_is_refused_and_nothing_changes(string name, string[] template)
    {
        var files = new Dictionary<string, string>
        {
            ["{a}"] = _temp.Write("a.csv", Extract),
            ["{b}"] = _temp.Write("b.csv", Extract.Replace("A1", "B1", StringComparison.Ordinal).Replace("A2", "B2", StringComparison.Ordinal)),
            ["{t}"] = _temp.Write("truth.csv", "id,cluster_id\nA1,1\nA2,1\n"),
            ["{key}"] = _temp.Write("project.key", Convert.ToHexStringLower(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()) + "\n"),
            ["{list}"] = _temp.Write("optouts.txt", "9990000018\n"),
            ["{x}"] = _temp.PathOf("x.csv"),
            ["{dir}"] = Directory.CreateDirectory(_temp.PathOf("folder")).FullName,
        };
        var before = Directory.GetFiles(_temp.Folder).ToDictionary(path => path, File.ReadAllBytes);

        var result = CliRunner.Run([.. template.Select(arg => files.GetValueOrDefault(arg, arg))]);

        Assert.True(result.ExitCode == 2, $"{name}: exit {result.ExitCode}: {result.Error}");
        Assert.Contains("error:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pemberton", result.Error, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(_temp.Folder).Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void A_path_written_another_way_is_still_the_same_file()
    {
        var input = _temp.Write("a.csv", Extract);
        var sameFile = Path.Combine(_temp.Folder, ".", "folder", "..", "a.csv");
        Directory.CreateDirectory(_temp.PathOf("folder"));

        var result = CliRunner.Run("dedupe", input, "--out", sameFile, "--no-train");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(Extract, File.ReadAllText(input));
    }

    public void Dispose() => _temp.Dispose();
}
