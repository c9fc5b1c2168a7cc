using NhsIdentity.Matching;
using NhsIdentity.Tests.Matching.Accuracy;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Matching.Budget;

/// <summary>The default budgets leave the public benchmark sets untouched, with room to spare.</summary>
public sealed class DefaultBudgetTests
{
    [EvalDataFact]
    public void The_default_budget_never_bites_on_febrl()
    {
        var a = new RecordSet(FebrlData.Read("febrl4a.csv"));
        var b = new RecordSet(FebrlData.Read("febrl4b.csv"));
        var febrl3 = new RecordSet(FebrlData.Read("febrl3.csv"));
        var linker = new Linker(MatchModel.Default, LinkOptions.Default with { OnPairBudgetExceeded = PairBudgetPolicy.SkipRule });

        foreach (var result in new[] { linker.Link(a, b), linker.Deduplicate(febrl3) })
        {
            var report = result.BlockingReport;
            Assert.Equal(0, report.SkippedRules);
            Assert.Equal(0, report.CappedBlocks);
            Assert.True(report.TotalPairs * 100 < report.PairBudget, report.ToString());
        }
    }
}
