using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching.Comparisons;

/// <summary>Thresholds, levels and term-frequency adjustments set through the model, not code.</summary>
public sealed class ComparisonSettingsTests
{
    private static readonly ComparisonModel DefaultName = ComparisonDefinition.Get(ComparisonKind.Name).DefaultModel;

    /// <summary>The default model with names compared together, as version 1 models do: these tests are about the
    /// settings of that comparison, the one with the most of them.</summary>
    private static readonly MatchModel CombinedNameModel = MatchModel.Default.WithoutComparison(ComparisonKind.GivenName)
        .WithoutComparison(ComparisonKind.FamilyName).WithComparison(DefaultName);

    private static int Level(MatchModel model, ComparisonKind kind, PatientRecord a, PatientRecord b)
    {
        var set = new RecordSet([a, b]);
        var outcome = model.Explain(set, 0, set, 1).Outcomes.Single(o => o.Comparison == kind);
        return outcome.Level;
    }

    [Fact]
    public void A_higher_jaro_winkler_threshold_moves_a_typo_down_a_level_and_the_weight_follows()
    {
        var a = new PatientRecord { GivenNames = "Alice", FamilyName = "Pemberten" };
        var b = new PatientRecord { GivenNames = "Alice", FamilyName = "Pemberton" };
        var strict = CombinedNameModel.WithComparison(DefaultName.WithParameter("jaroWinklerHigh", 0.99));

        Assert.Equal((int)NameLevel.JaroWinkler92, Level(CombinedNameModel, ComparisonKind.Name, a, b));
        Assert.Equal((int)NameLevel.JaroWinkler88, Level(strict, ComparisonKind.Name, a, b));
        var set = new RecordSet([a, b]);
        var expected = CombinedNameModel.Score(set, 0, set, 1).Weight - DefaultName.Levels[(int)NameLevel.JaroWinkler92].Weight
            + DefaultName.Levels[(int)NameLevel.JaroWinkler88].Weight;
        Assert.Equal(expected, strict.Score(set, 0, set, 1).Weight, tolerance: 1e-4);
    }

    [Fact]
    public void A_dropped_level_is_never_reached_and_the_pair_goes_on_to_the_next_level_that_holds()
    {
        // PHILIP/FILIP and KNIGHT/NITE sound alike (Double Metaphone) but are far apart by Jaro-Winkler.
        var a = new PatientRecord { GivenNames = "Philip", FamilyName = "Knight" };
        var b = new PatientRecord { GivenNames = "Filip", FamilyName = "Nite" };
        var withoutPhonetic = CombinedNameModel.WithComparison(DefaultName.WithoutLevel((int)NameLevel.Phonetic));

        Assert.Equal((int)NameLevel.Phonetic, Level(CombinedNameModel, ComparisonKind.Name, a, b));
        Assert.Equal((int)NameLevel.Else, Level(withoutPhonetic, ComparisonKind.Name, a, b));
        Assert.False(withoutPhonetic.GetComparison(ComparisonKind.Name)!.IsLevelUsed((int)NameLevel.Phonetic));

        // And back again.
        var restored = CombinedNameModel.WithComparison(withoutPhonetic.GetComparison(ComparisonKind.Name)!.WithLevelUsed((int)NameLevel.Phonetic));
        Assert.Equal((int)NameLevel.Phonetic, Level(restored, ComparisonKind.Name, a, b));
    }

    [Fact]
    public void Dropping_the_exact_level_sends_equal_dates_to_the_next_level_that_holds()
    {
        var a = new PatientRecord { DateOfBirth = "1987-03-14" };
        var model = CombinedNameModel.WithComparison(
            CombinedNameModel.GetComparison(ComparisonKind.DateOfBirth)!.WithoutLevel((int)DateOfBirthLevel.Exact));

        // Equal dates are not one digit apart but share all three parts: TwoPartsEqual holds.
        Assert.Equal((int)DateOfBirthLevel.TwoPartsEqual, Level(model, ComparisonKind.DateOfBirth, a, a));
    }

