using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching.Blocking;

/// <summary>The order-independent name key (<see cref="BlockingKeyPart.NameSoundexSet"/>) and the rule that pairs it
/// with the birth year.</summary>
public sealed class NameSoundexSetTests
{
    private static ulong Key(PatientRecord record) =>
        ComparisonCatalog.BlockingKey(BlockingKeyPart.NameSoundexSet, new RecordSet([record]), 0);

    private static PatientRecord Named(string? given, string? family) => new() { Id = "1", GivenNames = given, FamilyName = family };

    [Theory]
    [InlineData("John", "Smith", "Smith", "John")]   // transposed
    [InlineData("John", "Smith", "Smyth", "Jon")]    // transposed, both with a typo Soundex forgives
    [InlineData("John Paul", "Smith", "Smith", "John")] // only the first given name counts
    [InlineData("JOHN", "O'Smith", "osmith", "jon")] // normalised first: case and punctuation never split the key
    public void Names_that_sound_alike_in_either_order_share_the_key(string givenA, string familyA, string givenB, string familyB)
    {
        var a = Key(Named(givenA, familyA));
        Assert.NotEqual(0UL, a);
        Assert.Equal(a, Key(Named(givenB, familyB)));
    }

    [Theory]
    [InlineData("John", "Smith", "Mary", "Smith")]   // a different given name
    [InlineData("John", "Smith", "John", "Jones")]   // a different family name
    [InlineData("John", "Smith", "Smith", "Smith")]  // one code twice is not the pair of two codes
    public void Names_that_sound_different_do_not(string givenA, string familyA, string givenB, string familyB) =>
        Assert.NotEqual(Key(Named(givenA, familyA)), Key(Named(givenB, familyB)));

    [Theory]
    [InlineData(null, "Smith")]
    [InlineData("John", null)]
    [InlineData("  ", "Smith")]
    [InlineData("John", "Unknown")] // a placeholder is no name
    [InlineData(null, null)]
    public void A_record_without_both_names_has_no_key(string? given, string? family) => Assert.Equal(0UL, Key(Named(given, family)));

    [Fact]
    public void The_rule_needs_a_birth_year_and_accepts_a_partial_date()
    {
        var rule = BlockingRule.NameSoundexSetAndBirthYear;
        var set = new RecordSet(
        [
            Named("John", "Smith") with { DateOfBirth = "1980-05-01" },
            Named("Smyth", "Jon") with { DateOfBirth = "1980" },
            Named("John", "Smith") with { DateOfBirth = "1981-05-01" },
            Named("John", "Smith"),
        ]);

        Assert.NotEqual(0UL, rule.GetKey(set, 0));
        Assert.Equal(rule.GetKey(set, 0), rule.GetKey(set, 1));
        Assert.NotEqual(rule.GetKey(set, 0), rule.GetKey(set, 2));
        Assert.Equal(0UL, rule.GetKey(set, 3));
    }

    [Fact]
    public void The_rule_constrains_the_name_and_date_comparisons_but_not_the_postcode()
    {
        // Its pairs sound alike on both names, so training must not estimate the names' m from them; the date of birth
        // comparison is constrained too (the rule reads the birth year).
        var rule = BlockingRule.NameSoundexSetAndBirthYear;
        Assert.True(rule.Constrains(ComparisonKind.GivenName));
        Assert.True(rule.Constrains(ComparisonKind.FamilyName));
        Assert.True(rule.Constrains(ComparisonKind.DateOfBirth));
        Assert.False(rule.Constrains(ComparisonKind.Postcode));
    }
}
