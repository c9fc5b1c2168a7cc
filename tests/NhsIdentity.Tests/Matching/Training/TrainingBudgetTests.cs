using System.Globalization;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// Issue 14: training compared every pair of a rule (200,000 records of one family name and birth date: hundreds of
/// millions of pairs; at 2,000,000 records it ran for over 13 minutes). Each stage now compares at most
/// <see cref="TrainingOptions.MaxPairsPerTrainingRule"/> pairs chosen by hash, enumerates about
/// <see cref="TrainingOptions.MaxPairsPerRecord"/> per record, and says when it sampled. Counts, not clocks: the tests
/// assert how many pairs each stage compared.
/// </summary>
public sealed class TrainingBudgetTests
{
    private const int Records = 2_500;
    private const long AllPairs = (long)Records * (Records - 1) / 2;

    /// <summary>Invented people who all share one family name and date of birth (one block of 3.1 million pairs
    /// under "same date of birth", under the 5,000-record block cap), three given names, 999-range NHS numbers.</summary>
    private static readonly Lazy<RecordSet> OneFamily = new(() =>
    {
        var given = new[] { "Ann", "Beth", "Cara" };
        var numbers = new NhsNumberGenerator(new Random(5));
        var records = new List<PatientRecord>();
        for (var i = 0; i < Records; i++)
        {
            records.Add(new PatientRecord
            {
                Id = "R" + i.ToString(CultureInfo.InvariantCulture),
                NhsNumber = i % 4 == 0 ? null : numbers.Next().ToString(),
                GivenNames = given[i % 3],
                FamilyName = "Testerson",
                DateOfBirth = "01/01/1980",
                Postcode = "LS1 " + (1 + (i % 9)).ToString(CultureInfo.InvariantCulture) + "AB",
            });
        }

        return new RecordSet(records);
    });

    [Fact]
    public void No_stage_compares_more_than_its_budget_and_every_sampled_rule_is_reported()
    {
        var options = TrainingOptions.Default with { MaxPairsPerTrainingRule = 5_000 };
        var result = ModelTrainer.Train(OneFamily.Value, options);

        // The starting code compared the whole 3.1-million-pair block of train-dob (whole blocks until the budget).
        Assert.All(result.Rules, rule => Assert.InRange(rule.Pairs, 0, options.MaxPairsPerTrainingRule));
        var dob = Assert.Single(result.Samples, s => s.RuleName == "train-dob");
        Assert.Equal(options.MaxPairsPerTrainingRule, dob.PairsCompared);
        Assert.True(dob.PairsEstimated, "3.1 million pairs are over the 1,000,000-pair enumeration floor");
        Assert.InRange(dob.Pairs, AllPairs * 0.95, AllPairs * 1.05);

        // The label and household stages tallied every pair of their rule; now they sample too.
        Assert.Contains(result.Samples, s => s.RuleName == CrossCheckLabels.SameNameAndBirth.Name && s.PairsCompared == options.MaxPairsPerTrainingRule);
        Assert.Contains(result.Samples, s => s.RuleName == HouseholdEstimation.Household.Name && s.PairsCompared == options.MaxPairsPerTrainingRule);
        Assert.All(result.Samples, s => Assert.InRange(s.PairsCompared, 1, options.MaxPairsPerTrainingRule));
        ModelTrainerTests.AssertFinite(result.Model);

        var warnings = new StringWriter();
        TrainingWarnings.Write(result, warnings);
        Assert.Contains("training budget: rule train-dob compared 5,000 of about", warnings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Within_the_budget_a_rule_is_counted_exactly_and_beyond_it_estimated_from_hashed_records()
    {
        var rules = new[] { BlockingRule.Create("dob", BlockingKeyPart.DateOfBirth) };

        // 2,500 × 2,000 = 5 million pairs may be enumerated: every pair is, and the count is exact.
        var exact = new TrainingPairs(OneFamily.Value, OneFamily.Value, true, TrainingOptions.Default with { MaxPairsPerRecord = 2_000 })
            .Select(rules, 0, 1_000, CancellationToken.None);
        Assert.False(exact.Estimated);
        Assert.Equal(AllPairs, exact.Available);
        Assert.Equal(1_000, exact.Count);

        // The floor of 1,000,000 is under the 3.1 million pairs: records are sampled by hash and the count estimated.
        var estimated = new TrainingPairs(OneFamily.Value, OneFamily.Value, true, TrainingOptions.Default with { MaxPairsPerRecord = 1 })
            .Select(rules, 0, 1_000, CancellationToken.None);
        Assert.True(estimated.Estimated);
        Assert.InRange(estimated.Available, AllPairs * 0.95, AllPairs * 1.05);
        Assert.Equal(1_000, estimated.Count);

        // Exactly k distinct pairs, each two different records, the smaller hash on the left.
        var candidates = new TrainingPairs(OneFamily.Value, OneFamily.Value, true, TrainingOptions.Default);
        var pairs = candidates.Select(rules, 0, 1_000, CancellationToken.None);
        var distinct = new HashSet<(int, int)>();
        for (var p = 0; p < pairs.Count; p++)
        {
            Assert.NotEqual(pairs.Left[p], pairs.Right[p]);
            Assert.True(candidates.LeftHashes[pairs.Left[p]] <= candidates.LeftHashes[pairs.Right[p]]);
            Assert.True(distinct.Add((pairs.Left[p], pairs.Right[p])));
        }
    }

    [Fact]
    public void A_block_with_more_pairs_than_MaxPairsPerBlock_is_skipped_and_counted()
    {
        var options = TrainingOptions.Default with { MaxPairsPerBlock = 1_000_000 };
        var result = ModelTrainer.Train(OneFamily.Value, options);
        var dob = Assert.Single(result.Rules, rule => rule.RuleName == "train-dob");
        Assert.Equal(1, dob.CappedBlocks);
        Assert.Equal(0, dob.Pairs);
    }

    [Fact]
    public void The_new_budget_options_are_checked()
    {
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train(OneFamily.Value, TrainingOptions.Default with { MaxPairsPerRecord = 0 }));
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train(OneFamily.Value, TrainingOptions.Default with { MaxPairsPerBlock = 0 }));
    }
}
