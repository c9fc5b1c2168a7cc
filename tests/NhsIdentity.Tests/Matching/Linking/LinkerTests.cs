using System.Globalization;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Linking;

public sealed class LinkerTests
{
    // Invented people; 999-range NHS numbers only.
    private static readonly PatientRecord Alice = MatchModelScoringTests.Alice;

    private static readonly PatientRecord Brian = new()
    {
        Id = "B1", NhsNumber = "999 000 0026", GivenNames = "Brian", FamilyName = "Okafor", DateOfBirth = "1950-07-02",
        Sex = "M", Postcode = "M1 1AE", Address = "3 Mill Lane, Manchester",
    };

    private static readonly PatientRecord Chloe = new()
    {
        Id = "C1", GivenNames = "Chloe", FamilyName = "Nguyen", DateOfBirth = "1999-12-30", Sex = "F", Postcode = "B1 1AA",
    };

    [Fact]
    public void Link_finds_a_noisy_duplicate_and_returns_no_unrelated_pair()
    {
        var left = new RecordSet([Brian, Alice, Chloe]);

        // Alice again, keyed by another supplier: no NHS number, a typo in the family name, the postcode without a space.
        // X9 is another man of a like family name born a day later in Cardiff (a "Bryan" there would be a likely
        // duplicate: same address, names alike, a one-digit date error; the name-set blocking rule now finds it).
        var aliceAgain = Alice.With(id: "X7", nhs: "", family: "Pembreton", postcode: "LS14AP");
        var right = new RecordSet([Chloe.With(id: "X1", given: "Zoe", dob: "1961-01-05"), aliceAgain, Brian.With(id: "X9", dob: "1950-07-03", nhs: "", given: "Kwame", family: "Okafor-Smith", postcode: "CF10 1AA", address: "12 Bute Street, Cardiff")]);

        var result = new Linker(MatchModel.Default).Link(left, right);

        var pair = Assert.Single(result.Pairs, p => p.Decision == MatchDecision.Match);
        Assert.Equal((1, 1), (pair.LeftIndex, pair.RightIndex));
        foreach (var other in result.Pairs)
        {
            Assert.True(other.Decision >= MatchDecision.Review);
            Assert.True(other.LeftIndex == other.RightIndex, "only a person's own records may be returned");
        }
    }

