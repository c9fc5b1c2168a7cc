using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching.Comparisons;

/// <summary>The registered GP practice (ODS code): the comparison added as one definition.</summary>
public sealed class GpPracticeComparisonTests
{
    [Theory]
    [InlineData("B86001", "B86001", ExactLevel.Equal)]
    [InlineData("b86001", " B86 001 ", ExactLevel.Equal)]     // case and spacing
    [InlineData("B86001", "B86002", ExactLevel.Different)]
    [InlineData("Y02709", "B86001", ExactLevel.Different)]
    public void Codes_are_compared_upper_cased_letters_and_digits(string a, string b, ExactLevel expected)
    {
        var set = new RecordSet([new PatientRecord { GpPracticeCode = a }, new PatientRecord { GpPracticeCode = b }]);
        Assert.Equal((int)expected, PairComparer.Compare(ComparisonKind.GpPractice, set, 0, set, 1));
        Assert.Equal((int)expected, PairComparer.Compare(ComparisonKind.GpPractice, set, 1, set, 0));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("  ", "missing")]
    [InlineData("V81999", "placeholder")] // NHS Data Dictionary: GP practice code not known
    [InlineData("v81 997", "placeholder")] // not registered
    [InlineData("V81998", "placeholder")] // not applicable
    [InlineData("X1", "invalid")]          // too short
    [InlineData("ABCDEFGHIJK", "invalid")] // too long
    [InlineData("B86001", "present")]
    public void Missing_placeholder_and_invalid_codes_are_counted_and_never_compared(string? code, string expected)
    {
        var set = new RecordSet([new PatientRecord { GpPracticeCode = code }, new PatientRecord { GpPracticeCode = "B86001" }]);
        var counts = set.GetCounts(ComparisonKind.GpPractice);
        var state = counts.Present == 2 ? "present" : counts.Placeholder == 1 ? "placeholder" : counts.Invalid == 1 ? "invalid" : "missing";
        Assert.Equal(expected, state);
        Assert.Equal(expected == "present" ? (int)ExactLevel.Equal : PairComparer.MissingLeft,
            PairComparer.Compare(ComparisonKind.GpPractice, set, 0, set, 1));
    }

    [Fact]
    public void The_default_weights_are_weak_evidence_weaker_than_a_postcode_district()
    {
        var gp = MatchModel.Default.GetComparison(ComparisonKind.GpPractice)!;
        var district = MatchModel.Default.GetComparison(ComparisonKind.Postcode)!.Levels[(int)PostcodeLevel.District].Weight;
        var equal = gp.Levels[(int)ExactLevel.Equal].Weight;
        var different = gp.Levels[(int)ExactLevel.Different].Weight;
        Assert.InRange(equal, 0.5, district);
        Assert.InRange(different, -3, -0.1); // people change practice: disagreement is no veto
        Assert.Equal(LevelEvidence.None, ComparisonDefinition.Get(ComparisonKind.GpPractice).Levels[(int)ExactLevel.Different].Evidence);
    }

    [Fact]
    public void A_shared_practice_adds_its_weight_and_a_missing_one_adds_nothing()
    {
        var person = new PatientRecord { GivenNames = "Alice", FamilyName = "Pemberton", DateOfBirth = "1987-03-14" };
        var set = new RecordSet(
        [
            person with { Id = "1", GpPracticeCode = "B86001" },
            person with { Id = "2", GpPracticeCode = "B86001" },
            person with { Id = "3" },
        ]);
        var equal = MatchModel.Default.Score(set, 0, set, 1).Weight;
        var missing = MatchModel.Default.Score(set, 0, set, 2).Weight;
        var withoutGp = MatchModel.Default.WithoutComparison(ComparisonKind.GpPractice);
        Assert.Equal(MatchModel.Default.GetComparison(ComparisonKind.GpPractice)!.Levels[0].Weight, equal - missing, tolerance: 1e-4);
        Assert.Equal(withoutGp.Score(set, 0, set, 2).Weight, missing);
    }

    [Fact]
    public void A_blocking_rule_on_the_practice_pairs_only_records_registered_at_the_same_one()
    {
        var rule = BlockingRule.Create("gp+initial", BlockingKeyPart.GpPractice, BlockingKeyPart.GivenInitial);
        Assert.True(rule.Constrains(ComparisonKind.GpPractice));
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Alice", FamilyName = "Pemberton", GpPracticeCode = "B86001" },
            new PatientRecord { Id = "b", GivenNames = "Alicia", FamilyName = "Pemberten", GpPracticeCode = "b86001" },
            new PatientRecord { Id = "c", GivenNames = "Alice", FamilyName = "Pemberton", GpPracticeCode = "Y02709" },
            new PatientRecord { Id = "d", GivenNames = "Alice", FamilyName = "Pemberton" },
        ]);
        var result = new Linker(MatchModel.Default, LinkOptions.Default with { BlockingRules = [rule], MinimumDecision = MatchDecision.NonMatch })
            .Deduplicate(set);
        Assert.Equal(1, result.PairsCompared);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("a", "b"), (set.GetId(pair.LeftIndex), set.GetId(pair.RightIndex)));
    }
}
