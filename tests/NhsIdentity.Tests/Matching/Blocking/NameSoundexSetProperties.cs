using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Tests.Matching.Linking;
using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Matching.Blocking;

/// <summary>Invariants of the order-independent name key (<see cref="BlockingKeyPart.NameSoundexSet"/>), against the
/// published Soundex codes as the oracle.</summary>
public sealed class NameSoundexSetProperties
{
    /// <summary>Names from the linker tests' pools, often with one letter replaced (a typing error that may or may not
    /// change the Soundex code), so equal and unequal codes both come up often.</summary>
    private static Gen<string> Names =>
        from name in Gen.Elements(LinkingPeople.GivenNames.Concat(LinkingPeople.FamilyNames).ToArray())
        from typo in Gen.Elements(true, false)
        from misspelt in WithTypo(name)
        select typo ? misspelt : name;

    private static Gen<string> WithTypo(string name) =>
        from position in Gen.Choose(0, name.Length - 1)
        from letter in Gen.Choose('a', 'z')
        select name[..position] + (char)letter + name[(position + 1)..];

    private static Arbitrary<(string Given, string Family)> FullNames =>
        Arb.From(from given in Names from family in Names select (given, family));

    /// <summary>Two full names: unrelated, or the second the first one's names swapped, each perhaps with a typing
    /// error, so that pairs sharing both codes are common.</summary>
    private static Arbitrary<((string Given, string Family) A, (string Given, string Family) B)> PairsOfNames =>
        Arb.From(
            from given in Names
            from family in Names
            from otherGiven in Names
            from otherFamily in Names
            from givenTypo in WithTypo(given)
            from familyTypo in WithTypo(family)
            from kind in Gen.Choose(0, 3)
            select ((given, family), kind switch
            {
                0 => (otherGiven, otherFamily),
                1 => (family, given),
                2 => (familyTypo, given),
                _ => (family, givenTypo),
            }));

    private static ulong Key(string given, string family) =>
        ComparisonCatalog.BlockingKey(BlockingKeyPart.NameSoundexSet, new RecordSet([new PatientRecord { GivenNames = given, FamilyName = family }]), 0);

    [Property(MaxTest = 300)]
    public Property The_key_is_the_same_whichever_field_each_name_is_in() =>
        Prop.ForAll(FullNames, name => Key(name.Given, name.Family) == Key(name.Family, name.Given));

    [Property(MaxTest = 500)]
    public Property Two_records_share_the_key_exactly_when_their_names_have_the_same_two_Soundex_codes() =>
        Prop.ForAll(PairsOfNames, pair =>
        {
            var (a, b) = pair;
            string[] codesA = [Soundex.Encode(a.Given), Soundex.Encode(a.Family)];
            string[] codesB = [Soundex.Encode(b.Given), Soundex.Encode(b.Family)];
            var sameCodes = codesA.Order(StringComparer.Ordinal).SequenceEqual(codesB.Order(StringComparer.Ordinal), StringComparer.Ordinal);
            return (Key(a.Given, a.Family) == Key(b.Given, b.Family)) == sameCodes;
        });
}
