using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching;

public sealed class MatchModelTests
{
    [Fact]
    public void Default_model_makes_every_comparison_with_valid_parameters_that_sum_to_one()
    {
        var model = MatchModel.Default;
        Assert.Equal(Enum.GetValues<ComparisonKind>().Length - 1, model.Comparisons.Count); // all but Name (version 1's)
        foreach (var comparison in model.Comparisons)
        {
            Assert.Equal(ComparisonDefinition.Get(comparison.Comparison).Levels.Count, comparison.Levels.Count);
            double m = 0, u = 0;
            foreach (var level in comparison.Levels)
            {
                Assert.True(level.IsValid);
                m += level.M;
                u += level.U;
            }

            Assert.Equal(1.0, m, 6);
            Assert.Equal(1.0, u, 6);
        }
    }

    [Fact]
    public void Best_levels_weigh_more_than_worse_levels_in_the_default_model()
    {
        foreach (var comparison in MatchModel.Default.Comparisons)
        {
            var levels = comparison.Levels;
            Assert.True(levels[0].Weight > 0, $"{comparison.Comparison} best level");
            Assert.True(levels[^1].Weight <= 0 || comparison.Comparison == ComparisonKind.Sex, $"{comparison.Comparison} else level");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Prior_must_be_a_proper_probability(double prior) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchModel.Default.WithPrior(prior));

    [Fact]
    public void Invalid_parameters_are_refused_with_a_message_naming_the_level()
    {
        var error = Assert.Throws<ArgumentException>(() => new ComparisonModel(ComparisonKind.Sex, [new(0.5, 0.5), new(0, 0.5)]));
        Assert.Contains("Different", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ComparisonModel(ComparisonKind.Sex, [new(0.5, 0.5)]));
        Assert.Throws<ArgumentException>(() => new MatchModel(0.01, [MatchModel.Default.Comparisons[0], MatchModel.Default.Comparisons[0]], DecisionPolicy.Default));
        Assert.Throws<ArgumentException>(() => MatchModel.Default.WithPolicy(new DecisionPolicy(0.5, 0.9, true)));
    }

    [Fact]
    public void With_methods_change_only_what_they_name()
    {
        var sex = new ComparisonModel(ComparisonKind.Sex, [new(0.9, 0.5), new(0.1, 0.5)]);
        var model = MatchModel.Default.WithComparison(sex);
        Assert.Same(sex, model.GetComparison(ComparisonKind.Sex));
        Assert.Equal(MatchModel.Default.Comparisons.Count, model.Comparisons.Count);
        Assert.Equal(MatchModel.Default.PriorMatchProbability, model.PriorMatchProbability);
        Assert.NotSame(MatchModel.Default.GetComparison(ComparisonKind.Sex), model.GetComparison(ComparisonKind.Sex));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(10.0, 1024.0 / 1025.0)]
    [InlineData(-10.0, 1.0 / 1025.0)]
    [InlineData(5000.0, 1.0)]
    [InlineData(-5000.0, 0.0)]
    public void Weights_convert_to_probabilities(double weight, double probability) =>
        Assert.Equal(probability, MatchModel.ToProbability(weight), 12);

    [Fact]
    public void Term_frequency_adjustment_makes_a_common_name_count_for_less_than_a_rare_one()
    {
        // 1,000 records: 100 share one full name, the rest are unique; the pair of common-name records must weigh less.
        var records = new List<PatientRecord>();
        for (var i = 0; i < 1000; i++)
        {
            records.Add(new PatientRecord
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                GivenNames = i < 100 ? "John" : "Given" + Letters(i),
                FamilyName = i < 100 ? "Smith" : "Family" + Letters(i),
            });
        }

        records.Add(new PatientRecord { Id = "copy", GivenNames = "Given" + Letters(500), FamilyName = "Family" + Letters(500) });
        var set = new RecordSet(records);
        var common = MatchModel.Default.Explain(set, 0, set, 1);
        var rare = MatchModel.Default.Explain(set, 500, set, 1000);
        var commonName = common.Outcomes.Single(o => o.Comparison == ComparisonKind.GivenName);
        var rareName = rare.Outcomes.Single(o => o.Comparison == ComparisonKind.GivenName);
        Assert.Equal((int)GivenNameLevel.Exact, commonName.Level);
        Assert.Equal((int)GivenNameLevel.Exact, rareName.Level);
        Assert.True(commonName.TermFrequencyAdjustment < rareName.TermFrequencyAdjustment);
        Assert.True(commonName.Weight < rareName.Weight);
        Assert.True(common.Score.Weight < rare.Score.Weight);
    }

    [Fact]
    public void Small_sets_make_no_term_frequency_adjustment()
    {
        var set = new RecordSet([new PatientRecord { GivenNames = "John", FamilyName = "Smith" }, new PatientRecord { GivenNames = "John", FamilyName = "Smith" }]);
        Assert.Equal(0, MatchModel.Default.Explain(set, 0, set, 1).Outcomes[1].TermFrequencyAdjustment);
    }

    private static string Letters(int i)
    {
        Span<char> letters = stackalloc char[4];
        for (var k = 0; k < 4; k++)
        {
            letters[k] = (char)('A' + (i % 26));
            i /= 26;
        }

        return new string(letters);
    }
}
