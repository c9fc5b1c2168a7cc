using System.Collections.Concurrent;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Budget;

/// <summary>
/// <see cref="LinkOptions.MaxPairsPerRecord"/>, <see cref="LinkOptions.MaxPairsPerBlock"/> and
/// <see cref="LinkOptions.MaxKeptPairsPerRecord"/> through the public API. The sets are just big enough to pass
/// <see cref="LinkOptions.MinimumPairBudget"/> (1,000,000 pairs), the smallest budget a run can have.
/// </summary>
public sealed class PairBudgetTests
{
    // 1,600 records share a date of birth: the "dob" rule holds them in one block of 1,279,200 pairs, past the
    // 1,000,000 budget; full names come in 40 groups of 40 (40 × 780 = 31,200 pairs).
    private const int Records = 1_600;
    private const long DobPairs = Records * (Records - 1L) / 2;
    private const long FullNamePairs = 40 * (40 * 39 / 2);

    private static readonly LinkOptions DobThenFullName = LinkOptions.Default with
    {
        BlockingRules = [BlockingRule.DateOfBirth, BlockingRule.FullName],
        MaxPairsPerRecord = 1,
        MaxPairsPerBlock = long.MaxValue,
        MinimumDecision = MatchDecision.NonMatch,
    };

    private sealed class Recorder : IProgress<LinkProgress>
    {
        public ConcurrentQueue<LinkProgress> Reports { get; } = new();

