using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Tests.Matching.Linking;

namespace NhsIdentity.Tests.Matching.Blocking;

/// <summary>
/// <see cref="BlockingAnalysis"/> against a brute-force oracle over every pair of records: a rule's pairs alone are the
/// pairs whose keys under it are equal and not empty; its new pairs are those no earlier rule blocks. And against
/// what a <see cref="Linker"/> run of the same records actually compares.
/// </summary>
public sealed class BlockingAnalysisProperties
{
    private static Arbitrary<(int Seed, int People, bool Linkage)> Cases =>
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from people in Gen.Choose(1, 40)
            from linkage in Gen.Elements(false, true)
            select (seed, people, linkage));

    [Property(MaxTest = 100)]
    public Property Counts_per_rule_equal_a_brute_force_count_of_every_pair() =>
        Prop.ForAll(Cases, c =>
        {
            var left = new RecordSet(LinkingPeople.Population(c.Seed, c.People, 0.5, tight: true));
            var right = c.Linkage ? new RecordSet(LinkingPeople.Population(c.Seed + 1, c.People, 0.5, tight: true)) : left;
            var report = c.Linkage ? BlockingAnalysis.CountLinkagePairs(left, right) : BlockingAnalysis.CountDeduplicationPairs(left);
            var (alone, added) = Oracle(BlockingRule.Defaults, left, right, c.Linkage);

            long cumulative = 0;
            for (var r = 0; r < BlockingRule.Defaults.Count; r++)
            {
                cumulative += added[r];
                var entry = report.Rules[r];
                if (entry.RuleName != BlockingRule.Defaults[r].Name || entry.BlockPairs != alone[r] || entry.PairsProduced != added[r]
                    || entry.CumulativePairs != cumulative)
                {
                    return false;
                }
            }

            return report.TotalPairs == cumulative && report.PairBudget is null;
        });

    [Fact]
    public void Counts_equal_what_a_linker_run_compares_rule_by_rule()
    {
        var left = new RecordSet(LinkingPeople.Population(11, 300, 0.4, tight: true));
        var right = new RecordSet(LinkingPeople.Population(12, 300, 0.4, tight: true));
        var linker = new Linker(MatchModel.Default, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch });

        foreach (var (analysis, run) in new[]
        {
            (BlockingAnalysis.CountDeduplicationPairs(left), linker.Deduplicate(left)),
            (BlockingAnalysis.CountLinkagePairs(left, right), linker.Link(left, right)),
        })
        {
            Assert.True(analysis.TotalPairs > 0);
            Assert.Equal(run.PairsCompared, analysis.TotalPairs);
            Assert.Equal(run.BlockingReport.Rules.Select(r => r.PairsProduced), analysis.Rules.Select(r => r.PairsProduced));
            Assert.Equal(run.BlockingReport.Rules.Select(r => r.BlockPairs), analysis.Rules.Select(r => r.BlockPairs));
        }
    }

    [Fact]
    public void Capped_blocks_count_as_the_linker_caps_them()
    {
        // Everyone shares a date of birth: the dob block is over a size cap of 4 and produces nothing on its own.
        var records = Enumerable.Range(1, 6).Select(i => new PatientRecord { Id = "R" + i, GivenNames = "Name" + (char)('a' + i), FamilyName = "Family" + (char)('a' + i), DateOfBirth = "01/02/1990" });
        var set = new RecordSet(records);
        var options = LinkOptions.Default with { BlockingRules = [BlockingRule.DateOfBirth], MaxBlockSize = 4 };

        var report = BlockingAnalysis.CountDeduplicationPairs(set, options);

        Assert.Equal(0, report.TotalPairs);
        Assert.Equal(0, report.Rules[0].BlockPairs);
        Assert.Equal(1, report.Rules[0].CappedBlocks);
        Assert.Equal(15, report.Rules[0].CappedPairs);
        Assert.Equal(15, BlockingAnalysis.CountDeduplicationPairs(set, options with { MaxBlockSize = 6 }).TotalPairs);
    }

    [Fact]
    public void Null_sets_are_refused()
    {
        var set = new RecordSet([]);
        Assert.Throws<ArgumentNullException>(() => BlockingAnalysis.CountDeduplicationPairs(null!));
        Assert.Throws<ArgumentNullException>(() => BlockingAnalysis.CountLinkagePairs(set, null!));
        Assert.Throws<ArgumentNullException>(() => BlockingAnalysis.CountLinkagePairs(null!, set));
    }

    /// <summary>Each rule's pairs on its own, and the pairs it adds to those of the rules before it.</summary>
    /// <summary>Brute force over every pair: the pairs each rule blocks alone, and those it adds after earlier rules
    /// (also the oracle of <c>ProfileCommandTests</c>).</summary>
    internal static (long[] Alone, long[] Added) Oracle(IReadOnlyList<BlockingRule> rules, RecordSet left, RecordSet right, bool linkage)
    {
        var alone = new long[rules.Count];
        var added = new long[rules.Count];
        for (var i = 0; i < left.Count; i++)
        {
            for (var j = linkage ? 0 : i + 1; j < right.Count; j++)
            {
                var first = true;
                for (var r = 0; r < rules.Count; r++)
                {
                    var key = rules[r].GetKey(left, i);
                    if (key != 0 && key == rules[r].GetKey(right, j))
                    {
                        alone[r]++;
                        added[r] += first ? 1 : 0;
                        first = false;
                    }
                }
            }
        }

        return (alone, added);
    }
}
