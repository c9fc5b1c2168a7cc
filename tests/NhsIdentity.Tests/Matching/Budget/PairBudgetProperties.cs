using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Tests.Matching.Linking;

namespace NhsIdentity.Tests.Matching.Budget;

/// <summary>
/// The budget check against a brute-force oracle, on small sets with budgets far below
/// <see cref="LinkOptions.MinimumPairBudget"/> (through the internal check, which takes the budget outright). The
/// oracle walks the rules in order over every pair of records: a rule's new pairs are those it blocks that no earlier
/// rule still in the run blocks; the first rule whose new pairs take the total past the budget stops the run or is
/// left out.
/// </summary>
public sealed class PairBudgetProperties
{
    private static Arbitrary<(int Seed, int People, bool Linkage, int BudgetPercent, bool Skip)> Cases =>
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from people in Gen.Choose(1, 40)
            from linkage in Gen.Elements(false, true)
            from budgetPercent in Gen.Choose(0, 130)
            from skip in Gen.Elements(false, true)
            select (seed, people, linkage, budgetPercent, skip));

    [Property(MaxTest = 150)]
    public Property The_check_finds_the_rule_that_crosses_and_the_count_is_what_is_visited() =>
        Prop.ForAll(Cases, c =>
        {
            var left = new RecordSet(LinkingPeople.Population(c.Seed, c.People, 0.5, tight: true));
            var right = c.Linkage ? new RecordSet(LinkingPeople.Population(c.Seed + 1, c.People, 0.5, tight: true)) : left;
            var rules = BlockingRule.Defaults;
            var blocked = BlockedBy(rules, left, right, c.Linkage);
            long total = 0;
            foreach (var pair in blocked)
            {
                total += pair.Length > 0 ? 1 : 0;
            }

            var budget = total * c.BudgetPercent / 100;
            var policy = c.Skip ? PairBudgetPolicy.SkipRule : PairBudgetPolicy.Stop;
            var (expectedSkipped, expectedStop, expectedTotal) = Oracle(blocked, rules.Count, budget, policy);

            var source = c.Linkage
                ? CandidatePairSource.ForLinkage(left, right, rules, 1_000)
                : CandidatePairSource.ForDeduplication(left, rules, 1_000);
            try
            {
                Linker.ApplyPairBudget(source, budget, policy, CancellationToken.None);
            }
            catch (PairBudgetExceededException stop)
            {
                return expectedStop is { } s && stop.RuleName == rules[s.Rule].Name && stop.PairsBeforeRule == s.Before
                    && stop.RulePairs == s.RulePairs && stop.Budget == budget;
            }

            // Visiting what is left gives exactly the pairs the oracle kept, each once, and never more than the budget.
            var visited = new HashSet<(int, int)>();
            var count = 0L;
            foreach (var block in source.Blocks)
            {
                var collector = new Collector(visited);
                count += source.VisitPairs(block, ref collector);
            }

            var expectedPairs = new HashSet<(int, int)>();
            for (var k = 0; k < blocked.Count; k++)
            {
                if (blocked[k].Any(r => !expectedSkipped.Contains(r)))
                {
                    expectedPairs.Add(PairAt(k, left.Count, right.Count, c.Linkage));
                }
            }

            return expectedStop is null && source.SkippedRules.SequenceEqual(expectedSkipped) && count == expectedTotal
                && count == visited.Count && count <= budget && visited.SetEquals(expectedPairs);
        });

    /// <summary>For each pair (in a fixed order), the rules that block it.</summary>
    private static List<int[]> BlockedBy(IReadOnlyList<BlockingRule> rules, RecordSet left, RecordSet right, bool linkage)
    {
        var blocked = new List<int[]>();
        for (var i = 0; i < left.Count; i++)
        {
            for (var j = linkage ? 0 : i + 1; j < right.Count; j++)
            {
                var by = new List<int>();
                for (var r = 0; r < rules.Count; r++)
                {
                    var key = rules[r].GetKey(left, i);
                    if (key != 0 && key == rules[r].GetKey(right, j))
                    {
                        by.Add(r);
                    }
                }

                blocked.Add([.. by]);
            }
        }

        return blocked;
    }

    private static (int, int) PairAt(int k, int leftCount, int rightCount, bool linkage)
    {
        for (var i = 0; i < leftCount; i++)
        {
            var row = linkage ? rightCount : leftCount - i - 1;
            if (k < row)
            {
                return (i, linkage ? k : i + 1 + k);
            }

            k -= row;
        }

        throw new ArgumentOutOfRangeException(nameof(k));
    }

    private static (List<int> Skipped, (int Rule, long Before, long RulePairs)? Stop, long Total) Oracle(List<int[]> blocked, int rules, long budget, PairBudgetPolicy policy)
    {
        var skipped = new List<int>();
        long total = 0;
        for (var r = 0; r < rules; r++)
        {
            long added = 0, inBlocks = 0;
            foreach (var by in blocked)
            {
                if (by.Contains(r))
                {
                    inBlocks++;
                    added += by.Any(q => q < r && !skipped.Contains(q)) ? 0 : 1;
                }
            }

            if (total + added <= budget)
            {
                total += added;
                continue;
            }

            if (policy == PairBudgetPolicy.Stop)
            {
                return (skipped, (r, total, inBlocks), total);
            }

            skipped.Add(r);
        }

        return (skipped, null, total);
    }

    private readonly struct Collector(HashSet<(int, int)> visited) : IPairVisitor
    {
        public void Visit(int left, int right) => visited.Add((left, right));
    }
}
