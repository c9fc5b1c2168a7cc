using FsCheck;
using FsCheck.Fluent;
using NhsIdentity.Matching.Splink;
using Xunit;
using Xunit.Abstractions;

namespace NhsIdentity.Splink.Tests;

/// <summary>
/// Parity with DuckDB: for every comparison-library template, the level each ordered pair takes and the pair's match
/// weight (term-frequency adjustments included) equal what DuckDB computes from the same SQL, to 1e-9.
/// </summary>
public sealed class ParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;

    [DuckDbProperty(MaxTest = 25)]
    public Property Every_template_matches_DuckDB_on_every_pair() =>
        Prop.ForAll(SyntheticRows.Rows(8, 24).ToArbitrary(), rows => AssertParity(TemplateSettings.Templates, rows));

    [DuckDbProperty(MaxTest = 25)]
    public Property Jaccard_matches_DuckDB_on_every_pair() =>
        Prop.ForAll(SyntheticRows.Rows(8, 24, noEmptyCity: true).ToArbitrary(), rows => AssertParity(TemplateSettings.Jaccard, rows));

    [DuckDbFact]
    public void Jaccard_of_an_empty_string_fails_in_both()
    {
        var rows = new[]
        {
            new SyntheticRow(1, null, null, null, null, null, null, null, "leeds", null),
            new SyntheticRow(2, null, null, null, null, null, null, null, string.Empty, null),
        };
        var model = SplinkModel.Parse(TemplateSettings.Jaccard);
        using var oracle = new DuckDbOracle(rows);
        Assert.ThrowsAny<Exception>(() => oracle.Predict(model, TemplateSettings.Jaccard));
        var set = model.Prepare(rows.Select(r => r.ToRecord()));
        var error = Assert.Throws<SplinkSqlException>(() => model.MatchWeight(set, 0, set, 1));
        Assert.Equal(SplinkSqlError.InvalidValue, error.Error);
        Assert.DoesNotContain("leeds", error.Message, StringComparison.Ordinal);
    }

    private void AssertParity(string settings, SyntheticRow[] rows)
    {
        var model = SplinkModel.Parse(settings);
        using var oracle = new DuckDbOracle(rows);
        var expected = oracle.Predict(model, settings);
        var set = model.Prepare(rows.Select(r => r.ToRecord()));
        var index = rows.Select((row, i) => (row.UniqueId, i)).ToDictionary(p => p.UniqueId, p => p.i);
        Assert.Equal(rows.Length * (rows.Length - 1), expected.Count);
        foreach (var ((leftId, rightId), (levels, weight)) in expected)
        {
            var score = model.Score(set, index[leftId], set, index[rightId]);
            for (var c = 0; c < levels.Length; c++)
            {
                var ours = score.Comparisons[c].LevelIndex;
                if (ours != (levels[c] ?? -1))
                {
                    Assert.Fail($"{model.Comparisons[c].Name}: level {ours} here, {levels[c]} in DuckDB, for ids {leftId}/{rightId}: "
                        + Describe(rows[index[leftId]]) + " | " + Describe(rows[index[rightId]]));
                }
            }

            Assert.True(weight is { } w && Math.Abs(w - score.MatchWeight) <= Tolerance,
                $"weight {score.MatchWeight} here, {weight} in DuckDB, for ids {leftId}/{rightId}");
            Assert.Equal(score.MatchWeight, model.MatchWeight(set, index[leftId], set, index[rightId]));
        }

        output.WriteLine($"{expected.Count} pairs x {model.Comparisons.Count} comparisons agreed");
    }

    private static string Describe(SyntheticRow row) => string.Join(", ", row.TextValues.Select(v => v is null ? "NULL" : $"'{v}'"))
        + $", {row.DobDate}, [{string.Join(",", row.Tokens ?? [])}]";
}