        public void Report(LinkProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void A_rule_that_would_pass_the_budget_stops_the_run_before_any_pair_is_scored()
    {
        var records = BudgetPeople.Records(Records, givenNames: 40);
        var progress = new Recorder();

        var stop = Assert.Throws<PairBudgetExceededException>(() => new Linker(MatchModel.Default, DobThenFullName).Deduplicate(records, progress));

        Assert.Equal(BlockingRule.DateOfBirth.Name, stop.RuleName);
        Assert.Equal(0, stop.PairsBeforeRule);
        Assert.Equal(DobPairs, stop.RulePairs);
        Assert.Equal(LinkOptions.MinimumPairBudget, stop.Budget);
        Assert.Empty(progress.Reports); // progress is reported after each scored partition: none was scored
        Assert.Contains("'dob'", stop.Message, StringComparison.Ordinal);
        Assert.Contains("1,279,200", stop.Message, StringComparison.Ordinal);
        Assert.Contains("1,000,000", stop.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPairsPerRecord", stop.Message, StringComparison.Ordinal);
        Assert.Contains("OnPairBudgetExceeded", stop.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BudgetPeople.FamilyName, stop.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1961", stop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_counts_the_records_of_both_sides_of_a_linkage()
    {
        // 1,600 × 1,600 = 2,560,000 dob pairs across; 3,200 records at 500 per record is a budget of 1,600,000.
        var left = BudgetPeople.Records(Records, givenNames: 40);
        var right = BudgetPeople.Records(Records, givenNames: 40);
        var stop = Assert.Throws<PairBudgetExceededException>(() =>
            new Linker(MatchModel.Default, DobThenFullName with { MaxPairsPerRecord = 500 }).Link(left, right));
        Assert.Equal(1_600_000, stop.Budget);
        Assert.Equal((long)Records * Records, stop.RulePairs);

        // At 800 per record the budget is 2,560,000: exactly enough, so the run goes on.
        var result = new Linker(MatchModel.Default, DobThenFullName with { MaxPairsPerRecord = 800, MinimumDecision = MatchDecision.Match }).Link(left, right);
        Assert.Equal((long)Records * Records, result.PairsCompared);
        Assert.Equal(2_560_000, result.BlockingReport.PairBudget);
    }

    [Fact]
    public void Skip_rule_leaves_the_rule_out_and_its_keys_do_not_hide_later_rules_pairs()
    {
        var records = BudgetPeople.Records(Records, givenNames: 40);

        var result = new Linker(MatchModel.Default, DobThenFullName with { OnPairBudgetExceeded = PairBudgetPolicy.SkipRule }).Deduplicate(records);

        // Without the skip, every full-name pair would count as produced by "dob"; with it, "full-name" produces them all.
        var report = result.BlockingReport;
        var dob = report.Rules[0];
        var fullName = report.Rules[1];
        Assert.True(dob.SkippedForPairBudget);
        Assert.Equal(0, dob.PairsProduced);
        Assert.Equal(0, dob.Blocks);
        Assert.Equal(DobPairs, dob.SkippedPairs);
        Assert.Contains("'dob' was left out", dob.Warning, StringComparison.Ordinal);
        Assert.Equal([dob.Warning!], report.Warnings);
        Assert.False(fullName.SkippedForPairBudget);
        Assert.Equal(FullNamePairs, fullName.PairsProduced);
        Assert.Equal(1, report.SkippedRules);
        Assert.Equal(FullNamePairs, result.PairsCompared);
        Assert.Equal(FullNamePairs, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.Equal(p.LeftIndex % 40, p.RightIndex % 40));
        Assert.Contains("SkippedRules = 1", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_over_the_pair_cap_is_skipped_as_an_over_size_block_is()
    {
        // The shape of LinkerTests.Capped_blocks_are_reported_and_their_pairs_still_come_from_later_rules, capped on
        // pairs: 100 records (4,950 pairs) in one block under a cap of 4,949 pairs, well under the size cap.
        var records = new RecordSet(Enumerable.Range(0, 100).Select(i => new PatientRecord
        {
            Id = "R" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            GivenNames = BudgetPeople.GivenName(i % 20) + " " + BudgetPeople.GivenName(i / 20),
            FamilyName = BudgetPeople.FamilyName,
            DateOfBirth = BudgetPeople.DateOfBirth,
        }));
        var bySize = new Linker(MatchModel.Default, LinkOptions.Default with { MaxBlockSize = 10, MinimumDecision = MatchDecision.NonMatch }).Deduplicate(records);
        var byPairs = new Linker(MatchModel.Default, LinkOptions.Default with { MaxPairsPerBlock = 4_949, MinimumDecision = MatchDecision.NonMatch }).Deduplicate(records);

        Assert.Equal(bySize.Pairs, byPairs.Pairs);
        Assert.Equal(bySize.PairsCompared, byPairs.PairsCompared);
        Assert.Equal(bySize.BlockingReport.Rules.Select(r => (r.RuleName, r.Blocks, r.PairsProduced, r.CappedBlocks, r.CappedPairs)),
            byPairs.BlockingReport.Rules.Select(r => (r.RuleName, r.Blocks, r.PairsProduced, r.CappedBlocks, r.CappedPairs)));
        var capped = byPairs.BlockingReport.Rules.Where(r => r.CappedBlocks > 0).ToList();
        Assert.Equal([BlockingRule.DateOfBirthAndFamilySoundex.Name, BlockingRule.DateOfBirth.Name], capped.Select(r => r.RuleName));
        Assert.All(capped, r => Assert.Equal(1, r.PairCappedBlocks));
        Assert.All(capped, r => Assert.Contains("more than the maximum of 4949 pairs", r.Warning, StringComparison.Ordinal));
        Assert.All(bySize.BlockingReport.Rules, r => Assert.Equal(0, r.PairCappedBlocks)); // over the size cap, not the pair cap
        Assert.True(byPairs.PairsCompared > 0); // the groups by given initial, from the next rule
    }

    [Fact]
    public void Too_many_pairs_reaching_review_stop_the_run_with_the_count()
    {
        // A review threshold of 0 sends every pair to review: 1,450 records in one date-of-birth block are 1,050,525
        // pairs, past the kept-pair budget's floor of 1,000,000.
        var records = BudgetPeople.Records(1_450, givenNames: 1_450);
        var model = MatchModel.Default.WithPolicy(MatchModel.Default.Policy with { ReviewProbability = 0 });
        var options = LinkOptions.Default with
        {
            BlockingRules = [BlockingRule.DateOfBirth],
            MaxPairsPerRecord = 1_000,
            MaxPairsPerBlock = long.MaxValue,
            MaxKeptPairsPerRecord = 1,
        };

        var stop = Assert.Throws<KeptPairBudgetExceededException>(() => new Linker(model, options).Deduplicate(records));

        Assert.Equal(LinkOptions.MinimumPairBudget, stop.Budget);
        Assert.InRange(stop.Pairs, stop.Budget + 1, 1_450L * 1_449 / 2);
        Assert.Contains("review threshold", stop.Message, StringComparison.Ordinal);
        Assert.Contains("MaxKeptPairsPerRecord", stop.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BudgetPeople.FamilyName, stop.Message, StringComparison.OrdinalIgnoreCase);

        // With room for them, the same run keeps every pair.
        var kept = new Linker(model, options with { MaxKeptPairsPerRecord = 1_000 }).Deduplicate(records);
        Assert.Equal(1_450L * 1_449 / 2, kept.Pairs.Count);
    }

    [Fact]
    public void The_kept_pair_budget_counts_reviews_and_matches_not_the_non_matches_a_caller_asked_for()
    {
        // 1,500 different people in one date-of-birth block: 1,124,250 pairs compared and kept, but none reaches review.
        var records = BudgetPeople.Records(1_500, givenNames: 1_500);
        var options = LinkOptions.Default with
        {
            BlockingRules = [BlockingRule.DateOfBirth],
            MaxPairsPerRecord = 1_000,
            MaxPairsPerBlock = long.MaxValue,
            MaxKeptPairsPerRecord = 1,
            MinimumDecision = MatchDecision.NonMatch,
        };

        var result = new Linker(MatchModel.Default, options).Deduplicate(records);

        Assert.Equal(1_500L * 1_499 / 2, result.Pairs.Count);
        Assert.True(result.Pairs.Count(p => p.Decision >= MatchDecision.Review) <= LinkOptions.MinimumPairBudget);
    }

    [Fact]
    public void Budgets_are_checked_when_the_linker_is_created_and_documented_defaults_hold()
    {
        var model = MatchModel.Default;
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MaxPairsPerRecord = 0 }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MaxPairsPerBlock = 0 }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MaxKeptPairsPerRecord = 0 }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { OnPairBudgetExceeded = (PairBudgetPolicy)9 }));

        var options = LinkOptions.Default;
        Assert.Equal(200, options.MaxPairsPerRecord);
        Assert.Equal(1_000_000, options.MaxPairsPerBlock);
        Assert.Equal(20, options.MaxKeptPairsPerRecord);
        Assert.Equal(PairBudgetPolicy.Stop, options.OnPairBudgetExceeded);
        Assert.Equal(1_000_000, options.PairBudget(10));
        Assert.Equal(40_000_000, options.PairBudget(200_000));
        Assert.Equal(4_000_000, options.KeptPairBudget(200_000));
        Assert.Equal(long.MaxValue, (options with { MaxPairsPerRecord = int.MaxValue }).PairBudget(long.MaxValue / 2));
    }
}
