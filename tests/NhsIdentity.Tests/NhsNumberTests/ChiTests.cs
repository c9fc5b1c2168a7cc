using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>
/// CHI decoding: digits 1-6 are DDMMYY, digit 9 odd = male, even = female. Expected dates are decoded by hand below.
/// </summary>
public sealed class ChiTests
{
    [Fact]
    public void Vector_0211165794_is_a_male_born_2_November_2016_with_pivot_2026()
    {
        // 02 11 16 | 5 7 9 | 4: DD=02, MM=11, YY=16 -> 2016 (not after 2026); digit 9 = 9 (odd) -> male.
        var n = NhsNumber.Parse("0211165794");
        Assert.Equal(NhsNumberRegion.ScotlandChi, n.Region);
        Assert.True(n.TryGetChiDetails(2026, out var date, out var sex));
        Assert.Equal(new DateOnly(2016, 11, 2), date);
        Assert.Equal(Sex.Male, sex);
    }

    [Fact]
    public void Vector_0402070763_is_a_female_born_4_February_2007_with_pivot_2026()
    {
        // 04 02 07 | 0 7 6 | 3: DD=04, MM=02, YY=07 -> 2007; digit 9 = 6 (even) -> female.
        var n = NhsNumber.Parse("0402070763");
        Assert.True(n.TryGetChiDetails(2026, out var date, out var sex));
        Assert.Equal(new DateOnly(2007, 2, 4), date);
        Assert.Equal(Sex.Female, sex);
    }

    [Fact]
    public void Vector_0607230002_is_6_July_1923_with_pivot_2026()
    {
        // 06 07 23 | 0 0 0 | 2: YY=23 -> 2023 with pivot 2026, 1923 with pivot 2022; digit 9 = 0 -> female.
        var n = NhsNumber.Parse("0607230002");
        Assert.True(n.TryGetChiDetails(2026, out var date, out var sex));
        Assert.Equal(new DateOnly(2023, 7, 6), date);
        Assert.Equal(Sex.Female, sex);
        Assert.True(n.TryGetChiDetails(2022, out date, out _));
        Assert.Equal(new DateOnly(1923, 7, 6), date);
    }

    [Fact]
    public void Pivot_chooses_the_century()
    {
        var n = NhsNumber.Parse("0211165794");
        Assert.True(n.TryGetChiDetails(1950, out var early, out var sex1950));
        Assert.True(n.TryGetChiDetails(2026, out var late, out var sex2026));
        Assert.Equal(new DateOnly(1916, 11, 2), early);
        Assert.Equal(new DateOnly(2016, 11, 2), late);
        Assert.Equal(sex1950, sex2026);

        // The pivot year itself is allowed; one year earlier falls back a century.
        Assert.True(n.TryGetChiDetails(2016, out var onPivot, out _));
        Assert.Equal(2016, onPivot.Year);
        Assert.True(n.TryGetChiDetails(2015, out var beforePivot, out _));
        Assert.Equal(1916, beforePivot.Year);

        // Documented example: for a pivot of 2026, 25 is 2025 and 27 is 1927.
        Assert.True(NhsNumber.FromBase(NearestChiBase(010125000)).TryGetChiDetails(2026, out var d25, out _));
        Assert.Equal(new DateOnly(2025, 1, 1), d25);
        Assert.True(NhsNumber.FromBase(NearestChiBase(010127000)).TryGetChiDetails(2026, out var d27, out _));
        Assert.Equal(new DateOnly(1927, 1, 1), d27);
    }

    [Fact]
    public void Sex_follows_the_parity_of_digit_nine()
    {
        for (var lastThree = 0; lastThree < 1000; lastThree++)
        {
            var nineDigitBase = 150_680_000 + lastThree;
            if (!NhsNumber.TryFromBase(nineDigitBase, out var n))
            {
                continue;
            }

            Assert.True(n.TryGetChiDetails(2026, out var date, out var sex));
            Assert.Equal(new DateOnly(1980, 6, 15), date);
            Assert.Equal(nineDigitBase % 2 == 1 ? Sex.Male : Sex.Female, sex);
        }
    }

