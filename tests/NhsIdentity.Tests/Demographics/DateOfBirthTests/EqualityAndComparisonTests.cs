using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

public sealed class EqualityAndComparisonTests
{
    [Fact]
    public void Equality_contract()
    {
        EqualityContract.Verify(
            new DateOfBirth(1961, 3, 5),
            DateOfBirth.Parse("05/03/1961"),
            new DateOfBirth(1961, 5, 3),
            DateOfBirth.FromYearMonth(1961, 3),
            DateOfBirth.FromYear(1961),
            DateOfBirth.Empty);

        // Same year, different precision: not equal.
        EqualityContract.Verify(DateOfBirth.FromYear(1961), DateOfBirth.Parse("1961"), DateOfBirth.FromYearMonth(1961, 1), new DateOfBirth(1961, 1, 1));
        EqualityContract.Verify(DateOfBirth.Empty, default, DateOfBirth.FromYear(1800));
    }

    [Fact]
    public void Comparison_contract()
    {
        ComparisonContract.Verify(DateOfBirth.Empty, default, DateOfBirth.FromYear(1800), new DateOfBirth(1800, 1, 1));
        ComparisonContract.Verify(
            DateOfBirth.FromYear(1961),
            DateOfBirth.Parse("1961"),
            DateOfBirth.FromYearMonth(1961, 1),
            new DateOfBirth(1961, 1, 1),
            DateOfBirth.FromYearMonth(1961, 3),
            new DateOfBirth(1961, 3, 5),
            DateOfBirth.FromYear(1962));
        ComparisonContract.Verify(new DateOfBirth(1961, 3, 5), DateOfBirth.Parse("19610305"), new DateOfBirth(1961, 3, 6), new DateOfBirth(2199, 12, 31));
    }

    [Fact]
    public void CompareTo_object_rejects_other_types_with_a_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>("obj", () => new DateOfBirth(1961, 3, 5).CompareTo(new DateOnly(1961, 3, 5)));
        Assert.Contains("DateOfBirth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_codes_differ_for_nearby_dates()
    {
        var hashes = new HashSet<int>();
        for (var day = 1; day <= 31; day++)
        {
            hashes.Add(new DateOfBirth(1961, 3, day).GetHashCode());
        }

        Assert.Equal(31, hashes.Count);
    }
}
