using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Tests.Matching.Evaluation;

public sealed class BlockingRecallTests
{
    // Two rules: the NHS number, then the date of birth. Invented people; 999-range NHS numbers only.
    private static readonly BlockingRule[] Rules =
    [
        BlockingRule.Create("nhs", BlockingKeyPart.NhsNumber),
        BlockingRule.Create("dob", BlockingKeyPart.DateOfBirth),
    ];

    private static RecordSet Set(params (string Id, string Nhs, string Dob)[] rows) =>
        new(rows.Select(r => new PatientRecord { Id = r.Id, NhsNumber = r.Nhs, GivenNames = "Test", FamilyName = "Person", DateOfBirth = r.Dob }));

    // (L0, R0): same NHS number, dates differ: only "nhs" blocks it.
    // (L1, R1): no NHS number, same date: only "dob" blocks it.
    // (L2, R2): nothing shared: never a candidate.
    // (L3, R3): same date, but 2000-01-01 is 1 left x 3 right = 3 pairs, over the cap of 2 x 2 / 2: skipped.
    private static readonly RecordSet Left = Set(("L0", "9990000018", "1980-01-01"), ("L1", "", "1990-02-02"), ("L2", "9990000026", "1970-03-03"), ("L3", "", "2000-01-01"));

    private static readonly RecordSet Right = Set(("R0", "9990000018", "1980-01-02"), ("R1", "", "1990-02-02"), ("R2", "9990000034", "1971-01-01"),
        ("R3", "", "2000-01-01"), ("R4", "", "2000-01-01"), ("R5", "", "2000-01-01"));

    [Fact]
    public void Counts_the_true_pairs_each_rule_blocks_and_those_no_rule_does()
    {
        // (L0, R0) is listed twice and counts once.
        var result = BlockingRecall.Measure(Left, Right, Rules, maxBlockSize: 2, [(0, 0), (1, 1), (2, 2), (3, 3), (0, 0)]);

        Assert.Equal((4L, 2L, 2L, 0.5), (result.TruePairs, result.Blocked, result.Missed, result.Recall));
        Assert.Equal(new BlockingRuleRecall("nhs", 4, Blocked: 1, Added: 1, CumulativeBlocked: 1, SkippedForSize: 0), result.Rules[0]);
        Assert.Equal(new BlockingRuleRecall("dob", 4, Blocked: 1, Added: 1, CumulativeBlocked: 2, SkippedForSize: 1), result.Rules[1]);
        Assert.Equal((0.25, 0.5), (result.Rules[1].Recall, result.Rules[1].CumulativeRecall));
    }

    [Fact]
    public void A_larger_cap_makes_the_skipped_block_count()
    {
        var result = BlockingRecall.Measure(Left, Right, Rules, maxBlockSize: 3, [(0, 0), (1, 1), (2, 2), (3, 3)]);

        Assert.Equal(3, result.Blocked);
        Assert.Equal(0, result.Rules[1].SkippedForSize);
    }

    [Fact]
    public void A_pair_both_rules_block_is_added_by_the_first_only()
    {
        var left = Set(("A", "9990000018", "1980-01-01"));
        var right = Set(("B", "9990000018", "1980-01-01"));

        var result = BlockingRecall.Measure(left, right, Rules, 10, [(0, 0)]);

        Assert.Equal([(1L, 1L), (1L, 0L)], result.Rules.Select(r => (r.Blocked, r.Added)));
        Assert.Equal(1.0, result.Recall);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Blocked_pairs_are_exactly_the_pairs_a_linker_with_the_same_rules_compares(int seed)
    {
        // Small pools of values so that blocks form, some over the cap; every pair is a "true" pair.
        var random = new Random(seed);
        string[] numbers = ["9990000018", "9990000026", ""];
        string[] dates = ["1980-01-01", "1980-01-02", "1990-05-05", ""];
        RecordSet Random(string prefix, int count) => Set(Enumerable.Range(0, count)
            .Select(i => (prefix + i, numbers[random.Next(numbers.Length)], dates[random.Next(dates.Length)])).ToArray());
        var left = Random("L", 14);
        var right = Random("R", 11);
        var options = LinkOptions.Default with { BlockingRules = Rules, MaxBlockSize = 5, MinimumDecision = MatchDecision.NonMatch };
        var compared = new Linker(MatchModel.Default, options).Link(left, right).Pairs.Select(p => (p.LeftIndex, p.RightIndex)).ToHashSet();

        var all = from a in Enumerable.Range(0, left.Count) from b in Enumerable.Range(0, right.Count) select (a, b);
        var result = BlockingRecall.Measure(left, right, Rules, options.MaxBlockSize, all);

        Assert.Equal(compared.Count, result.Blocked);
        Assert.Equal((long)left.Count * right.Count, result.TruePairs);
        foreach (var (a, b) in all)
        {
            var alone = BlockingRecall.Measure(left, right, Rules, options.MaxBlockSize, [(a, b)]);
            Assert.Equal(compared.Contains((a, b)), alone.Blocked == 1);
        }
    }

    [Fact]
    public void Deduplication_counts_a_pair_once_in_either_order()
    {
        var records = Set(("A", "9990000018", "1980-01-01"), ("B", "9990000018", "1981-01-01"), ("C", "", "1981-01-01"), ("D", "", "1999-09-09"));

        var result = BlockingRecall.MeasureDeduplication(records, Rules, 10, [(0, 1), (1, 0), (2, 1), (3, 0)]);

        Assert.Equal((3L, 2L), (result.TruePairs, result.Blocked));
        Assert.Equal([1L, 1L], result.Rules.Select(r => r.Added));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockingRecall.Measure(Left, Right, Rules, 1, [(0, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockingRecall.Measure(Left, Right, Rules, 10, [(4, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockingRecall.Measure(Left, Right, Rules, 10, [(0, -1)]));
        Assert.Throws<ArgumentException>(() => BlockingRecall.MeasureDeduplication(Left, Rules, 10, [(1, 1)]));
        Assert.Throws<ArgumentNullException>(() => BlockingRecall.Measure(Left, Right, [Rules[0], null!], 10, [(0, 0)]));
    }

    [Fact]
    public void No_true_pairs_is_full_recall_and_the_description_holds_counts_only()
    {
        var result = BlockingRecall.Measure(Left, Right, Rules, 10, []);

        Assert.Equal(1.0, result.Recall);
        Assert.Equal("BlockingRecall(TruePairs = 0, Blocked = 0, Recall = 1.0000)", result.ToString());
    }
}
