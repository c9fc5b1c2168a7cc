using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

/// <summary>Construction, the documented Empty value, precision, conversions, the placeholder flag and plausibility.</summary>
public sealed class ValueTests
{
    [Fact]
    public void Default_is_Empty_and_documented()
    {
        var empty = default(DateOfBirth);
        Assert.Equal(DateOfBirth.Empty, empty);
        Assert.True(empty.IsEmpty);
        Assert.Equal(DateOfBirthPrecision.None, empty.Precision);
        Assert.Equal(0, empty.Year);
        Assert.Equal(0, empty.Month);
        Assert.Equal(0, empty.Day);
        Assert.Equal(0, empty.ToInt32());
        Assert.Equal("", empty.ToString());
        Assert.False(empty.IsPossiblePlaceholder);
        Assert.False(empty.TryGetDateOnly(out var date));
        Assert.Equal(default, date);
        Assert.Contains("empty", Assert.Throws<InvalidOperationException>(() => empty.ToDateOnly()).Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(empty < DateOfBirth.FromYear(DateOfBirth.MinYear));
    }

    [Fact]
    public void Full_dates_expose_their_parts()
    {
        var dob = new DateOfBirth(1961, 3, 5);
        Assert.False(dob.IsEmpty);
        Assert.Equal(DateOfBirthPrecision.Day, dob.Precision);
        Assert.Equal((1961, 3, 5), (dob.Year, dob.Month, dob.Day));
        Assert.Equal(19610305, dob.ToInt32());
        Assert.Equal(new DateOnly(1961, 3, 5), dob.ToDateOnly());
        Assert.True(dob.TryGetDateOnly(out var date));
        Assert.Equal(new DateOnly(1961, 3, 5), date);
        Assert.Equal(dob, DateOfBirth.FromDateOnly(new DateOnly(1961, 3, 5)));
        Assert.Equal(dob, DateOfBirth.FromInt32(19610305));
    }

    [Fact]
    public void Partial_dates_keep_their_precision_and_have_no_DateOnly()
    {
        var year = DateOfBirth.FromYear(1961);
        var yearMonth = DateOfBirth.FromYearMonth(1961, 3);
        Assert.Equal(DateOfBirthPrecision.Year, year.Precision);
        Assert.Equal(DateOfBirthPrecision.YearMonth, yearMonth.Precision);
        Assert.Equal((1961, 0, 0), (year.Year, year.Month, year.Day));
        Assert.Equal((1961, 3, 0), (yearMonth.Year, yearMonth.Month, yearMonth.Day));
        Assert.Equal(19610000, year.ToInt32());
        Assert.Equal(19610300, yearMonth.ToInt32());
        Assert.False(year.TryGetDateOnly(out _));
        Assert.False(yearMonth.TryGetDateOnly(out _));
        Assert.Contains("partial", Assert.Throws<InvalidOperationException>(() => yearMonth.ToDateOnly()).Message, StringComparison.Ordinal);
        Assert.Equal(year, DateOfBirth.FromInt32(19610000));
        Assert.Equal(yearMonth, DateOfBirth.FromInt32(19610300));
    }

    [Theory]
    [InlineData(1799, 12, 31, "year")]
    [InlineData(2200, 1, 1, "year")]
    [InlineData(1961, 0, 5, "month")]
    [InlineData(1961, 13, 1, "month")]
    [InlineData(1961, 2, 29, "day")]
    [InlineData(1900, 2, 29, "day")]
    [InlineData(1961, 4, 31, "day")]
    [InlineData(1961, 3, 0, "day")]
    [InlineData(1961, 3, -1, "day")]
    public void Constructor_rejects_dates_out_of_range_naming_the_bad_part(int year, int month, int day, string paramName) =>
        Assert.Throws<ArgumentOutOfRangeException>(paramName, () => new DateOfBirth(year, month, day));

    [Fact]
    public void Factories_reject_out_of_range_parts()
    {
        Assert.Throws<ArgumentOutOfRangeException>("year", () => DateOfBirth.FromYear(1799));
        Assert.Throws<ArgumentOutOfRangeException>("year", () => DateOfBirth.FromYear(2200));
        Assert.Throws<ArgumentOutOfRangeException>("month", () => DateOfBirth.FromYearMonth(1961, 0));
        Assert.Throws<ArgumentOutOfRangeException>("month", () => DateOfBirth.FromYearMonth(1961, 13));
        Assert.Throws<ArgumentOutOfRangeException>("month", () => DateOfBirth.FromYearMonth(1700, 1));
        Assert.Throws<ArgumentOutOfRangeException>("date", () => DateOfBirth.FromDateOnly(new DateOnly(1, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>("date", () => DateOfBirth.FromDateOnly(DateOnly.MaxValue));
        Assert.Equal(new DateOfBirth(1800, 1, 1), DateOfBirth.FromDateOnly(new DateOnly(1800, 1, 1)));
        Assert.Equal(new DateOfBirth(2199, 12, 31), DateOfBirth.FromDateOnly(new DateOnly(2199, 12, 31)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(19610305, true)]
    [InlineData(19610300, true)]
    [InlineData(19610000, true)]
    [InlineData(20000229, true)]
    [InlineData(19000229, false)]
    [InlineData(19610005, false)]
    [InlineData(19611300, false)]
    [InlineData(19610332, false)]
    [InlineData(17991231, false)]
    [InlineData(22000101, false)]
    [InlineData(-19610305, false)]
    [InlineData(1961, false)]
    [InlineData(int.MaxValue, false)]
    [InlineData(int.MinValue, false)]
    public void TryFromInt32_accepts_only_packed_dates(int packed, bool valid)
    {
        Assert.Equal(valid, DateOfBirth.TryFromInt32(packed, out var result));
        Assert.Equal(valid ? packed : 0, result.ToInt32());
        if (!valid)
        {
            Assert.Throws<ArgumentOutOfRangeException>("yyyymmdd", () => DateOfBirth.FromInt32(packed));
        }
    }

    [Theory]
    [InlineData("1961-01-01", true)]
    [InlineData("01/01/1900", true)]
    [InlineData("1800-01-01", true)]
    [InlineData("1961-01-02", false)]
    [InlineData("1961-02-01", false)]
    [InlineData("1961-12-31", false)]
    [InlineData("1961", false)]
    [InlineData("1961-01", false)]
    public void IsPossiblePlaceholder_flags_1_January_of_full_dates_only(string text, bool expected) =>
        Assert.Equal(expected, DateOfBirth.Parse(text).IsPossiblePlaceholder);

    [Theory]
    [InlineData("2026-11-24", true)] // born today
    [InlineData("2026-11-25", false)] // tomorrow
    [InlineData("2027", false)]
    [InlineData("2026-12", false)]
    [InlineData("2026-11", true)] // the month has started
    [InlineData("2026", true)]
    [InlineData("1901-11-24", true)] // 125 today
    [InlineData("1901-11-23", true)] // turned 125 yesterday
    [InlineData("1900-11-25", true)] // 125 until tomorrow
    [InlineData("1900-11-24", false)] // 126 today
    [InlineData("1901", true)]
    [InlineData("1900", true)] // someone born on 31 December 1900 is 125
    [InlineData("1900-12", true)]
    [InlineData("1900-11", true)] // born 25-30 November 1900: still 125
    [InlineData("1900-10", false)] // everyone born in October 1900 is 126
    [InlineData("1899", false)]
    public void IsPlausible_uses_the_callers_reference_date(string text, bool expected)
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Equal(expected, DateOfBirth.Parse(text).IsPlausible(today));
    }

    [Fact]
    public void IsPlausible_with_a_custom_age_limit()
    {
        var today = new DateOnly(2026, 11, 24);
        var dob = new DateOfBirth(2000, 6, 1);
        Assert.True(dob.IsPlausible(today, 26));
        Assert.False(dob.IsPlausible(today, 25));
        Assert.True(new DateOfBirth(2026, 11, 24).IsPlausible(today, 0));
        Assert.False(DateOfBirth.Empty.IsPlausible(today));
        Assert.Throws<ArgumentOutOfRangeException>("maxAgeYears", () => dob.IsPlausible(today, -1));
    }
}
