using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

/// <summary>
/// Every accepted layout and every failure reason, table-driven. The dates are invented; layouts follow ISO 8601,
/// HL7 v2 <c>DTM</c> (yyyy[MM[dd[HH[mm[ss[.S[S[S[S]]]]]]]]][+/-ZZZZ]) and the layouts UK extracts use. Each case runs
/// through the char, string and UTF-8 entry points, which must agree.
/// </summary>
public sealed class ParsingExamplesTests
{
    private const DateOrder Dmy = DateOrder.DayMonthYear;
    private const DateOrder Mdy = DateOrder.MonthDayYear;
    private const DateOrder Ymd = DateOrder.YearMonthDay;

    public static TheoryData<string, DateOrder, int> Accepted => new()
    {
        // ISO 8601 dates, with '-', '/' or '.'; one-digit month and day.
        { "1961-03-05", Dmy, 19610305 },
        { "1961-03-05", Mdy, 19610305 },
        { "1961-03-05", Ymd, 19610305 },
        { "1961/03/05", Dmy, 19610305 },
        { "1961.03.05", Dmy, 19610305 },
        { "1961-3-5", Dmy, 19610305 },
        { "1800-01-01", Dmy, 18000101 },
        { "2199-12-31", Dmy, 21991231 },

        // Partial dates: ISO yyyy and yyyy-MM, HL7 yyyyMM.
        { "1961", Dmy, 19610000 },
        { "1961-03", Dmy, 19610300 },
        { "1961/3", Dmy, 19610300 },
        { "196103", Dmy, 19610300 },
        { "196103", Ymd, 19610300 },
        { "03/1961", Dmy, 19610300 },
        { "3-1961", Mdy, 19610300 },
        { "03.1961", Dmy, 19610300 },

        // ISO 8601 date-times: the date is taken as written, offsets are checked and dropped.
        { "1961-03-05T00:00:00Z", Dmy, 19610305 },
        { "1961-03-05t00:00:00z", Dmy, 19610305 },
        { "1961-03-05T00:00:00+01:00", Dmy, 19610305 },
        { "1961-03-05T23:59:59.9999999-05:00", Dmy, 19610305 },
        { "1961-03-05T23:30:00-12:00", Dmy, 19610305 },
        { "1961-03-05T00:00:00,5Z", Dmy, 19610305 },
        { "1961-03-05T00:00:00+0100", Dmy, 19610305 },
        { "1961-03-05T00:00:00+01", Dmy, 19610305 },
        { "1961-03-05T12:30", Dmy, 19610305 },
        { "1961-03-05 12:30:15", Dmy, 19610305 },
        { "1961-03-05 00:00:00.000", Dmy, 19610305 },
        { "1961-03-05Z", Dmy, 19610305 },
        { "1961-03-05+01:00", Dmy, 19610305 },

        // Compact and HL7 v2 DTM.
        { "19610305", Dmy, 19610305 },
        { "19610305", Mdy, 19610305 },
        { "1961030512", Dmy, 19610305 },
        { "196103051230", Dmy, 19610305 },
        { "19610305123045", Dmy, 19610305 },
        { "19610305123045.1234", Dmy, 19610305 },
        { "19610305123045.1+0100", Dmy, 19610305 },
        { "196103050000-0500", Dmy, 19610305 },
        { "19610305+0000", Dmy, 19610305 },

        // Year last, numeric, in the caller's order.
        { "05/03/1961", Dmy, 19610305 },
        { "05/03/1961", Mdy, 19610503 },
        { "03/05/1961", Dmy, 19610503 },
        { "03/05/1961", Mdy, 19610305 },
        { "5/3/1961", Dmy, 19610305 },
        { "05.03.1961", Dmy, 19610305 },
        { "05-03-1961", Dmy, 19610305 },
        { "05 03 1961", Dmy, 19610305 },
        { "31/12/1999", Dmy, 19991231 },
        { "12/31/1999", Mdy, 19991231 },
        { "05/03/1961 00:00:00", Dmy, 19610305 },
        { "05/03/1961 14:30", Dmy, 19610305 },
        { "3/5/1961 12:00:00 AM", Mdy, 19610305 },
        { "3/5/1961 1:15 PM", Mdy, 19610305 },
        { "3/5/1961 11:59:59PM", Mdy, 19610305 },

        // Month names: English, case-insensitive, abbreviations, full names and "Sept"; never order-dependent.
        { "05-Mar-1961", Dmy, 19610305 },
        { "05-Mar-1961", Mdy, 19610305 },
        { "05-MAR-1961", Dmy, 19610305 },
        { "05-mar-1961", Dmy, 19610305 },
        { "5 March 1961", Dmy, 19610305 },
        { "05/Mar/1961", Dmy, 19610305 },
        { "05.mar.1961", Dmy, 19610305 },
        { "01 January 2000", Dmy, 20000101 },
        { "1 Feb 1950", Dmy, 19500201 },
        { "10 April 1970", Dmy, 19700410 },
        { "15 May 1980", Dmy, 19800515 },
        { "30 JUNE 1990", Dmy, 19900630 },
        { "4 July 1976", Dmy, 19760704 },
        { "20 Aug 1940", Dmy, 19400820 },
        { "5 Sept 1961", Dmy, 19610905 },
        { "05-SEPTEMBER-1961", Dmy, 19610905 },
        { "9 Oct 2001", Dmy, 20011009 },
        { "11 November 1918", Dmy, 19181111 },
        { "31-Dec-1999", Dmy, 19991231 },
        { "05-Mar-1961 00:00:00", Dmy, 19610305 },

        // Leap years: 2000 and 2024 are leap years, 1804 too.
        { "29/02/2000", Dmy, 20000229 },
        { "29/02/2024", Dmy, 20240229 },
        { "2024-02-29", Dmy, 20240229 },
        { "02/29/2024", Mdy, 20240229 },
        { "29-Feb-1804", Dmy, 18040229 },

        // Surrounding white space, ASCII and Unicode, is trimmed.
        { "  1961-03-05 ", Dmy, 19610305 },
        { "\t05/03/1961\r\n", Dmy, 19610305 },
        { "\u00A01961-03-05\u2003", Dmy, 19610305 },
        { " 1961 ", Dmy, 19610000 },
    };