    [Fact]
    public void Returned_scores_are_the_models_scores()
    {
        var records = new RecordSet(LinkingPeople.Population(7, 300, 0.5, tight: false));
        var result = new Linker(MatchModel.Default, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Deduplicate(records);
        Assert.NotEmpty(result.Pairs);
        foreach (var pair in result.Pairs)
        {
            var score = MatchModel.Default.Score(records, pair.LeftIndex, records, pair.RightIndex);
            Assert.Equal(score, new MatchScore(pair.Weight, pair.Probability, pair.Decision));
            Assert.True(pair.LeftIndex < pair.RightIndex);
        }
    }

    [Theory]
    [InlineData(MatchDecision.Review)]
    [InlineData(MatchDecision.Match)]
    public void A_minimum_decision_keeps_exactly_the_pairs_at_or_above_it(MatchDecision minimum)
    {
        // Also guards the linker's shortcut that skips the probability of pairs whose weight is too low.
        var records = new RecordSet(LinkingPeople.Population(11, 400, 0.6, tight: false));
        var all = new Linker(MatchModel.Default, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Deduplicate(records);
        var kept = new Linker(MatchModel.Default, LinkOptions.Default with { MinimumDecision = minimum }).Deduplicate(records);

        Assert.Equal(all.Pairs.Where(p => p.Decision >= minimum), kept.Pairs);
        Assert.Equal(all.PairsCompared, kept.PairsCompared);
        Assert.Contains(all.Pairs, p => p.Decision < minimum);
        Assert.NotEmpty(kept.Pairs);
    }

    [Fact]
    public void Results_are_identical_on_one_thread_and_on_four()
    {
        var left = new RecordSet(LinkingPeople.Population(3, 1_500, 0.4, tight: true));
        var right = new RecordSet(LinkingPeople.Population(3, 1_500, 0.0, tight: true).Select((r, i) => i % 3 == 0 ? r.With(postcode: "") : r));
        var options = LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch };
        var one = new Linker(MatchModel.Default, options with { MaxDegreeOfParallelism = 1 });
        var four = new Linker(MatchModel.Default, options with { MaxDegreeOfParallelism = 4 });

        foreach (var (a, b) in new[] { (one.Deduplicate(left), four.Deduplicate(left)), (one.Link(left, right), four.Link(left, right)) })
        {
            Assert.True(a.PairsCompared > 2 * 32_768, "enough pairs for several partitions");
            Assert.Equal(a.PairsCompared, b.PairsCompared);
            Assert.Equal(a.Pairs.Count, b.Pairs.Count);
            for (var k = 0; k < a.Pairs.Count; k++)
            {
                Assert.Equal((a.Pairs[k].LeftIndex, a.Pairs[k].RightIndex, a.Pairs[k].Decision), (b.Pairs[k].LeftIndex, b.Pairs[k].RightIndex, b.Pairs[k].Decision));
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.Pairs[k].Weight), BitConverter.DoubleToInt64Bits(b.Pairs[k].Weight));
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.Pairs[k].Probability), BitConverter.DoubleToInt64Bits(b.Pairs[k].Probability));
            }

            Assert.Equal(Describe(a.BlockingReport), Describe(b.BlockingReport));
        }
    }

    [Fact]
    public void One_to_one_never_assigns_a_record_twice_and_keeps_the_best_partner()
    {
        // One Alice on the left; three candidate Alices on the right, each a little further from her.
        var left = new RecordSet([Alice, Brian]);
        var right = new RecordSet(
        [
            Alice.With(id: "R0", nhs: "", postcode: "LS2 7UE"),
            Alice.With(id: "R1"),
            Alice.With(id: "R2", nhs: "", given: "Alicia"),
        ]);
        var options = LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch };

        var all = new Linker(MatchModel.Default, options).Link(left, right);
        var assigned = new Linker(MatchModel.Default, options with { OneToOne = true }).Link(left, right);

        Assert.Equal(3, all.Pairs.Count(p => p.LeftIndex == 0));
        var pair = Assert.Single(assigned.Pairs);
        Assert.Equal((0, 1), (pair.LeftIndex, pair.RightIndex));
        Assert.Equal(all.Pairs.Max(p => p.Weight), pair.Weight);
    }

    [Fact]
    public void One_to_one_assigns_each_record_at_most_once_on_a_population()
    {
        var left = new RecordSet(LinkingPeople.Population(5, 600, 0.5, tight: true));
        var right = new RecordSet(LinkingPeople.Population(6, 600, 0.5, tight: true));
        var options = LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch, OneToOne = true };

        var result = new Linker(MatchModel.Default, options).Link(left, right);
        var dedupe = new Linker(MatchModel.Default, options).Deduplicate(left);

        Assert.True(result.Pairs.Count > 100);
        Assert.Equal(result.Pairs.Count, result.Pairs.Select(p => p.LeftIndex).Distinct().Count());
        Assert.Equal(result.Pairs.Count, result.Pairs.Select(p => p.RightIndex).Distinct().Count());
        var used = dedupe.Pairs.SelectMany(p => new[] { p.LeftIndex, p.RightIndex }).ToList();
        Assert.Equal(used.Count, used.Distinct().Count());
        Assert.Equal(result.Pairs.OrderBy(p => p.LeftIndex).ThenBy(p => p.RightIndex), result.Pairs);
    }

    [Fact]
    public void Capped_blocks_are_reported_and_their_pairs_still_come_from_later_rules()
    {
        // 100 records share a date of birth and family name; their given names fall in 20 groups of 5 by initial.
        var records = new RecordSet(Enumerable.Range(0, 100).Select(i => new PatientRecord
        {
            Id = "R" + i.ToString(CultureInfo.InvariantCulture),
            GivenNames = LinkingPeople.GivenNames[i % 20] + " " + LinkingPeople.GivenNames[i / 20],
            FamilyName = "Kowalski",
            DateOfBirth = "1970-01-15",
        }));

        var result = new Linker(MatchModel.Default, LinkOptions.Default with { MaxBlockSize = 10, MinimumDecision = MatchDecision.NonMatch })
            .Deduplicate(records);

        // Two rules hold all 100 in one block: date of birth with family-name Soundex, and date of birth alone.
        var report = result.BlockingReport;
        var capped = report.Rules.Where(r => r.CappedBlocks > 0).ToList();
        Assert.Equal([BlockingRule.DateOfBirthAndFamilySoundex.Name, BlockingRule.DateOfBirth.Name], capped.Select(r => r.RuleName));
        Assert.Equal(2, report.CappedBlocks);
        Assert.Equal(capped.Select(r => r.Warning), report.Warnings);
        foreach (var rule in capped)
        {
            Assert.Equal(1, rule.CappedBlocks);
            Assert.Equal(100 * 99 / 2, rule.CappedPairs);
            Assert.Equal(100, rule.LargestBlockSizes[0]);
            Assert.Equal(0, rule.PairsProduced);
            Assert.Contains(rule.RuleName, rule.Warning, StringComparison.Ordinal);
            Assert.DoesNotContain("Kowalski", rule.Warning, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("1970", rule.Warning, StringComparison.Ordinal);
        }

        // The next rule (date of birth + given initial) blocks the 20 groups of 5: 20 × 10 pairs, all compared.
        var byInitial = Assert.Single(report.Rules, r => r.RuleName == BlockingRule.DateOfBirthAndGivenInitial.Name);
        Assert.Equal(20, byInitial.Blocks);
        Assert.Equal(200, byInitial.PairsProduced);
        Assert.Equal(200, result.PairsCompared);
        Assert.Equal(200, report.TotalPairs);
        Assert.Equal(200, result.Pairs.Count);
        Assert.All(result.Pairs, p => Assert.Equal(p.LeftIndex % 20, p.RightIndex % 20));
    }

    [Fact]
    public void Cumulative_pairs_add_up_rule_by_rule()
    {
        var records = new RecordSet(LinkingPeople.Population(9, 500, 0.5, tight: true));
        var result = new Linker(MatchModel.Default).Deduplicate(records);
        long sum = 0;
        foreach (var rule in result.BlockingReport.Rules)
        {
            sum += rule.PairsProduced;
            Assert.Equal(sum, rule.CumulativePairs);
            Assert.True(rule.LargestBlockSizes.Count <= BlockingReport.LargestBlockCount);
            Assert.Equal(rule.LargestBlockSizes.OrderByDescending(s => s), rule.LargestBlockSizes);
            Assert.Null(rule.Warning);
        }

        Assert.Equal(result.PairsCompared, sum);
        Assert.Equal(BlockingRule.Defaults.Select(r => r.Name), result.BlockingReport.Rules.Select(r => r.RuleName));
    }

    [Fact]
    public void A_cancelled_token_stops_the_run()
    {
        var records = new RecordSet(LinkingPeople.Population(1, 200, 0.5, tight: true));
        var linker = new Linker(MatchModel.Default);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => linker.Deduplicate(records, cancellationToken: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => linker.Link(records, records, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_linker_is_created()
    {
        var model = MatchModel.Default;
        Assert.Throws<ArgumentNullException>(() => new Linker(null!));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MaxBlockSize = 1 }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { BlockingRules = [] }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MaxDegreeOfParallelism = -2 }));
        Assert.Throws<ArgumentException>(() => new Linker(model, LinkOptions.Default with { MinimumDecision = (MatchDecision)7 }));
        Assert.Throws<ArgumentNullException>(() => new Linker(model, LinkOptions.Default with { BlockingRules = [null!] }));
        Assert.Same(LinkOptions.Default, new Linker(model).Options);
    }

    [Fact]
    public void Documented_defaults_hold()
    {
        var options = LinkOptions.Default;
        Assert.Same(BlockingRule.Defaults, options.BlockingRules);
        Assert.Equal(5_000, options.MaxBlockSize);
        Assert.Equal(MatchDecision.Review, options.MinimumDecision);
        Assert.False(options.OneToOne);
        Assert.Equal(-1, options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void Descriptions_hold_counts_only()
    {
        var records = new RecordSet([Alice, Alice.With(id: "A2", nhs: "")]);
        var result = new Linker(MatchModel.Default).Deduplicate(records);
        var text = result + " " + result.BlockingReport + " " + string.Join(" ", result.BlockingReport.Rules) + " " + result.Pairs[0];
        Assert.DoesNotContain("Pemberton", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1987", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LS1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0018", text, StringComparison.Ordinal);
        Assert.StartsWith("LinkResult(Pairs = 1", result.ToString(), StringComparison.Ordinal);
    }

    private static string Describe(BlockingReport report) =>
        report + string.Concat(report.Rules.Select(r => r + " " + r.CappedPairs + " " + string.Join(",", r.LargestBlockSizes)));
}
