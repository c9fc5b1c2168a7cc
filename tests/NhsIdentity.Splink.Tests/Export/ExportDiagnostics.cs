using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Splink;
using Xunit;
using Xunit.Abstractions;

namespace NhsIdentity.Splink.Tests.Export;

public sealed class ExportDiagnostics(ITestOutputHelper output)
{
    [Fact]
    public void Diagnose()
    {
        var root = FindRoot();
        var records = PatientCsvReader.ReadFile(Path.Combine(root, "samples/data/pas.csv")).Records
            .Concat(PatientCsvReader.ReadFile(Path.Combine(root, "samples/data/gp.csv")).Records).ToList();
        var set = new RecordSet(records, RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 });
        var model = MatchModel.Default;
        var export = model.ToSplink();
        var table = SplinkPreparedTable.Create(set);
        var splink = SplinkModel.Parse(export.Json);
        var prepared = splink.Prepare(table.ToRecords(), table.TermFrequencies());
        var differ = new Dictionary<string, int>();
        var total = 0;
        var alike = 0;
        Span<ComparisonOutcome> outcomes = new ComparisonOutcome[model.Comparisons.Count];
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = i + 1; j < set.Count; j += 7)
            {
                total++;
                var native = model.Score(set, i, set, j).Weight;
                var score = splink.Score(prepared, i, prepared, j);
                if (Math.Abs(native - score.MatchWeight) <= 1e-9)
                {
                    alike++;
                    continue;
                }

                model.Explain(set, i, set, j, outcomes);
                for (var c = 0; c < model.Comparisons.Count; c++)
                {
                    var n = outcomes[c].Weight;
                    var s = score.Comparisons[c].Weight + score.Comparisons[c].TfAdjustmentWeight;
                    if (Math.Abs(n - s) > 1e-9)
                    {
                        var key = $"{outcomes[c].Comparison} {outcomes[c].Level} vs {score.Comparisons[c].Level?.Label}";
                        differ[key] = differ.GetValueOrDefault(key) + 1;
                        if (key.StartsWith("FamilyName 6", StringComparison.Ordinal) && differ[key] < 6)
                        {
                            var a = set.Family(in set.Row(i)).ToString();
                            var b = set.Family(in set.Row(j)).ToString();
                            output.WriteLine($"{a} {b} native {NhsIdentity.Text.Similarity.JaroWinkler.Similarity(a, b)} duck {NhsIdentity.Matching.Splink.Sql.DuckDbStringDistances.JaroWinkler(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b))}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{alike}/{total} alike");
        foreach (var (k, v) in differ.OrderByDescending(p => p.Value).Take(40))
        {
            output.WriteLine($"{v} {k}");
        }
    }

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "NhsIdentity.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }
}
