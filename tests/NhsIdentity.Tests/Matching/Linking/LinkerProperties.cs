using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// The linker against a brute-force oracle: every pair of records is tested against every rule's predicate (both
/// records have the rule's key and the keys are equal); with <see cref="MatchDecision.NonMatch"/> as the minimum and
/// no block capped, the linker must return exactly the pairs some rule blocks, each once, scored as the model scores
/// them.
/// </summary>
public sealed class LinkerProperties
{
    private static readonly LinkOptions Everything = LinkOptions.Default with
    {
        MinimumDecision = MatchDecision.NonMatch,
        MaxBlockSize = 1_000,
    };

    /// <summary>A seed and a size for a small set drawn from tight pools, so many rules block many pairs.</summary>
    private static Arbitrary<(int Seed, int People)> SmallSets =>
        Arb.From(from seed in Gen.Choose(0, int.MaxValue) from people in Gen.Choose(1, 40) select (seed, people));

    [Property(MaxTest = 60)]
    public Property Deduplicate_returns_exactly_the_blocked_pairs_once_each() =>
        Prop.ForAll(SmallSets, input =>
        {
            var set = new RecordSet(LinkingPeople.Population(input.Seed, input.People, 0.5, tight: true));
            var expected = new List<(int, int)>();
            for (var i = 0; i < set.Count; i++)
            {
                for (var j = i + 1; j < set.Count; j++)
                {
                    if (AnyRuleBlocks(set, i, set, j))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);
            return SameAsOracle(result, expected, set, set);
        });

    [Property(MaxTest = 60)]
    public Property Link_returns_exactly_the_blocked_pairs_once_each() =>
        Prop.ForAll(SmallSets, SmallSets, (a, b) =>
        {
            var left = new RecordSet(LinkingPeople.Population(a.Seed, a.People, 0.3, tight: true));
            var right = new RecordSet(LinkingPeople.Population(b.Seed, b.People, 0.3, tight: true));
            var expected = new List<(int, int)>();
            for (var i = 0; i < left.Count; i++)
            {
                for (var j = 0; j < right.Count; j++)
                {
                    if (AnyRuleBlocks(left, i, right, j))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            var result = new Linker(MatchModel.Default, Everything).Link(left, right);
            return SameAsOracle(result, expected, left, right);
        });

    private static bool AnyRuleBlocks(RecordSet a, int i, RecordSet b, int j)
    {
        foreach (var rule in BlockingRule.Defaults)
        {
            var key = rule.GetKey(a, i);
            if (key != 0 && key == rule.GetKey(b, j))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameAsOracle(LinkResult result, List<(int, int)> expected, RecordSet left, RecordSet right)
    {
        if (result.Pairs.Count != expected.Count || result.PairsCompared != expected.Count
            || result.BlockingReport.TotalPairs != expected.Count || result.BlockingReport.CappedBlocks != 0)
        {
            return false;
        }

        for (var k = 0; k < expected.Count; k++)
        {
            var pair = result.Pairs[k];
            if ((pair.LeftIndex, pair.RightIndex) != expected[k]
                || MatchModel.Default.Score(left, pair.LeftIndex, right, pair.RightIndex) != new MatchScore(pair.Weight, pair.Probability, pair.Decision))
            {
                return false;
            }
        }

        return true;
    }
}