    public static TheoryData<string, DateOrder, DateOfBirthStatus> Rejected => new()
    {
        { "", Dmy, DateOfBirthStatus.Empty },
        { "   ", Dmy, DateOfBirthStatus.Empty },
        { "\t\r\n", Dmy, DateOfBirthStatus.Empty },
        { "\u00A0\u2003", Dmy, DateOfBirthStatus.Empty },

        { "abc", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "unknown", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05T", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03/05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/03-1961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961--03-05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-003-05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "19610", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961030", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "196103051", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "196103051230451", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "19610305T000000", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "19610305.5", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "19610305+01", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "196", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/03", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/03/", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "03/1961 00:00", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "03/1961", Ymd, DateOfBirthStatus.UnrecognisedFormat },
        { "5/3/961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/03/19611", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "005/03/1961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/003/1961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "Mar 5, 1961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "March 1961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05 Mar, 1961", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/03/1961 12", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "05/03/1961 12:0", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05T00:00:00+1", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05T00:00:00+01:0", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05T00:00:00.Z", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05T00:00 XM", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05X", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05Z1", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "+1961-03-05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961 03 05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961-03-05 garbage", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "\uFF11\uFF19\uFF16\uFF11-03-05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "\u0661\u0669\u0666\u0661-03-05", Dmy, DateOfBirthStatus.UnrecognisedFormat },
        { "1961\u201303\u201305", Dmy, DateOfBirthStatus.UnrecognisedFormat },

        // Year-first only: every year-last layout is refused rather than read in an unstated order.
        { "05/03/1961", Ymd, DateOfBirthStatus.UnrecognisedFormat },
        { "05-Mar-1961", Ymd, DateOfBirthStatus.UnrecognisedFormat },

        { "05/03/61", Dmy, DateOfBirthStatus.TwoDigitYear },
        { "5/3/61", Mdy, DateOfBirthStatus.TwoDigitYear },
        { "05-Mar-61", Dmy, DateOfBirthStatus.TwoDigitYear },
        { "31/02/61", Dmy, DateOfBirthStatus.TwoDigitYear },

        { "1961-13-05", Dmy, DateOfBirthStatus.InvalidMonth },
        { "1961-00-05", Dmy, DateOfBirthStatus.InvalidMonth },
        { "1961-13", Dmy, DateOfBirthStatus.InvalidMonth },
        { "13/1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "196113", Dmy, DateOfBirthStatus.InvalidMonth },
        { "19610005", Dmy, DateOfBirthStatus.InvalidMonth },
        { "05/13/1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "13/05/1961", Mdy, DateOfBirthStatus.InvalidMonth },
        { "05-Foo-1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "05-Ma-1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "05-Marc-1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "05-Mars-1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "05-Septe-1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "05-Septembers-1961", Dmy, DateOfBirthStatus.InvalidMonth },
        { "00/00/0000", Dmy, DateOfBirthStatus.InvalidMonth },

        { "1799-12-31", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "2200-01-01", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "0001-01-01", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "9999-12-31", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "0001-01-01T00:00:00", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "01/01/0001", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "31/12/9999", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "0961", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "01/0001", Dmy, DateOfBirthStatus.YearOutOfRange },
        { "29/02/1700", Dmy, DateOfBirthStatus.YearOutOfRange },

        { "31/04/1961", Dmy, DateOfBirthStatus.InvalidDay },
        { "1961-04-31", Dmy, DateOfBirthStatus.InvalidDay },
        { "31/02/1961", Dmy, DateOfBirthStatus.InvalidDay },
        { "29/02/2023", Dmy, DateOfBirthStatus.InvalidDay },
        { "29/02/1900", Dmy, DateOfBirthStatus.InvalidDay },
        { "29/02/2100", Dmy, DateOfBirthStatus.InvalidDay },
        { "29-Feb-1800", Dmy, DateOfBirthStatus.InvalidDay },
        { "02/29/2023", Mdy, DateOfBirthStatus.InvalidDay },
        { "00/03/1961", Dmy, DateOfBirthStatus.InvalidDay },
        { "1961-03-00", Dmy, DateOfBirthStatus.InvalidDay },
        { "32/01/1961", Dmy, DateOfBirthStatus.InvalidDay },
        { "19610230", Dmy, DateOfBirthStatus.InvalidDay },
        { "1961-03-32T00:00:00Z", Dmy, DateOfBirthStatus.InvalidDay },

        { "1961-03-05T24:00", Dmy, DateOfBirthStatus.InvalidTime },
        { "1961-03-05T12:60", Dmy, DateOfBirthStatus.InvalidTime },
        { "1961-03-05T12:00:60", Dmy, DateOfBirthStatus.InvalidTime },
        { "1961-03-05T00:00+24:00", Dmy, DateOfBirthStatus.InvalidTime },
        { "1961-03-05T00:00+01:60", Dmy, DateOfBirthStatus.InvalidTime },
        { "19610305250000", Dmy, DateOfBirthStatus.InvalidTime },
        { "196103050000+0160", Dmy, DateOfBirthStatus.InvalidTime },
        { "3/5/1961 13:00 PM", Mdy, DateOfBirthStatus.InvalidTime },
        { "3/5/1961 0:00 AM", Mdy, DateOfBirthStatus.InvalidTime },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_layouts_parse_to_the_expected_date(string text, DateOrder order, int expected)
    {
        Assert.True(DateOfBirth.TryParse(text.AsSpan(), order, out var fromChars, out var status), $"status {status}");
        Assert.Equal(DateOfBirthStatus.Valid, status);
        Assert.Equal(expected, fromChars.ToInt32());

        Assert.True(DateOfBirth.TryParse(Encoding.UTF8.GetBytes(text), order, out var fromBytes, out var byteStatus));
        Assert.Equal(DateOfBirthStatus.Valid, byteStatus);
        Assert.Equal(fromChars, fromBytes);

        Assert.True(DateOfBirth.TryParse(text, order, out var fromString));
        Assert.Equal(fromChars, fromString);
        Assert.Equal(fromChars, DateOfBirth.Parse(text, order));
        Assert.Equal(fromChars, DateOfBirth.Parse(Encoding.UTF8.GetBytes(text), order));
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_text_gives_the_expected_reason(string text, DateOrder order, DateOfBirthStatus expected)
    {
        Assert.False(DateOfBirth.TryParse(text.AsSpan(), order, out var result, out var status));
        Assert.Equal(expected, status);
        Assert.True(result.IsEmpty);

        Assert.False(DateOfBirth.TryParse(Encoding.UTF8.GetBytes(text), order, out var fromBytes, out var byteStatus));
        Assert.Equal(expected, byteStatus);
        Assert.True(fromBytes.IsEmpty);

        var ex = Assert.Throws<FormatException>(() => DateOfBirth.Parse(text, order));
        Assert.Contains($"({expected})", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected.GetDescription(), ex.Message, StringComparison.Ordinal);
        if (text.Trim().Length >= 4)
        {
            Assert.DoesNotContain(text.Trim(), ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_failure_reason_has_an_example()
    {
        var covered = Rejected.Select(row => (DateOfBirthStatus)row[2]).ToHashSet();
        foreach (var status in Enum.GetValues<DateOfBirthStatus>())
        {
            Assert.True(status == DateOfBirthStatus.Valid || covered.Contains(status), $"{status} has no example");
        }
    }

    [Fact]
    public void Every_status_has_its_own_description()
    {
        var all = Enum.GetValues<DateOfBirthStatus>();
        var descriptions = all.Select(s => s.GetDescription()).ToArray();
        Assert.Equal(all.Length, descriptions.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("unknown status", descriptions);
        Assert.Equal("unknown status", ((DateOfBirthStatus)99).GetDescription());
    }

    [Fact]
    public void Order_decides_only_year_last_numeric_dates()
    {
        // 03/05/1961 is 3 May in the UK and 5 March in the US; the caller says which.
        Assert.Equal(new DateOfBirth(1961, 5, 3), DateOfBirth.Parse("03/05/1961"));
        Assert.Equal(new DateOfBirth(1961, 5, 3), DateOfBirth.Parse("03/05/1961", DateOrder.DayMonthYear));
        Assert.Equal(new DateOfBirth(1961, 3, 5), DateOfBirth.Parse("03/05/1961", DateOrder.MonthDayYear));
        Assert.Equal(new DateOfBirth(1961, 3, 5), DateOfBirth.Parse("1961-03-05", DateOrder.MonthDayYear));
        Assert.Equal(new DateOfBirth(1961, 3, 5), DateOfBirth.Parse("05-Mar-1961", DateOrder.MonthDayYear));
    }

    [Fact]
    public void Undefined_order_throws_ArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>("order", () => DateOfBirth.TryParse("1961-03-05".AsSpan(), (DateOrder)3, out _));
        Assert.Throws<ArgumentOutOfRangeException>("order", () => DateOfBirth.TryParse("1961-03-05"u8, (DateOrder)(-1), out _));
    }

    [Fact]
    public void Null_strings()
    {
        Assert.False(DateOfBirth.TryParse((string?)null, out var result));
        Assert.True(result.IsEmpty);
        Assert.False(DateOfBirth.TryParse((string?)null, DateOrder.MonthDayYear, out _));
        Assert.False(DateOfBirth.TryParse((string?)null, null, out _));
        Assert.Throws<ArgumentNullException>("text", () => DateOfBirth.Parse((string)null!));
        Assert.Throws<ArgumentNullException>("text", () => DateOfBirth.Parse((string)null!, DateOrder.MonthDayYear));
        Assert.Throws<ArgumentNullException>("s", () => DateOfBirth.Parse((string)null!, null));
    }

    [Fact]
    public void Generic_parsing_interfaces_read_day_first()
    {
        Assert.Equal(new DateOfBirth(1961, 5, 3), ParseVia<DateOfBirth>("03/05/1961"));
        Assert.Equal(new DateOfBirth(1961, 5, 3), ParseUtf8Via<DateOfBirth>("03/05/1961"u8));
        Assert.True(TryParseVia<DateOfBirth>("1961-03", out var partial));
        Assert.Equal(DateOfBirth.FromYearMonth(1961, 3), partial);
        Assert.False(TryParseVia<DateOfBirth>("31/02/1961", out _));
        Assert.Equal(new DateOfBirth(1961, 5, 3), DateOfBirth.Parse("03/05/1961", ThrowingFormatProvider.Instance));
        Assert.True(DateOfBirth.TryParse("03/05/1961".AsSpan(), null, out var viaSpan));
        Assert.Equal(new DateOfBirth(1961, 5, 3), viaSpan);
        Assert.True(DateOfBirth.TryParse("03/05/1961"u8, null, out var viaUtf8));
        Assert.Equal(new DateOfBirth(1961, 5, 3), viaUtf8);
        Assert.Equal(new DateOfBirth(1961, 5, 3), DateOfBirth.Parse("03/05/1961"u8, null));
        Assert.True(DateOfBirth.TryParse("03/05/1961", null, out var viaString));
        Assert.Equal(new DateOfBirth(1961, 5, 3), viaString);
    }

    private static T ParseVia<T>(string s)
        where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);

    private static T ParseUtf8Via<T>(ReadOnlySpan<byte> s)
        where T : IUtf8SpanParsable<T> => T.Parse(s, null);

    private static bool TryParseVia<T>(string s, out T result)
        where T : IParsable<T> => T.TryParse(s, null, out result!);
}
