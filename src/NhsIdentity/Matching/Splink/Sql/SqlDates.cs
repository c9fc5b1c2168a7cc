namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// DuckDB's date handling as Splink's date levels use it: <c>strptime</c> / <c>try_strptime</c> with the numeric
/// specifiers <c>%Y %m %d %H %M %S</c>, <c>date_diff</c> by calendar part, <c>epoch</c>. Dates are proleptic Gregorian
/// day numbers from 1970-01-01 (year 0 exists, as in DuckDB); timestamps are microseconds.
/// </summary>
/// <remarks>The parser follows what DuckDB 1.5.6 accepts (measured): whitespace before and after the text; numbers
/// without leading zeros (<c>2000-2-3</c>); at most 4 digits of year and 2 of the others; nothing else.</remarks>
internal static class SqlDates
{
    public const long MicrosecondsPerDay = 86_400_000_000L;

    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01.</summary>
    public static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Checks that every specifier of <paramref name="format"/> is one this parser supports.</summary>
    public static bool IsSupportedFormat(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                continue;
            }

            if (++i >= format.Length || format[i] is not ('Y' or 'm' or 'd' or 'H' or 'M' or 'S' or '%'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses <paramref name="text"/> with a supported <paramref name="format"/> into a timestamp.</summary>
    public static bool TryParse(string text, string format, out long microseconds)
    {
        microseconds = 0;
        int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        var position = 0;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        for (var f = 0; f < format.Length; f++)
        {
            if (format[f] == '%' && f + 1 < format.Length && format[f + 1] != '%')
            {
                f++;
                var maxDigits = format[f] == 'Y' ? 4 : 2;
                if (!TryReadNumber(text, ref position, maxDigits, out var number))
                {
                    return false;
                }

                switch (format[f])
                {
                    case 'Y': year = number; break;
                    case 'm': month = number; break;
                    case 'd': day = number; break;
                    case 'H': hour = number; break;
                    case 'M': minute = number; break;
                    default: second = number; break;
                }

                continue;
            }

            if (format[f] == '%')
            {
                f++;
            }

            if (position >= text.Length || text[position] != format[f])
            {
                return false;
            }

            position++;
        }

        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        if (position != text.Length || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        microseconds = (DaysFromCivil(year, month, day) * MicrosecondsPerDay)
            + ((((hour * 60L) + minute) * 60L) + second) * 1_000_000L;
        return true;
    }

    /// <summary>Parses ISO <c>YYYY-MM-DD</c> (a DATE cast or literal).</summary>
    public static bool TryParseIsoDate(string text, out long days)
    {
        days = 0;
        if (!TryParse(text, "%Y-%m-%d", out var microseconds))
        {
            return false;
        }

        days = microseconds / MicrosecondsPerDay;
        return true;
    }

    public static long DaysFromCivil(long year, int month, int day)
    {
        // H. Hinnant's days_from_civil: proleptic Gregorian, any year.
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var year = yearOfEra + (era * 400);
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (year + (month <= 2 ? 1 : 0), month, day);
    }

    public static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool TryReadNumber(string text, ref int position, int maxDigits, out int number)
    {
        number = 0;
        var digits = 0;
        while (digits < maxDigits && position < text.Length && char.IsAsciiDigit(text[position]))
        {
            number = (number * 10) + (text[position] - '0');
            position++;
            digits++;
        }

        return digits > 0;
    }
}
