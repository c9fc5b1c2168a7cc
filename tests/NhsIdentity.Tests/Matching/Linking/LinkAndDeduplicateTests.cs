using NhsIdentity.Matching;
using NhsIdentity.Text;

namespace NhsIdentity.Tests.Matching.Linking;

public sealed class LinkAndDeduplicateTests
{
    [Fact]
    public void Combined_set_is_the_same_as_preparing_all_the_records_together()
    {
        var first = LinkingPeople.Population(21, 700, 0.3, tight: false);
        var second = LinkingPeople.Population(22, 600, 0.3, tight: false);
        var together = new RecordSet([.. first, .. second]);

        var combined = RecordSet.Combine(new RecordSet(first), new RecordSet(second));

        Assert.Equal(together.Count, combined.Count);
        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            Assert.Equal(together.GetCounts(kind), combined.GetCounts(kind));
        }

        // Same ids, and every pair scores the same (term frequencies included: 1,300 records are enough to measure).
        var random = new Random(5);
        for (var k = 0; k < 2_000; k++)
        {
            int i = random.Next(combined.Count), j = random.Next(combined.Count);
            Assert.Equal(together.GetId(i), combined.GetId(i));
            Assert.Equal(MatchModel.Default.Score(together, i, together, j), MatchModel.Default.Score(combined, i, combined, j));
        }
    }

    [Fact]
    public void Link_and_deduplicate_finds_pairs_within_each_set_and_across()
    {
        var left = LinkingPeople.Population(31, 400, 0.5, tight: true);
        var right = LinkingPeople.Population(32, 400, 0.5, tight: true);

        // Some of the left's people also appear on the right, keyed again with noise.
        var random = new Random(9);
        right.AddRange(left.Take(100).Select((r, k) => LinkingPeople.Noisy(random, r, "R-again-" + k)));
        var sets = new[] { new RecordSet(left), new RecordSet(right) };

        var result = new Linker(MatchModel.Default).LinkAndDeduplicate(sets, out var combined);

        Assert.Equal(left.Count + right.Count, combined.Count);
        Assert.True(result.IsDeduplication);
        Assert.Equal(new Linker(MatchModel.Default).Deduplicate(combined).Pairs, result.Pairs);
        var withinLeft = result.Pairs.Count(p => p.RightIndex < left.Count);
        var withinRight = result.Pairs.Count(p => p.LeftIndex >= left.Count);
        var across = result.Pairs.Count - withinLeft - withinRight;
        Assert.True(withinLeft > 0 && withinRight > 0 && across > 0, $"{withinLeft} / {withinRight} / {across}");
        Assert.All(result.Pairs, p => Assert.True(p.LeftIndex < p.RightIndex));
    }

    [Fact]
    public void Sets_with_different_nickname_tables_cannot_be_combined()
    {
        var one = new RecordSet([MatchModelScoringTests.Alice]);
        var other = new RecordSet([MatchModelScoringTests.Alice], RecordSetOptions.Default with { Nicknames = NicknameTable.Create([("ROBERT", "BOB")], "test") });

        Assert.Throws<ArgumentException>(() => RecordSet.Combine(one, other));
        Assert.Throws<ArgumentException>(() => RecordSet.Combine());
        Assert.Throws<ArgumentException>(() => RecordSet.Combine(one, null!));
    }

    [Fact]
    public void Combining_leaves_the_sets_usable_and_unchanged()
    {
        var records = LinkingPeople.Population(41, 50, 0.5, tight: true);
        var set = new RecordSet(records);
        var before = Enumerable.Range(0, set.Count).Select(i => MatchModel.Default.Score(set, i, set, (i + 1) % set.Count)).ToList();

        var combined = RecordSet.Combine(set, set);

        Assert.Equal(2 * set.Count, combined.Count);
        Assert.Equal(before, Enumerable.Range(0, set.Count).Select(i => MatchModel.Default.Score(set, i, set, (i + 1) % set.Count)));

        // A record and its copy in the second half are the same person.
        Assert.Equal(MatchDecision.Match, MatchModel.Default.Score(combined, 3, combined, set.Count + 3).Decision);
    }
}