    [Theory]
    [InlineData(365, (int)DateOfBirthLevel.WithinOneYear)]
    [InlineData(100, (int)DateOfBirthLevel.Else)]
    public void The_date_window_is_a_parameter(double withinDays, int expected)
    {
        var a = new PatientRecord { DateOfBirth = "1987-03-14" };
        var b = new PatientRecord { DateOfBirth = "1987-10-02" }; // 202 days later; no two parts equal
        var model = CombinedNameModel.WithComparison(
            CombinedNameModel.GetComparison(ComparisonKind.DateOfBirth)!.WithParameter("withinDays", withinDays));
        Assert.Equal(expected, Level(model, ComparisonKind.DateOfBirth, a, b));
    }

    [Fact]
    public void The_address_cut_offs_are_parameters()
    {
        var a = new PatientRecord { Address = "12 Park Row, Leeds" };
        var b = new PatientRecord { Address = "12 Park Road, Leeds" };
        var address = CombinedNameModel.GetComparison(ComparisonKind.Address)!;
        var defaultLevel = Level(CombinedNameModel, ComparisonKind.Address, a, b);
        Assert.NotEqual((int)AddressLevel.Else, defaultLevel);
        var strict = CombinedNameModel.WithComparison(address.WithParameter("similarHigh", 1.0).WithParameter("similarLow", 1.0));
        Assert.Equal((int)AddressLevel.Else, Level(strict, ComparisonKind.Address, a, b));
    }

    [Fact]
    public void Term_frequency_adjustment_can_be_turned_off_per_level()
    {
        // A small set measures frequencies when its minimum allows: SMITH is common here, so agreeing on it is adjusted.
        var options = RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 };
        PatientRecord[] records =
        [
            new() { Id = "1", GivenNames = "John", FamilyName = "Smith" },
            new() { Id = "2", GivenNames = "John", FamilyName = "Smith" },
            new() { Id = "3", GivenNames = "Jane", FamilyName = "Jones" },
            new() { Id = "4", GivenNames = "Ravi", FamilyName = "Patel" },
        ];
        var set = new RecordSet(records, options);
        var adjusted = CombinedNameModel.Explain(set, 0, set, 1).Outcomes.Single(o => o.Comparison == ComparisonKind.Name);
        Assert.NotEqual(0, adjusted.TermFrequencyAdjustment);

