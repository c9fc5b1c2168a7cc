using NhsIdentity.Demographics;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Comparisons;

/// <summary>
/// Dates with unknown parts written as zeros (<c>00/00/1947</c>, <c>1990-11-00</c>), as suppliers and census
/// transcriptions write them: matching keeps the year (and month) that are known instead of losing the whole date,
/// while the public parser still refuses them so that validation reports them.
/// </summary>
public sealed class PartialDateTests
{
    [Theory]
    [InlineData("00/00/1947", "1947-05-21", DateOfBirthLevel.WithinOneYear)]
    [InlineData("1947-00-00", "21/05/1947", DateOfBirthLevel.WithinOneYear)]
    [InlineData("00/05/1947", "1947-05-21", DateOfBirthLevel.WithinOneYear)]
    [InlineData("1947-05-00", "1947", DateOfBirthLevel.WithinOneYear)]
    [InlineData("21/00/1947", "1947-05-21", DateOfBirthLevel.WithinOneYear)]
    [InlineData("00/00/1947", "1948-05-21", DateOfBirthLevel.Else)]
    [InlineData("00/00/1947", "00/00/1952", DateOfBirthLevel.Else)]
    public void Zero_parts_are_unknown_parts_and_the_known_year_is_compared(string left, string right, DateOfBirthLevel expected)
    {
        var a = new RecordSet([Person("A1", left)]);
        var b = new RecordSet([Person("B1", right)]);

        Assert.Equal(0, a.GetCounts(ComparisonKind.DateOfBirth).Invalid);
        var outcome = MatchModel.Default.Explain(a, 0, b, 0).Outcomes.Single(o => o.Comparison == ComparisonKind.DateOfBirth);
        Assert.Equal(MissingSide.None, outcome.Missing);
        Assert.Equal((int)expected, outcome.Level);
    }

    [Fact]
    public void A_zero_filled_date_blocks_on_its_year()
    {
        // Two spellings of one person whose only shared key is the birth year with the name's sound: the rule must see
        // the year of 00/00/1947, or the pair is never compared.
        var left = new RecordSet([Person("A1", "00/00/1947")]);
        var right = new RecordSet([Person("B1", "1947-05-21")]);
        var options = LinkOptions.Default with { BlockingRules = [BlockingRule.NameSoundexSetAndBirthYear] };

        var result = new Linker(MatchModel.Default, options).Link(left, right);

        Assert.Equal(1, result.PairsCompared);
    }

    [Theory]
    [InlineData("00/00/1947", DateOfBirthStatus.InvalidMonth)]
    [InlineData("00/05/1947", DateOfBirthStatus.InvalidDay)]
    [InlineData("1947-05-00", DateOfBirthStatus.InvalidDay)]
    public void The_public_parser_still_refuses_zero_parts(string text, DateOfBirthStatus expected)
    {
        Assert.False(DateOfBirth.TryParse(text, DateOrder.DayMonthYear, out _, out var status));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void Two_digit_years_stay_refused_with_zero_parts()
    {
        var set = new RecordSet([Person("A1", "00/00/47")]);
        Assert.Equal(1, set.GetCounts(ComparisonKind.DateOfBirth).Invalid);
    }

    private static PatientRecord Person(string id, string dateOfBirth) => new()
    {
        Id = id, GivenNames = "Edna", FamilyName = "Hunter", DateOfBirth = dateOfBirth, Sex = "F",
    };
}
