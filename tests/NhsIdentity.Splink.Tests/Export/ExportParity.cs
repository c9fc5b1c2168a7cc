using System.Globalization;
using NhsIdentity.Cli.Outputs;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Splink;

namespace NhsIdentity.Splink.Tests.Export;

/// <summary>What comparing an exported model's DuckDB weights with NhsIdentity's found.</summary>
internal sealed record ExportParityResult(int Pairs, int Identical, double LargestDifference, int Unexplained, string Breakdown)
{
    public double IdenticalFraction => (double)Identical / Pairs;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Pairs} blocked pairs, {Identical} identical to 1e-9 ({IdenticalFraction:P2}), largest difference {LargestDifference:G4} bits, {Unexplained} differing pairs not explained by the report");
}

/// <summary>
/// Runs an exported model the way Splink would: the record set's prepared table written to Parquet by the CLI's writer
/// (what <c>nhsid prepare</c> writes), loaded into DuckDB as <c>df</c>, and the exported settings' levels, Bayes factors
/// and term-frequency adjustments evaluated as Splink's <c>predict()</c> SQL (<see cref="DuckDbOracle.Predict"/>) over
/// the pairs the exported blocking rules generate; each pair's weight is compared with <see cref="MatchModel.Score(RecordSet, int, RecordSet, int)"/>.
/// A pair that differs must differ in a comparison whose native or exported level the export report lists.
/// </summary>
internal static class ExportParity
{
    public const double Tolerance = 1e-9;

    public static ExportParityResult Run(MatchModel model, RecordSet set)
    {
        var export = model.ToSplink();
        var table = SplinkPreparedTable.Create(set);
        var path = Path.Combine(Path.GetTempPath(), "nhsid-export-" + Guid.NewGuid().ToString("N") + ".parquet");
        File.WriteAllBytes(path, SplinkParquet.ToBytes(table));
        try
        {
            var splink = SplinkModel.Parse(export.Json);
            using var oracle = new DuckDbOracle([$"CREATE TABLE df AS SELECT * FROM read_parquet('{path}') ORDER BY unique_id"]);
            var predicted = oracle.Predict(splink, export.Json, DuckDbOracle.BlockingFilter(splink));

            // The .NET import of the same settings over the same table, for each comparison's part of a differing pair
            // (it equals DuckDB's weight on every pair: asserted below).
            var imported = splink.Prepare(table.ToRecords(), table.TermFrequencies());
            var notes = export.InexactLevels.Select(n => (n.Comparison, n.Level)).ToHashSet();
            var outcomes = new ComparisonOutcome[model.Comparisons.Count];
            var identical = 0;
            var unexplained = 0;
            var largest = 0.0;
            var causes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((left, right), (_, weight)) in predicted)
            {
                var native = model.Score(set, (int)left, set, (int)right).Weight;
                var score = splink.Score(imported, (int)left, imported, (int)right);
                if (weight is null || Math.Abs(score.MatchWeight - weight.Value) > Tolerance)
                {
                    throw new InvalidOperationException($"The .NET import and DuckDB disagree on pair ({left}, {right}).");
                }

                var difference = Math.Abs(native - weight.Value);
                largest = Math.Max(largest, difference);
                if (difference <= Tolerance)
                {
                    identical++;
                    continue;
                }

                model.Explain(set, (int)left, set, (int)right, outcomes);
                var explained = false;
                for (var c = 0; c < outcomes.Length; c++)
                {
                    var part = score.Comparisons[c];
                    if (Math.Abs(outcomes[c].Weight - (part.Weight + part.TfAdjustmentWeight)) <= Tolerance)
                    {
                        continue;
                    }

                    var name = model.Comparisons[c].Definition.Name;
                    var nativeLevel = outcomes[c].Level < 0 ? "Missing" : model.Comparisons[c].Definition.Levels[outcomes[c].Level].Name;
                    var exportedLevel = (part.Level?.Label ?? "none").Replace(" (household)", string.Empty, StringComparison.Ordinal);
                    var listed = notes.Contains((name, nativeLevel)) || notes.Contains((name, exportedLevel)) || notes.Contains((name, "*"));
                    explained |= listed;
                    var key = $"{name} {nativeLevel} -> {exportedLevel}{(listed ? string.Empty : " (NOT LISTED)")}";
                    causes[key] = causes.GetValueOrDefault(key) + 1;
                }

                unexplained += explained ? 0 : 1;
            }

            var breakdown = string.Join(Environment.NewLine, causes.OrderByDescending(p => p.Value).Select(p => $"  {p.Value} {p.Key}"));
            return new ExportParityResult(predicted.Count, identical, largest, unexplained, breakdown);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