        var off = CombinedNameModel.WithComparison(DefaultName.WithTermFrequencyAdjustment((int)NameLevel.ExactFullName, adjusted: false));
        var plain = off.Explain(set, 0, set, 1).Outcomes.Single(o => o.Comparison == ComparisonKind.Name);
        Assert.Equal(0, plain.TermFrequencyAdjustment);
        Assert.Equal(DefaultName.Levels[(int)NameLevel.ExactFullName].Weight, plain.Weight, tolerance: 1e-4);
        Assert.Throws<ArgumentException>(() => DefaultName.WithTermFrequencyAdjustment((int)NameLevel.Swapped, adjusted: true));
    }

    [Fact]
    public void With_a_customised_model_explain_adds_up_to_the_score_and_training_sees_the_same_levels()
    {
        var name = DefaultName.WithParameter("jaroWinklerHigh", 0.97).WithParameter("jaroWinklerLow", 0.8)
            .WithoutLevel((int)NameLevel.Phonetic).WithoutLevel((int)NameLevel.Swapped);
        var date = CombinedNameModel.GetComparison(ComparisonKind.DateOfBirth)!.WithParameter("withinDays", 30)
            .WithoutLevel((int)DateOfBirthLevel.OneDigitDifferent);
        var model = CombinedNameModel.WithComparison(name).WithComparison(date).WithoutComparison(ComparisonKind.Sex)
            .WithPolicy(new DecisionPolicy(0.9, 0.2, DifferentNhsNumbersNeverMatch: true));
        var (records, _) = NhsIdentity.Tests.Matching.Training.SyntheticPeople.Create(150, seed: 3);
        var set = new RecordSet(records);
        var outcomes = new ComparisonOutcome[model.Comparisons.Count];
        var codes = new byte[model.Comparisons.Count];
        var pairs = 0;
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = i + 1; j < set.Count; j += 3)
            {
                var score = model.Score(set, i, set, j);
                Assert.Equal(model.Comparisons.Count, model.Explain(set, i, set, j, outcomes));
                var sum = model.PriorWeight;
                foreach (var outcome in outcomes)
                {
                    sum += outcome.Weight;
                }

                Assert.Equal(score.Weight, sum);
                model.Levels(set, i, set, j, codes);
                for (var c = 0; c < codes.Length; c++)
                {
                    Assert.Equal(outcomes[c].Level < 0 ? -1 : codes[c], outcomes[c].Level);
                    Assert.True(outcomes[c].Level < 0 || model.Comparisons[c].IsLevelUsed(outcomes[c].Level));
                }

                pairs++;
            }
        }

        Assert.True(pairs > 1_000);
    }

    [Fact]
    public void A_comparison_cannot_be_left_with_only_its_last_level()
    {
        var nhs = CombinedNameModel.GetComparison(ComparisonKind.NhsNumber)!;
        var error = Assert.Throws<ArgumentException>(() => nhs.WithoutLevel((int)NhsNumberLevel.Equal));
        Assert.Contains("drop the comparison instead", error.Message, StringComparison.Ordinal);
        var postcode = CombinedNameModel.GetComparison(ComparisonKind.Postcode)!
            .WithoutLevel(0).WithoutLevel(1).WithoutLevel(2);
        Assert.Throws<ArgumentException>(() => postcode.WithoutLevel(3));
    }

    [Fact]
    public void Levels_and_definitions_cannot_be_changed_through_their_lists()
    {
        var levels = CombinedNameModel.GetComparison(ComparisonKind.Sex)!.Levels;
        Assert.False(levels is ComparisonLevelModel[]);
        Assert.True(((ICollection<ComparisonLevelModel>)levels).IsReadOnly);
        Assert.True(((ICollection<ComparisonDefinition>)ComparisonDefinition.All).IsReadOnly);
        Assert.True(((ICollection<ComparisonLevelDefinition>)ComparisonDefinition.Get(ComparisonKind.Sex).Levels).IsReadOnly);
    }

    [Fact]
    public void Mistakes_in_settings_are_clear_errors()
    {
        var last = DefaultName.Levels.Count - 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultName.WithoutLevel(last));
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultName.WithoutLevel(-1));
        var unknown = Assert.Throws<ArgumentException>(() => DefaultName.WithParameter("jaroWinklerHihg", 0.9));
        Assert.Contains("jaroWinklerHigh, jaroWinklerMedium, jaroWinklerLow", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultName.WithParameter("jaroWinklerHigh", 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultName.WithParameter("jaroWinklerHigh", double.NaN));
        var none = Assert.Throws<ArgumentException>(() => CombinedNameModel.GetComparison(ComparisonKind.Sex)!.WithParameter("x", 1));
        Assert.Contains("none", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_read_back_by_name_in_any_case()
    {
        var changed = DefaultName.WithParameter("JAROWINKLERLOW", 0.75);
        Assert.Equal(0.75, changed.GetParameter("jaroWinklerLow"));
        Assert.Equal(0.75, changed.Parameters["jarowinklerlow"]);
        Assert.Equal(0.70, DefaultName.GetParameter("jaroWinklerLow"));
        Assert.Equal(["jaroWinklerHigh", "jaroWinklerLow", "jaroWinklerMedium"], changed.Parameters.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Settings_survive_training_which_learns_only_m_u_and_the_prior()
    {
        var (people, _) = NhsIdentity.Tests.Matching.Training.SyntheticPeople.Create(400, seed: 20261206);
        var start = CombinedNameModel.WithComparison(DefaultName.WithParameter("jaroWinklerHigh", 0.95).WithoutLevel((int)NameLevel.Phonetic));
        var trained = NhsIdentity.Matching.Training.ModelTrainer.Train(new RecordSet(people),
            NhsIdentity.Matching.Training.TrainingOptions.Default with { StartingModel = start }).Model;
        var name = trained.GetComparison(ComparisonKind.Name)!;
        Assert.Equal(0.95, name.GetParameter("jaroWinklerHigh"));
        Assert.False(name.IsLevelUsed((int)NameLevel.Phonetic));
    }
}
