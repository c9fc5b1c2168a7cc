using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching;

public sealed class MatchModelScoringTests
{
    // Invented people; 999-range NHS numbers only.
    internal static readonly PatientRecord Alice = new()
    {
        Id = "A1", NhsNumber = "999 000 0018", GivenNames = "Alice Mary", FamilyName = "Pemberton", DateOfBirth = "14/03/1987",
        Sex = "F", Postcode = "LS1 4AP", Address = "12 Acacia Avenue, Leeds", LocalIdentifier = "RX1000123",
    };

    [Fact]
    public void Identical_records_are_a_match_with_every_comparison_at_its_best_level()
    {
        var score = MatchModel.Default.Score(Alice, Alice);
        Assert.Equal(MatchDecision.Match, score.Decision);
        Assert.True(score.Probability > 0.999999, $"p = {score.Probability}");
    }

    [Fact]
    public void Records_of_different_people_are_a_non_match()
    {
        var other = new PatientRecord
        {
            Id = "B1", NhsNumber = "999 000 0026", GivenNames = "Brian", FamilyName = "Okafor", DateOfBirth = "1950-07-02",
            Sex = "M", Postcode = "M1 1AE", Address = "3 Mill Lane, Manchester",
        };
        var score = MatchModel.Default.Score(Alice, other);
        Assert.Equal(MatchDecision.NonMatch, score.Decision);
        Assert.True(score.Weight < -20, $"w = {score.Weight}");
    }

    [Fact]
    public void A_nickname_and_a_swapped_date_without_an_nhs_number_still_match()
    {
        var other = new PatientRecord
        {
            Id = "A2", GivenNames = "ELSIE", FamilyName = "PEMBERTON", DateOfBirth = "03/04/1987", Sex = "female", Postcode = "ls14ap",
        };
        var explanation = Explain(Alice.With(dob: "04/03/1987"), other);
        Assert.Equal(MatchDecision.Match, explanation.Score.Decision);
        Assert.Equal((int)GivenNameLevel.Nickname, Outcome(explanation, ComparisonKind.GivenName).Level);
        Assert.Equal((int)DateOfBirthLevel.DayMonthSwapped, Outcome(explanation, ComparisonKind.DateOfBirth).Level);
        Assert.Equal(MissingSide.Right, Outcome(explanation, ComparisonKind.NhsNumber).Missing);
        Assert.Equal(0, Outcome(explanation, ComparisonKind.NhsNumber).Weight);
    }

    [Fact]
    public void Twins_sharing_family_name_birth_date_and_address_are_never_an_automatic_match()
    {
        var twin = Alice.With(id: "T1", nhs: "", given: "Charlotte", local: "RX1000124");
        var score = MatchModel.Default.Score(Alice.With(nhs: ""), twin);
        Assert.NotEqual(MatchDecision.Match, score.Decision);

        // The same pair with equal hospital numbers is one person whose given name was mistyped beyond recognition.
        Assert.Equal(MatchDecision.Match, MatchModel.Default.Score(Alice.With(nhs: ""), twin.With(local: Alice.LocalIdentifier)).Decision);
    }

    [Fact]
    public void Parent_and_child_with_the_same_name_and_address_are_never_an_automatic_match()
    {
        var parent = Alice.With(nhs: "", dob: "02/11/1959", local: "RX0000077");
        var score = MatchModel.Default.Score(Alice.With(nhs: ""), parent);
        Assert.NotEqual(MatchDecision.Match, score.Decision);
    }

    [Fact]
    public void Explanation_weights_add_up_to_the_score()
    {
        var other = Alice.With(id: "A3", given: "Alicia", postcode: "LS1 4AQ");
        var explanation = Explain(Alice, other);
        var sum = explanation.PriorWeight;
        foreach (var outcome in explanation.Outcomes)
        {
            sum += outcome.Weight;
        }

        Assert.Equal(explanation.Score.Weight, sum, 6);
        Assert.Equal((int)PostcodeLevel.Sector, Outcome(explanation, ComparisonKind.Postcode).Level);
        Assert.DoesNotContain("Pemberton", explanation.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LS1", explanation.ToString(), StringComparison.Ordinal);
    }

    private static MatchExplanation Explain(PatientRecord a, PatientRecord b)
    {
        var left = new RecordSet([a]);
        var right = new RecordSet([b]);
        return MatchModel.Default.Explain(left, 0, right, 0);
    }

    private static ComparisonOutcome Outcome(MatchExplanation explanation, ComparisonKind kind)
    {
        foreach (var outcome in explanation.Outcomes)
        {
            if (outcome.Comparison == kind)
            {
                return outcome;
            }
        }

        throw new InvalidOperationException("no outcome for " + kind);
    }
}

internal static class PatientRecordTestExtensions
{
    public static PatientRecord With(this PatientRecord r, string? id = null, string? nhs = null, string? given = null,
        string? family = null, string? dob = null, string? sex = null, string? postcode = null, string? address = null, string? local = null) => r with
    {
        Id = id ?? r.Id,
        NhsNumber = nhs ?? r.NhsNumber,
        GivenNames = given ?? r.GivenNames,
        FamilyName = family ?? r.FamilyName,
        DateOfBirth = dob ?? r.DateOfBirth,
        Sex = sex ?? r.Sex,
        Postcode = postcode ?? r.Postcode,
        Address = address ?? r.Address,
        LocalIdentifier = local ?? r.LocalIdentifier,
    };
}
