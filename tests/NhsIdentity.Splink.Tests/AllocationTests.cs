using NhsIdentity.Matching.Splink;
using NhsIdentity.Splink.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Splink.Tests;

/// <summary>Scoring a prepared pair allocates nothing on the paths the comparison libraries generate.</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    [Fact]
    public void Match_weight_of_prepared_pairs_allocates_nothing()
    {
        // Every template but the transforms comparison, whose || of two records' values makes a string per pair.
        var model = SplinkModel.Parse(TemplateSettings.Templates);
        var rows = FsCheck.Fluent.Gen.Sample(SyntheticRows.Rows(40, 40), 1)[0];
        var set = model.Prepare(rows.Select(r => r.ToRecord()));
        var transforms = model.Comparisons.Count - 1;
        var pairs = new List<(int, int)>();
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = 0; j < set.Count; j++)
            {
                if (i != j && model.Score(set, i, set, j).Comparisons[transforms].LevelIndex < 3)
                {
                    pairs.Add((i, j));
                }
            }
        }

        Assert.NotEmpty(pairs);
        var total = 0.0;
        foreach (var (i, j) in pairs)
        {
            total += model.MatchWeight(set, i, set, j);
        }

        // The fewest bytes over up to five rounds, as NhsIdentity.Tests' Allocations.Measure takes them.
        var fewest = long.MaxValue;
        for (var round = 0; round < 5 && fewest != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var (i, j) in pairs)
            {
                total += model.MatchWeight(set, i, set, j);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
        Assert.False(double.IsNaN(total));
    }
}
