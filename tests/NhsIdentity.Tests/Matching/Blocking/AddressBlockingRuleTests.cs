using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching.Blocking;

/// <summary>The "same address" rule (<see cref="BlockingRule.Address"/>): it blocks two records whose addresses have the
/// same words however they are written, and nothing else.</summary>
public sealed class AddressBlockingRuleTests
{
    private static readonly LinkOptions Everything = LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch };

    /// <summary>Address words, house numbers among them, so two drawn addresses share some words and differ in others.</summary>
    private static readonly string[] Words = ["12", "14", "3", "FLAT", "ACACIA", "AVENUE", "ROAD", "HIGH", "STREET", "LEEDS", "YORK", "THE", "OLD", "MILL"];

    private static readonly string[] Separators = [" ", ", ", " ,", ".  ", "\t", "-", "/", " ; "];

    /// <summary>One address as 1 to 12 words drawn from <see cref="Words"/>, sometimes without a number (short enough
    /// that rewriting it stays within the 512 chars the comparison reads).</summary>
    private static Gen<string[]> Addresses => Gen.Choose(1, 12).SelectMany(count => Gen.Elements(Words).ArrayOf(count));

    /// <summary>One address with at least one number.</summary>
    private static Gen<string[]> NumberedAddresses => Addresses.Where(words => words.Any(HasNumber));

    private static bool HasNumber(string word) => word.Any(char.IsAsciiDigit);

    /// <summary>The same words written another way: shuffled, some repeated, each in a random case, joined by random
    /// punctuation.</summary>
    private static Gen<string> Rewritten(string[] words) =>
        from shuffled in Gen.Shuffle(words.Concat(words.Take(1)).ToArray())
        from lowered in Gen.Elements(true, false).ArrayOf(shuffled.Length)
        from separators in Gen.Elements(Separators).ArrayOf(shuffled.Length)
        select string.Concat(shuffled.Select((word, i) => (lowered[i] ? word.ToLowerInvariant() : word) + separators[i]));

    private static ulong Key(string? address) =>
        ComparisonCatalog.BlockingKey(BlockingKeyPart.Address, new RecordSet([new PatientRecord { Address = address }]), 0);

    [Property(MaxTest = 300)]
    public Property Rewriting_an_address_in_another_order_case_or_punctuation_keeps_its_key() =>
        Prop.ForAll(Arb.From(from words in NumberedAddresses from text in Rewritten(words) select (words, text)), sample =>
            Key(string.Join(' ', sample.words)) == Key(sample.text) && Key(sample.text) != 0);

    [Property(MaxTest = 300)]
    public Property Two_addresses_share_a_key_exactly_when_they_have_the_same_set_of_words_with_a_number() =>
        Prop.ForAll(Arb.From(from a in Addresses from b in Addresses select (a, b)), pair =>
        {
            var keyA = Key(string.Join(' ', pair.a));
            var shared = keyA != 0 && keyA == Key(string.Join(' ', pair.b));
            return shared == (pair.a.Any(HasNumber) && pair.a.ToHashSet(StringComparer.Ordinal).SetEquals(pair.b));
        });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(", - ;")]
    [InlineData("Leeds")]
    [InlineData("Acacia Avenue, Leeds")]
    [InlineData("Rose Cottage, Mill Lane")]
    public void A_record_without_an_address_or_without_a_number_in_it_has_no_key(string? address) => Assert.Equal(0UL, Key(address));

    [Fact]
    public void The_linker_applies_the_rule_after_the_postcode_rules_and_the_index_does_not()
    {
        var names = BlockingRule.Defaults.Select(r => r.Name).ToList();
        Assert.Equal(names.IndexOf(BlockingRule.PostcodeAndGivenInitial.Name) + 1, names.IndexOf(BlockingRule.Address.Name));
        Assert.DoesNotContain(BlockingRule.Address, BlockingRule.IndexDefaults);
        Assert.Equal([BlockingKeyPart.Address], BlockingRule.Address.Parts);
        Assert.True(BlockingRule.Address.Constrains(ComparisonKind.Address));
    }

    [Fact]
    public void A_pair_whose_names_date_and_postcode_all_break_is_found_at_one_address_written_two_ways()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Katherine", FamilyName = "Pemberton", DateOfBirth = "1975-03-04", Postcode = "LS1 4AP", Address = "Flat 3, 12 Acacia Avenue, Leeds" },
            new PatientRecord { Id = "b", GivenNames = "K", FamilyName = "Okafor", DateOfBirth = "1975", Postcode = "LS14 4AP", Address = "12 ACACIA AVENUE  FLAT 3 - LEEDS, Leeds" },
        ]);

        var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);

        Assert.Equal(1, result.PairsCompared);
        var credited = Assert.Single(result.BlockingReport.Rules, r => r.PairsProduced > 0);
        Assert.Equal(BlockingRule.Address.Name, credited.RuleName);
    }

    [Fact]
    public void Two_records_at_different_house_numbers_of_one_street_are_not_blocked()
    {
        var set = new RecordSet(
        [
            new PatientRecord { Id = "a", GivenNames = "Katherine", FamilyName = "Pemberton", DateOfBirth = "1975-03-04", Postcode = "LS1 4AP", Address = "12 Acacia Avenue, Leeds" },
            new PatientRecord { Id = "b", GivenNames = "K", FamilyName = "Okafor", DateOfBirth = "1975", Postcode = "LS14 4AP", Address = "14 Acacia Avenue, Leeds" },
        ]);

        var result = new Linker(MatchModel.Default, Everything).Deduplicate(set);

        Assert.Equal(0, result.PairsCompared);
    }
}
