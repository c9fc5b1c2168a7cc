using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using static NhsIdentity.Tests.Matching.MatchModelScoringTests;

namespace NhsIdentity.Tests.Matching;

/// <summary>When a pair is weighed as two records of one household could be, and what the joint date-of-birth ×
/// given-name table does there.</summary>
public sealed class HouseholdContextTests
{
    private static readonly PatientRecord Anon = Alice.With(nhs: "", local: "");

    [Fact]
    public void An_exact_copy_is_weighed_as_strangers_are_and_never_below_a_copy_with_another_postcode()
    {
        var copy = Explain(MatchModel.Default, Anon, Anon.With(id: "A2"));
        var moved = Explain(MatchModel.Default, Anon, Anon.With(id: "A3", postcode: "M1 1AE"));

        Assert.False(copy.InHouseholdContext);
        Assert.True(copy.Score.Weight > moved.Score.Weight, $"{copy.Score.Weight} against {moved.Score.Weight}");
    }

    [Fact]
    public void A_shared_nhs_number_is_never_two_members_of_a_household()
    {
        var twinButSameNumber = Explain(MatchModel.Default, Alice, Alice.With(id: "A2", given: "Charlotte", local: ""));
        Assert.False(twinButSameNumber.InHouseholdContext);
    }

    [Theory]
    [InlineData("", "Alice")] // a father and son of one name, one record without a date
    [InlineData("14/03/1987", "")] // twins, one record without a given name
    [InlineData("14/03/1987", "Charlotte")] // twins
    [InlineData("02/11/1958", "Alice")] // a mother and daughter of one name
    public void A_pair_that_could_be_two_members_of_one_household_is_weighed_as_one(string dob, string given)
    {
        var other = Anon.With(id: "H1", dob: dob, given: given);
        var household = Explain(MatchModel.Default, Anon, other);
        var strangers = Explain(WithoutHouseholds(MatchModel.Default), Anon, other);

        Assert.True(household.InHouseholdContext);
        Assert.False(strangers.InHouseholdContext);
        Assert.True(household.Score.Weight < strangers.Score.Weight, $"{household.Score.Weight} against {strangers.Score.Weight}");
    }

    [Theory]
    [InlineData("", "LS1 4AP")] // the other twin's record has no postcode
    [InlineData("LS1 4AP", "")]
    [InlineData("", "")]
    [InlineData("ZZ99 3VZ", "LS1 4AP")] // a pseudo-postcode (no fixed abode) is no postcode
    public void Twins_at_one_address_with_no_postcode_to_compare_are_weighed_as_one_household(string postcodeA, string postcodeB)
    {
        var model = WithPostcodeHouseholdU(MatchModel.Default, 0.03);
        var a = Anon.With(postcode: postcodeA);
        var twin = Anon.With(id: "T1", given: "Charlotte", postcode: postcodeB);
        var household = Explain(model, a, twin);
        var strangers = Explain(WithoutHouseholds(model), a, twin);

        Assert.True(household.InHouseholdContext);
        Assert.False(strangers.InHouseholdContext);
        Assert.True(household.Score.Weight < strangers.Score.Weight, $"{household.Score.Weight} against {strangers.Score.Weight}");

        // The agreeing address weighs what a shared home weighs among one family's members: its m over the full
        // postcode's household u, not its own household u.
        var address = model.GetComparison(ComparisonKind.Address)!.Levels[(int)AddressLevel.Similar90];
        var postcode = model.GetComparison(ComparisonKind.Postcode)!.Levels[(int)PostcodeLevel.Full];
        Assert.Equal((int)AddressLevel.Similar90, Outcome(household, ComparisonKind.Address).Level);
        Assert.Equal((float)Math.Log2(address.M / postcode.HouseholdU), Outcome(household, ComparisonKind.Address).Weight);
        Assert.NotEqual(address.HouseholdWeight, Outcome(household, ComparisonKind.Address).Weight, 3);
        Assert.Equal(model.Score(a, twin).Weight, household.PriorWeight + household.Outcomes.Sum(o => o.Weight));
        Assert.Equal(household.Score, model.Score(a, twin));
    }

    [Fact]
    public void Agreeing_addresses_with_two_different_postcodes_do_not_make_a_household()
    {
        // A postcode typed wrong between two records of one person is far commoner than a household with one.
        var twin = Anon.With(id: "T2", given: "Charlotte", postcode: "LS1 4AQ");
        var explanation = Explain(MatchModel.Default, Anon, twin);

        Assert.False(explanation.InHouseholdContext);
        Assert.Equal((int)AddressLevel.Similar90, Outcome(explanation, ComparisonKind.Address).Level);
    }

    [Fact]
    public void With_a_postcode_compared_the_address_keeps_its_own_household_weight()
    {
        var model = MatchModel.Default;
        var explanation = Explain(model, Anon, Anon.With(id: "T3", given: "Charlotte"));
        var address = model.GetComparison(ComparisonKind.Address)!.Levels[(int)AddressLevel.Similar90];

        Assert.True(explanation.InHouseholdContext);
        Assert.Equal((float)address.HouseholdWeight, Outcome(explanation, ComparisonKind.Address).Weight);
    }

