using NhsIdentity.Cli.Groups;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Cli.Groups;

/// <summary>The groups of "who is left unlinked": each dimension's edges.</summary>
public sealed class RecordGroupsTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 7);

    [Theory]
    [InlineData("2010-12-07", "16-29")] // sixteenth birthday today
    [InlineData("2010-12-08", "0-15")] // tomorrow
    [InlineData("07/12/1946", "80+")]
    [InlineData("08/12/1946", "65-79")]
    [InlineData("1950", "65-79")] // a year alone: placed by the year
    [InlineData("2027-01-01", "unknown")] // after the day ages are taken on
    [InlineData("", "unknown")]
    [InlineData("not a date", "unknown")]
    public void Age_bands_turn_on_the_birthday(string dateOfBirth, string band) =>
        Assert.Equal(band, RecordGroups.AgeBand(dateOfBirth, AsOf, DateOrder.DayMonthYear));

    [Theory]
    [InlineData("F", "female")]
    [InlineData("male", "male")]
    [InlineData("9", "other")]
    [InlineData("", "unknown")]
    [InlineData("?", "unknown")]
    public void Sex_is_read_as_matching_reads_it(string sex, string group) => Assert.Equal(group, RecordGroups.SexGroup(sex));

    [Theory]
    [InlineData("LS1 4AP", "LS")]
    [InlineData("b33 8th", "B")]
    [InlineData("ZZ99 3VZ", "pseudo")]
    [InlineData("75001", "non-UK")]
    [InlineData(" ", "unknown")]
    public void Postcode_areas_are_the_leading_letters(string postcode, string area) => Assert.Equal(area, RecordGroups.PostcodeArea(postcode));

    // GIR 0AA and each overseas territory's code are a whole postcode apiece (their "area" is the outward code): as a
    // group name they would print a record's postcode, and PCRN 1ZZ covers a few dozen people.
    [Theory]
    [InlineData("GIR 0AA", "non-geographic")]
    [InlineData("PCRN 1ZZ", "overseas-territory")]
    [InlineData("ascn1zz", "overseas-territory")]
    [InlineData("BFPO 123", "BFPO")] // every BFPO number shares the one area
    public void A_postcode_that_is_its_own_area_is_named_by_its_kind(string postcode, string area) =>
        Assert.Equal(area, RecordGroups.PostcodeArea(postcode));

    [Theory]
    [InlineData("Anne-Marie", "O'Neil", "plain")]
    [InlineData("Zoë", "Smith", "latin-diacritics")]
    [InlineData("Søren", "Łukasz", "latin-diacritics")]
    [InlineData("Wei", "李", "other-script")]
    [InlineData("Zoë", "Иванова", "other-script")] // the heaviest class wins
    [InlineData("Zoe\u0308", "Smith", "latin-diacritics")] // decomposed (NFD): a combining diaeresis after a plain e
    [InlineData("Jose\u0301", "Nun\u0303ez", "latin-diacritics")]
    [InlineData("", null, "unknown")]
    public void Name_characters_take_the_heaviest_class(string? given, string? family, string group) =>
        Assert.Equal(group, RecordGroups.NameCharacters(given, family));
}
