using System.Text.Json;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>
/// A trust analyst's day through the CLI, on the bundled synthetic extracts, one step feeding the next: the PAS
/// extract arrives as an Excel workbook with the supplier's own id header, is profiled, linked to the GP extract
/// with a per-input map (a JSON run summary beside the links), the review pairs go out with their values, come back
/// decided (from the samples' truth, standing in for a reviewer), are scored with <c>evaluate --labels</c>, the links
/// are grouped by <c>evaluate --left-input</c> (who is left unlinked), and the decisions feed <c>train --labels</c>.
/// </summary>
public sealed class AnalystDayTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private static readonly string Truth = RepositoryRoot.Combine("samples", "data", "truth.csv");

    [Fact]
    public void A_trust_analysts_day_runs_end_to_end_through_the_cli()
    {
        using var temp = new TempCsv();

        // The PAS extract as the supplier exports it: a workbook whose id column is "Hospital No" (every cell text).
        var rows = CsvRows.Read(Pas);
        Assert.Equal("PatientID", rows[0][0]);
        rows[0][0] = "Hospital No";
        var workbook = temp.PathOf("pas.xlsx");
        XlsxWriter.Write(workbook, ("PAS extract", rows.Select(r => r.Select(cell => (object?)new XlsxWriter.Inline(cell)).ToArray()).ToArray()));
        var csvTwin = temp.Write("pas-renamed.csv", string.Join('\n', File.ReadAllLines(Pas).Skip(1).Prepend("Hospital No" + File.ReadAllLines(Pas)[0]["PatientID".Length..])) + "\n");

        // 1. Profile before anything runs.
        var profile = CliRunner.Run("profile", workbook, Gp, "--json");
        Assert.True(profile.ExitCode == 0, profile.Error);
        using (var document = JsonDocument.Parse(profile.Output))
        {
            var files = document.RootElement.GetProperty("files");
            Assert.Equal(rows.Length - 1, files[0].GetProperty("rows").GetProperty("kept").GetInt64());
            var link = document.RootElement.GetProperty("blocking").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "link");
            Assert.True(link.GetProperty("totalPairs").GetInt64() > 0);
        }

        // 2. Link with the PAS id named for that input only; the same links as from the same rows in CSV.
        var (links, review, summary) = (temp.PathOf("links.csv"), temp.PathOf("review.csv"), temp.PathOf("run.json"));
        var run = CliRunner.Run("link", workbook, Gp, "--map-left", "id=Hospital No", "--out", links, "--review-out", review,
            "--review-sample-matches", "10", "--review-sample-near-misses", "10", "--json", summary, "-q");
        Assert.True(run.ExitCode == 0, run.Error);
        var fromCsv = CliRunner.Run("link", csvTwin, Gp, "--map-left", "id=Hospital No", "--out", temp.PathOf("csv-links.csv"), "-q");
        Assert.Equal(0, fromCsv.ExitCode);
        Assert.Equal(File.ReadAllLines(temp.PathOf("csv-links.csv")), File.ReadAllLines(links));
        using (var document = JsonDocument.Parse(File.ReadAllText(summary)))
        {
            Assert.Equal("nhsid-run/1", document.RootElement.GetProperty("schema").GetString());
            Assert.Equal(File.ReadAllLines(links).Length - 1, document.RootElement.GetProperty("written").GetProperty("pairs").GetInt64());
        }

        // 3. A reviewer decides every exported pair (here from the truth) in the review file's own decision column.
        var person = File.ReadAllLines(Truth).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1]), c => c[2]);
        var lines = File.ReadAllLines(review);
        var decided = new List<string> { lines[0] };
        long truePositives = 0, falsePositives = 0;
        foreach (var row in lines.Skip(1))
        {
            var cells = row.Split(',', 4);
            var same = person[("pas", cells[0])] == person[("gp", cells[1])];
            decided.Add(row[..^2] + "," + (same ? "match" : "non-match") + ",");
            truePositives += same && cells[2] == "sampled-match" ? 1 : 0;
            falsePositives += !same && cells[2] == "sampled-match" ? 1 : 0;
        }

        Assert.True(lines.Length > 21, "review pairs plus ten sampled matches and ten near misses");
        File.WriteAllLines(temp.PathOf("decided.csv"), decided);

        // 4. The decisions come back: scored against the links, then used to train.
        var evaluate = CliRunner.Run("evaluate", links, "--labels", temp.PathOf("decided.csv"), "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        using (var document = JsonDocument.Parse(evaluate.Output))
        {
            Assert.Equal(truePositives, document.RootElement.GetProperty("truePositives").GetInt64());
            Assert.Equal(falsePositives, document.RootElement.GetProperty("falsePositives").GetInt64());
        }

        // 5. Who is left unlinked: the same extracts, read as the link read them, grouped; every record counted once per
        // dimension.
        var groups = CliRunner.Run("evaluate", links, "--truth", Truth, "--left-input", workbook, "--right-input", Gp, "--map-left", "id=Hospital No",
            "--as-of", "2026-12-07", "--json");
        Assert.True(groups.ExitCode == 0, groups.Error);
        using (var document = JsonDocument.Parse(groups.Output))
        {
            var leftAges = document.RootElement.GetProperty("groups").GetProperty("rows").EnumerateArray()
                .Where(row => row.GetProperty("input").GetString() == "left" && row.GetProperty("dimension").GetString() == "age_band").ToArray();
            Assert.Equal(rows.Length - 1, leftAges.Sum(row => row.GetProperty("records").GetInt64()));
            Assert.True(leftAges.Sum(row => row.GetProperty("linked").GetInt64()) > 0, "the workbook's ids were read, so its records are found linked");
        }

        var train = CliRunner.Run("train", workbook, Gp, "--map-left", "id=Hospital No", "--labels", temp.PathOf("decided.csv"),
            "--model-out", temp.PathOf("model.json"), "-q");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("best threshold", train.Error + train.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(temp.PathOf("model.json")).Length > 0);
    }
}