    [Fact]
    public void The_joint_table_moves_only_the_given_name_outcome_and_explain_adds_up_to_score_to_the_bit()
    {
        var model = MatchModel.Default;
        var dob = model.GetComparison(ComparisonKind.DateOfBirth)!;
        var given = model.GetComparison(ComparisonKind.GivenName)!;
        var u = new double[dob.Levels.Count * given.Levels.Count];
        for (var a = 0; a < dob.Levels.Count; a++)
        {
            for (var b = 0; b < given.Levels.Count; b++)
            {
                // Independent everywhere, except a birthday shared with a given name Jaro-Winkler 0.92 alike: rarer.
                u[(a * given.Levels.Count) + b] = dob.Levels[a].HouseholdU * given.Levels[b].HouseholdU
                    * (a == (int)DateOfBirthLevel.Exact && b == (int)GivenNameLevel.JaroWinkler92 ? 1.0 / 64 : 1);
            }
        }

        var joint = model.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dob.Levels.Count, given.Levels.Count, u));
        var other = Anon.With(id: "H2", given: "Alica");
        var before = Explain(model, Anon, other);
        var after = Explain(joint, Anon, other);

        Assert.True(after.InHouseholdContext);
        Assert.Equal((int)GivenNameLevel.JaroWinkler92, Outcome(after, ComparisonKind.GivenName).Level);
        Assert.Equal(6.0, Outcome(after, ComparisonKind.GivenName).Weight - Outcome(before, ComparisonKind.GivenName).Weight, 4);
        Assert.Equal(Outcome(before, ComparisonKind.DateOfBirth).Weight, Outcome(after, ComparisonKind.DateOfBirth).Weight);

        foreach (var (pair, explanation) in new[] { (other, after), (Anon.With(id: "H3", given: "Charlotte"), Explain(joint, Anon, Anon.With(id: "H3", given: "Charlotte"))) })
        {
            var sum = explanation.PriorWeight;
            foreach (var outcome in explanation.Outcomes)
            {
                sum += outcome.Weight;
            }

            Assert.Equal(joint.Score(Anon, pair).Weight, sum);
            Assert.Equal(explanation.Score, joint.Score(Anon, pair));
        }
    }

    [Fact]
    public void A_joint_table_must_fit_the_model_and_goes_with_its_comparisons()
    {
        var model = MatchModel.Default;
        var dobLevels = model.GetComparison(ComparisonKind.DateOfBirth)!.Levels.Count;
        var givenLevels = model.GetComparison(ComparisonKind.GivenName)!.Levels.Count;
        var table = new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dobLevels, givenLevels,
            Enumerable.Repeat(1.0 / (dobLevels * givenLevels), dobLevels * givenLevels));

        Assert.Throws<ArgumentException>(() => new JointHouseholdU(ComparisonKind.GivenName, ComparisonKind.DateOfBirth, givenLevels, dobLevels,
            Enumerable.Repeat(0.01, dobLevels * givenLevels)));
        Assert.Throws<ArgumentException>(() => new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dobLevels, givenLevels, [0.5]));
        Assert.Throws<ArgumentException>(() => new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dobLevels, givenLevels,
            Enumerable.Repeat(0.0, dobLevels * givenLevels)));
        Assert.Throws<ArgumentException>(() => model.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName,
            dobLevels - 1, givenLevels, Enumerable.Repeat(0.01, (dobLevels - 1) * givenLevels))));
        Assert.Throws<ArgumentOutOfRangeException>(() => table[dobLevels, 0]);

        var withTable = model.WithJointHouseholdU(table);
        Assert.Same(table, withTable.WithPrior(0.01).JointHouseholdU);
        Assert.Same(table, withTable.WithPolicy(DecisionPolicy.Default).JointHouseholdU);
        Assert.Null(withTable.WithoutComparison(ComparisonKind.GivenName).JointHouseholdU);
        Assert.Same(table, withTable.WithoutComparison(ComparisonKind.Email).JointHouseholdU);
        Assert.Null(withTable.WithJointHouseholdU(null).JointHouseholdU);
        Assert.Equal("JointHouseholdU(DateOfBirth × GivenName, 6 × 10 levels)", table.ToString());

        Assert.Null(MatchModel.FromJson(model.ToJson()).JointHouseholdU);
    }

    [Fact]
    public void A_saved_joint_table_loads_cell_for_cell_and_an_unused_level_gets_the_product_of_household_u()
    {
        // Phonetic is not used: the file leaves its column out, and loading gives it the product of the household u.
        var given = MatchModel.Default.GetComparison(ComparisonKind.GivenName)!.WithoutLevel((int)GivenNameLevel.Phonetic);
        var model = MatchModel.Default.WithComparison(given);
        var dob = model.GetComparison(ComparisonKind.DateOfBirth)!;
        var cells = dob.Levels.Count * given.Levels.Count;
        var table = new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dob.Levels.Count, given.Levels.Count,
            Enumerable.Range(1, cells).Select(i => i / 4096.0));

        var loaded = MatchModel.FromJson(model.WithJointHouseholdU(table).ToJson()).JointHouseholdU!;
        for (var a = 0; a < table.FirstLevels; a++)
        {
            for (var b = 0; b < table.SecondLevels; b++)
            {
                var expected = b == (int)GivenNameLevel.Phonetic ? dob.Levels[a].HouseholdU * given.Levels[b].HouseholdU : table[a, b];
                Assert.Equal(expected, loaded[a, b]);
            }
        }
    }

    [Theory]
    [InlineData("\"Exact\": {", "\"Exact\": null, \"Unused\": {")]
    [InlineData("\"JaroWinkler92\": 0.015625,", "\"Jaro\": 0.015625,")]
    public void A_saved_joint_table_with_a_null_row_or_an_unknown_level_is_refused(string find, string replace)
    {
        var model = MatchModel.Default;
        var dobLevels = model.GetComparison(ComparisonKind.DateOfBirth)!.Levels.Count;
        var givenLevels = model.GetComparison(ComparisonKind.GivenName)!.Levels.Count;
        var json = model.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dobLevels, givenLevels,
            Enumerable.Repeat(0.015625, dobLevels * givenLevels))).ToJson();
        var at = json.IndexOf("\"jointHouseholdU\"", StringComparison.Ordinal);
        var damaged = json[..at] + ReplaceFirst(json[at..], find, replace);

        Assert.NotEqual(json, damaged);
        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(damaged));
        Assert.Contains("jointHouseholdU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_joint_table_explain_adds_up_to_score_when_a_side_is_missing()
    {
        var model = MatchModel.Default;
        var dob = model.GetComparison(ComparisonKind.DateOfBirth)!;
        var given = model.GetComparison(ComparisonKind.GivenName)!;
        var joint = model.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dob.Levels.Count,
            given.Levels.Count, Enumerable.Range(1, dob.Levels.Count * given.Levels.Count).Select(i => i / 8192.0)));
        foreach (var other in new[] { Anon.With(id: "M1", dob: ""), Anon.With(id: "M2", given: ""), Anon.With(id: "M3", dob: "", given: ""), Anon.With(id: "M4", given: "Alicia") })
        {
            var explanation = Explain(joint, Anon, other);
            Assert.True(explanation.InHouseholdContext);
            Assert.Equal(joint.Score(Anon, other).Weight, explanation.PriorWeight + explanation.Outcomes.Sum(o => o.Weight));
        }
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replace + text[(at + find.Length)..];
    }

    [Fact]
    public void A_saved_joint_table_that_misses_a_pair_of_levels_is_refused()
    {
        var model = MatchModel.Default;
        var dobLevels = model.GetComparison(ComparisonKind.DateOfBirth)!.Levels.Count;
        var givenLevels = model.GetComparison(ComparisonKind.GivenName)!.Levels.Count;
        var json = model.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dobLevels, givenLevels,
            Enumerable.Repeat(0.015625, dobLevels * givenLevels))).ToJson();
        var damaged = json.Replace("\"Phonetic\": 0.015625,", string.Empty, StringComparison.Ordinal);

        Assert.NotEqual(json, damaged);
        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(damaged));
        Assert.Contains("jointHouseholdU", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The model with the full postcode's household u set, as training measures it (the default model has
    /// none: a postcode weighs the same inside a household until training says otherwise).</summary>
    private static MatchModel WithPostcodeHouseholdU(MatchModel model, double householdU)
    {
        var postcode = model.GetComparison(ComparisonKind.Postcode)!;
        var levels = postcode.Levels.ToArray();
        levels[(int)PostcodeLevel.Full] = levels[(int)PostcodeLevel.Full] with { HouseholdU = householdU };
        return model.WithComparison(postcode.WithLevels(levels));
    }

    [Fact]
    public void Without_a_learned_household_u_for_the_postcode_an_address_tells_no_home()
    {
        // The default model has not learned what a shared home weighs; a model without postcodes may hold only a
        // town in its address column (Splink's fake_1000 has a city), and a town is not a home.
        var twinWithoutPostcode = Anon.With(id: "T4", given: "Charlotte", postcode: "");
        var untrained = Explain(MatchModel.Default, Anon, twinWithoutPostcode);
        var noPostcodes = Explain(WithPostcodeHouseholdU(MatchModel.Default, 0.03).WithoutComparison(ComparisonKind.Postcode), Anon, twinWithoutPostcode);

        Assert.False(untrained.InHouseholdContext);
        Assert.False(noPostcodes.InHouseholdContext);
    }

    private static MatchModel WithoutHouseholds(MatchModel model) => new(model.PriorMatchProbability,
        model.Comparisons.Select(c => c.WithLevels([.. c.Levels.Select(l => new ComparisonLevelModel(l.M, l.U))])), model.Policy);

    private static MatchExplanation Explain(MatchModel model, PatientRecord a, PatientRecord b)
    {
        var left = new RecordSet([a]);
        var right = new RecordSet([b]);
        return model.Explain(left, 0, right, 0);
    }

    private static ComparisonOutcome Outcome(MatchExplanation explanation, ComparisonKind kind) =>
        explanation.Outcomes.Single(o => o.Comparison == kind);
}