    [Theory]
    [InlineData(4505577104L)]
    [InlineData(9990000018L)]
    [InlineData(3510670485L)]
    [InlineData(0L)]
    public void Non_chi_numbers_return_false(long value)
    {
        var n = NhsNumber.FromValue(value);
        Assert.NotEqual(NhsNumberRegion.ScotlandChi, n.Region);
        Assert.False(n.TryGetChiDetails(2026, out var date, out var sex));
        Assert.Equal(default, date);
        Assert.Equal(Sex.Unknown, sex);
    }

    [Theory]
    [InlineData(310_299_000)] // 31 Feb 99
    [InlineData(300_200_000)] // 30 Feb 00
    [InlineData(310_499_000)] // 31 Apr 99
    [InlineData(311_199_000)] // 31 Nov 99
    [InlineData(011_399_000)] // 01 13 99: month 13
    [InlineData(020_099_000)] // 02 00 99: month 00
    [InlineData(019_999_000)] // 01 99 99: month 99
    public void Impossible_dates_return_false(int firstBase)
    {
        var nineDigitBase = NearestChiBase(firstBase);
        Assert.Equal(firstBase / 1000, nineDigitBase / 1000); // same DDMMYY
        var n = NhsNumber.FromBase(nineDigitBase);
        Assert.Equal(NhsNumberRegion.ScotlandChi, n.Region);
        foreach (var pivot in new[] { 1950, 1999, 2026, 2099 })
        {
            Assert.False(n.TryGetChiDetails(pivot, out var date, out var sex));
            Assert.Equal(default, date);
            Assert.Equal(Sex.Unknown, sex);
        }
    }

    [Fact]
    public void Twenty_ninth_of_February_depends_on_the_century_the_pivot_picks()
    {
        // 29 02 00: 2000 is a leap year, 1900 is not.
        var n00 = NhsNumber.FromBase(NearestChiBase(290_200_000));
        Assert.True(n00.TryGetChiDetails(2026, out var d2000, out _));
        Assert.Equal(new DateOnly(2000, 2, 29), d2000);
        Assert.False(n00.TryGetChiDetails(1999, out var none, out var noSex));
        Assert.Equal(default, none);
        Assert.Equal(Sex.Unknown, noSex);

        // 29 02 96: 1996 and 2096 are both leap years.
        var n96 = NhsNumber.FromBase(NearestChiBase(290_296_000));
        Assert.True(n96.TryGetChiDetails(2026, out var d1996, out _));
        Assert.Equal(new DateOnly(1996, 2, 29), d1996);
        Assert.True(n96.TryGetChiDetails(2100, out var d2096, out _));
        Assert.Equal(new DateOnly(2096, 2, 29), d2096);

        // 29 02 01: never a leap year.
        var n01 = NhsNumber.FromBase(NearestChiBase(290_201_000));
        Assert.False(n01.TryGetChiDetails(2026, out _, out _));
        Assert.False(n01.TryGetChiDetails(1950, out _, out _));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-2026)]
    [InlineData(10_000)]
    [InlineData(int.MaxValue)]
    public void Pivot_out_of_range_throws(int pivotYear)
    {
        Assert.Equal("pivotYear", Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.Parse("0211165794").TryGetChiDetails(pivotYear, out _, out _)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.Parse("4505577104").TryGetChiDetails(pivotYear, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.Empty.TryGetChiDetails(pivotYear, out _, out _));
    }

    [Theory]
    [InlineData(100, 16)]
    [InlineData(9999, 9916)]
    public void Pivot_range_edges_are_accepted(int pivotYear, int expectedYear)
    {
        Assert.True(NhsNumber.Parse("0211165794").TryGetChiDetails(pivotYear, out var date, out _));
        Assert.Equal(new DateOnly(expectedYear, 11, 2), date);
    }

    private static int NearestChiBase(int firstBase) => ReferenceNhsNumber.NearestBaseWithCheckDigit(firstBase, +1);
}
