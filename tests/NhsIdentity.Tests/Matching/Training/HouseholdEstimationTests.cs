using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Matching.Training;
using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>What training learns about households, on synthetic extracts whose households hold twins and fathers and
/// sons of one name: inside the household context (same family name and postcode) with NHS numbers as labels, and
/// without any NHS number at all.</summary>
public sealed class HouseholdEstimationTests
{
    // Census-style extracts have no NHS numbers: everything household-specific must come from EM in the context.
    private static readonly Lazy<(MatchModel Model, RecordSet Left, RecordSet Right, List<SupplierRow> Pas, List<SupplierRow> Gp)> CensusStyle = new(() =>
        (CensusStyleExtracts.Trained.Model, CensusStyleExtracts.Left, CensusStyleExtracts.Right, CensusStyleExtracts.Pas, CensusStyleExtracts.Gp));

    [Fact]
    public void Without_NHS_numbers_household_members_are_learned_to_share_a_birthday_or_a_name_more_than_strangers()
    {
        var model = CensusStyle.Value.Model;
        Assert.All(CensusStyle.Value.Pas, r => Assert.True(string.IsNullOrEmpty(r.NhsNumber)));

        var dob = model.GetComparison(ComparisonKind.DateOfBirth)!.Levels[(int)DateOfBirthLevel.Exact];
        var given = model.GetComparison(ComparisonKind.GivenName)!.Levels[(int)GivenNameLevel.Exact];
        Assert.True(dob.HouseholdU > 10 * dob.U, $"date of birth: household u {dob.HouseholdU}, u {dob.U}");
        Assert.True(given.HouseholdU > given.U, $"given name: household u {given.HouseholdU}, u {given.U}");

        // The evidence still points the right way inside a household: an equal date or name is a sign of one person.
        Assert.True(dob.HouseholdWeight > 0 && given.HouseholdWeight > 0);
        Assert.True(dob.HouseholdWeight < dob.Weight && given.HouseholdWeight < given.Weight);
    }

    [Fact]
    public void The_shared_postcode_counts_for_less_between_people_of_one_family_name()
    {
        var postcode = CensusStyle.Value.Model.GetComparison(ComparisonKind.Postcode)!.Levels[(int)PostcodeLevel.Full];
        Assert.True(postcode.HouseholdU > 20 * postcode.U, $"household u {postcode.HouseholdU}, u {postcode.U}");
        Assert.True(postcode.HouseholdWeight < postcode.Weight - 4, $"household weight {postcode.HouseholdWeight}, weight {postcode.Weight}");
    }

    [Fact]
    public void The_context_starts_near_the_true_share_of_matches_among_its_pairs()
    {
        var (model, left, right, pas, gp) = CensusStyle.Value;
        var family = model.GetComparison(ComparisonKind.FamilyName)!.Levels[(int)FamilyNameLevel.Exact];
        var postcode = model.GetComparison(ComparisonKind.Postcode)!.Levels[(int)PostcodeLevel.Full];
        var start = model.PriorWeight + family.Weight + postcode.HouseholdWeight;

        // The truth: among pairs with the same prepared family name and postcode, the share that are one person.
        long pairs = 0, matches = 0;
        for (var i = 0; i < left.Count; i++)
        {
            for (var j = 0; j < right.Count; j++)
            {
                if (model.Level(ComparisonKind.FamilyName, left, i, right, j) == (int)FamilyNameLevel.Exact
                    && model.Level(ComparisonKind.Postcode, left, i, right, j) == (int)PostcodeLevel.Full)
                {
                    pairs++;
                    matches += pas[i].PersonId == gp[j].PersonId ? 1 : 0;
                }
            }
        }

        var truth = Math.Log2(matches / (double)(pairs - matches));
        Assert.InRange(start, truth - 1.5, truth + 1.5);
    }

    [Fact]
    public void The_joint_table_holds_an_equal_birthday_and_given_name_for_far_rarer_than_either_alone()
    {
        var model = CensusStyle.Value.Model;
        var joint = Assert.IsType<JointHouseholdU>(model.JointHouseholdU);
        Assert.Equal((ComparisonKind.DateOfBirth, ComparisonKind.GivenName), (joint.First, joint.Second));

        // A birthday shared with a given name one letter apart or a nickname: twins' names are rarely so alike, so the
        // table holds the pair of levels for rarer than the product, and such a pair scores higher with it than without.
        var dob = model.GetComparison(ComparisonKind.DateOfBirth)!.Levels;
        var given = model.GetComparison(ComparisonKind.GivenName)!.Levels;
        foreach (var level in new[] { GivenNameLevel.Nickname, GivenNameLevel.JaroWinkler92 })
        {
            Assert.True(joint[(int)DateOfBirthLevel.Exact, (int)level] < dob[(int)DateOfBirthLevel.Exact].HouseholdU * given[(int)level].HouseholdU / 2);
        }

        var person = new PatientRecord { Id = "J1", GivenNames = "Katherine", FamilyName = "Ashworth", DateOfBirth = "02/05/1990", Sex = "F", Postcode = "LS1 4AP" };
        var (first, second) = (new RecordSet([person]), new RecordSet([person with { Id = "J2", GivenNames = "Kathrine" }]));
        var withTable = model.Explain(first, 0, second, 0);
        var without = model.WithJointHouseholdU(null).Explain(first, 0, second, 0);
        Assert.True(withTable.InHouseholdContext);
        Assert.Equal((int)GivenNameLevel.JaroWinkler92, withTable.Outcomes.Single(o => o.Comparison == ComparisonKind.GivenName).Level);
        Assert.True(withTable.Score.Weight > without.Score.Weight, $"{withTable.Score.Weight} against {without.Score.Weight}");

        double total = 0;
        for (var a = 0; a < joint.FirstLevels; a++)
        {
            for (var b = 0; b < joint.SecondLevels; b++)
            {
                total += joint[a, b];
            }
        }

        Assert.InRange(total, 0.99, 1.01);
    }

    [Fact]
    public void A_model_saved_and_loaded_keeps_its_household_weights_and_joint_table_exactly()
    {
        var (model, left, right, _, _) = CensusStyle.Value;
        var loaded = MatchModel.FromJson(model.ToJson());

        var joint = loaded.JointHouseholdU!;
        for (var a = 0; a < joint.FirstLevels; a++)
        {
            for (var b = 0; b < joint.SecondLevels; b++)
            {
                Assert.Equal(model.JointHouseholdU![a, b], joint[a, b]);
            }
        }

        for (var i = 0; i < 200; i++)
        {
            for (var j = 0; j < 200; j++)
            {
                Assert.Equal(model.Score(left, i, right, j), loaded.Score(left, i, right, j));
            }
        }
    }

    [Fact]
    public void A_starting_model_without_household_awareness_is_trained_without_it()
    {
        var (_, left, right, _, _) = CensusStyle.Value;
        var plain = new MatchModel(MatchModel.Default.PriorMatchProbability,
            MatchModel.Default.Comparisons.Select(c => c.WithLevels([.. c.Levels.Select(l => new ComparisonLevelModel(l.M, l.U))])),
            MatchModel.Default.Policy);
        var trained = ModelTrainer.TrainLinkage(left, right, TrainingOptions.Default with { StartingModel = plain }).Model;

        Assert.Null(trained.JointHouseholdU);
        Assert.All(trained.Comparisons.SelectMany(c => c.Levels), l => Assert.Equal(l.U, l.HouseholdU));
    }
}
