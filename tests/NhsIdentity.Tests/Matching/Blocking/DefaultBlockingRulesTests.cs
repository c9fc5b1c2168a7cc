using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Blocking;

/// <summary>The two rules for pairs where two keys break at once, in <see cref="BlockingRule.Defaults"/>: each finds a
/// true pair that no other default rule finds.</summary>
public sealed class DefaultBlockingRulesTests
{
    private static readonly LinkOptions Everything = LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch };

    [Fact]
    public void The_two_rules_come_after_the_full_name_and_before_the_postcode_rules()
    {
        var names = BlockingRule.Defaults.Select(r => r.Name).ToList();
        var fullName = names.IndexOf(BlockingRule.FullName.Name);
        Assert.Equal(fullName + 1, names.IndexOf(BlockingRule.NameSoundexSetAndBirthYear.Name));
        Assert.Equal(fullName + 2, names.IndexOf(BlockingRule.DateOfBirth.Name));
        Assert.True(names.IndexOf(BlockingRule.DateOfBirth.Name) < names.IndexOf(BlockingRule.FamilySoundexBirthYearAndDistrict.Name));
        Assert.True(names.IndexOf(BlockingRule.DateOfBirth.Name) < names.IndexOf(BlockingRule.PostcodeAndBirthYear.Name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Transposed_misspelt_names_with_a_wrong_date_are_found_by_the_name_set_rule_alone()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Tomasz", FamilyName = "Kowalski", DateOfBirth = "1962-07-14", Postcode = "LS1 4AP" },
            new PatientRecord { Id = "b", GivenNames = "Kowalsky", FamilyName = "Tomas", DateOfBirth = "1962-07-15", Postcode = "M1 1AE" },
        ]);

        var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);

        Assert.Equal(1, result.PairsCompared);
        var credited = Assert.Single(result.BlockingReport.Rules, r => r.PairsProduced > 0);
        Assert.Equal(BlockingRule.NameSoundexSetAndBirthYear.Name, credited.RuleName);
    }

    [Theory]
    [InlineData("Katherine", "Pemberton", "Cathy", "Okafor")] // a nickname with another initial and a new family name
    [InlineData("Katherine", "Pemberton", null, null)]        // no name at all on one side
    public void A_pair_whose_names_both_break_is_found_by_the_date_of_birth_alone(string given, string family, string? otherGiven, string? otherFamily)
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = given, FamilyName = family, DateOfBirth = "1975-03-04", Postcode = "LS1 4AP" },
            new PatientRecord { Id = "b", GivenNames = otherGiven, FamilyName = otherFamily, DateOfBirth = "04/03/1975", Postcode = "B1 1AA" },
        ]);

        var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);

        Assert.Equal(1, result.PairsCompared);
        var credited = Assert.Single(result.BlockingReport.Rules, r => r.PairsProduced > 0);
        Assert.Equal(BlockingRule.DateOfBirth.Name, credited.RuleName);
    }

    [Fact]
    public void A_record_without_a_date_whose_family_name_changed_is_found_at_its_home_by_postcode_and_initial()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Sarah", FamilyName = "Mackay", DateOfBirth = "1986-12-31", Postcode = "CO4 3PL" },
            new PatientRecord { Id = "b", GivenNames = "S", FamilyName = "Reeves", Postcode = "CO4 3PL" },
        ]);

        var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);

        Assert.Equal(1, result.PairsCompared);
        var credited = Assert.Single(result.BlockingReport.Rules, r => r.PairsProduced > 0);
        Assert.Equal(BlockingRule.PostcodeAndGivenInitial.Name, credited.RuleName);
    }

    [Fact]
    public void A_mover_with_a_partial_date_and_an_initial_is_found_by_family_soundex_initial_and_year()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Margaret", FamilyName = "Ware", DateOfBirth = "00/05/1941", Postcode = "FY6 7PD" },
            new PatientRecord { Id = "b", GivenNames = "M.", FamilyName = "Wear", DateOfBirth = "1941-05-23", Postcode = "BS22 6YA" },
        ]);

        var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);

        Assert.Equal(1, result.PairsCompared);
        var credited = Assert.Single(result.BlockingReport.Rules, r => r.PairsProduced > 0);
        Assert.Equal(BlockingRule.FamilySoundexGivenInitialAndBirthYear.Name, credited.RuleName);
    }

    [Fact]
    public void A_partial_date_of_birth_blocks_nothing_on_its_own()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Katherine", FamilyName = "Pemberton", DateOfBirth = "1975" },
            new PatientRecord { Id = "b", GivenNames = "Cathy", FamilyName = "Okafor", DateOfBirth = "1975" },
        ]);

        Assert.Equal(0UL, BlockingRule.DateOfBirth.GetKey(set, 0));
        Assert.Equal(0, new Linker(MatchModel.Default, Everything).Deduplicate(set).PairsCompared);
    }
}
