using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

/// <summary>
/// A person's date of birth as a health record holds it: a full calendar date, or honestly partial (a year, or a year
/// and month), or the documented <see cref="Empty"/> value.
/// </summary>
/// <remarks>
/// <para>
/// Years run from <see cref="MinYear"/> (1800) to <see cref="MaxYear"/> (2199). The range is wide enough for anyone
/// alive and for historical records, and narrow enough to reject the sentinels suppliers write for "unknown"
/// (<c>0001-01-01</c>, <c>9999-12-31</c>) and typing slips such as <c>0961</c> or <c>2961</c>. Whether a date is
/// believable for a living patient depends on today's date, so that is a separate check,
/// <see cref="IsPlausible(DateOnly, int)"/>, which takes the reference date from the caller (no ambient clock).
/// </para>
/// <para>
/// <c>default(DateOfBirth)</c> is <see cref="Empty"/>: <see cref="IsEmpty"/> is <see langword="true"/>,
/// <see cref="Precision"/> is <see cref="DateOfBirthPrecision.None"/>, <see cref="Year"/>, <see cref="Month"/>,
/// <see cref="Day"/> and <see cref="ToInt32"/> are 0, it formats as an empty string and sorts before every date.
/// </para>
/// <para>
/// Parsing (<see cref="TryParse(ReadOnlySpan{char}, DateOrder, out DateOfBirth, out DateOfBirthStatus)"/>) is
/// culture-invariant and accepts, after trimming white space:
/// </para>
/// <list type="table">
/// <listheader><term>Layout</term><description>Examples and notes</description></listheader>
/// <item><term>ISO 8601 date</term><description><c>1961-03-05</c>; also with '/' or '.' (<c>1961/03/05</c>); one-digit month and day accepted.</description></item>
/// <item><term>ISO 8601 date and time</term><description><c>1961-03-05T00:00:00Z</c>, <c>1961-03-05T00:00:00.000+01:00</c>, <c>1961-03-05 14:30</c>, <c>1961-03-05Z</c>.</description></item>
/// <item><term>Partial dates</term><description><c>1961</c> (<see cref="DateOfBirthPrecision.Year"/>); <c>1961-03</c>, and month first <c>03/1961</c> (<see cref="DateOfBirthPrecision.YearMonth"/>).</description></item>
/// <item><term>Compact and HL7 v2 <c>DTM</c></term><description><c>19610305</c>, <c>196103</c> (year and month), <c>196103050000</c>, <c>19610305000000.0000+0000</c>: <c>yyyyMM[dd[HH[mm[ss[.ffff]]]]][+/-zzzz]</c>.</description></item>
/// <item><term>Numeric, year last</term><description><c>05/03/1961</c>, <c>5/3/1961</c>, <c>05.03.1961</c>, <c>05-03-1961</c>, <c>05 03 1961</c>, read in the caller's <see cref="DateOrder"/> (day first by default); optionally followed by a time, <c>05/03/1961 00:00:00</c>, <c>3/5/1961 12:00:00 AM</c>.</description></item>
/// <item><term>Month name</term><description><c>05-Mar-1961</c>, <c>5 March 1961</c>, <c>05/MAR/1961</c>, <c>5 Sept 1961</c>: English three-letter abbreviations, full names and "Sept", case-insensitive; always day first.</description></item>
/// </list>
/// <para>
/// A time of day or UTC offset after the date is checked (it must be in range) and then dropped: the date is taken
/// exactly as written, with no time-zone conversion. A birth date is a calendar date in the place of birth, not an
/// instant; the time part in extracts is an artefact of storing a date in a date-time column, and converting it
/// (say <c>1961-03-05T00:00:00+01:00</c> to UTC) would move the birthday to the day before. A source known to have
/// converted local midnight to UTC before writing must be corrected by the caller, who knows the source.
/// </para>
/// <para>
/// Never accepted: two-digit years (<see cref="DateOfBirthStatus.TwoDigitYear"/>; the century is never guessed),
/// ambiguous orders (the caller states <see cref="DateOrder"/>), a day of 00 for "unknown day" (use a partial date),
/// and month-first names such as <c>Mar 5, 1961</c>.
/// </para>
/// <para>
/// <b>Six digits</b> are read as HL7's year-and-month <c>yyyyMM</c> in every order (<c>196103</c> is March 1961),
/// because HL7 v2 sends partial dates that way and the <c>"H"</c> format writes them so. A source that writes
/// <c>ddMMyy</c> would be misread when its first four digits make a year from 1800 to 2199 and a valid month
/// follows (<c>200510</c> reads as October 2005, not 20 May 2010); reject six-digit values from such a source before
/// parsing.
/// </para>
/// <para>
/// The type is an immutable 4-byte value; all members are thread-safe. Parsing, formatting into spans, comparison
/// and every property allocate nothing; only the <see cref="string"/>-returning members allocate their result.
/// </para>
/// </remarks>
public readonly partial struct DateOfBirth : IEquatable<DateOfBirth>, IComparable<DateOfBirth>, IComparable
{
    /// <summary>The earliest year accepted: 1800.</summary>
    public const int MinYear = DateOfBirthParser.MinYear;

    /// <summary>The latest year accepted: 2199.</summary>
    public const int MaxYear = DateOfBirthParser.MaxYear;

    /// <summary>
    /// The default oldest age <see cref="IsPlausible(DateOnly, int)"/> accepts: 125 years, a little above the oldest
    /// verified human lifespan (122 years), so no real patient is rejected.
    /// </summary>
    public const int DefaultMaxAgeYears = 125;

    // yyyymmdd with 0 for missing parts; 0 itself is Empty. Sorting this int sorts the dates.
    private readonly int _packed;

    private DateOfBirth(int packed) => _packed = packed;

    /// <summary>Creates a full date of birth.</summary>
    /// <param name="year">The year, <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day, 1 to the length of the month.</param>
    /// <exception cref="ArgumentOutOfRangeException">The values are not a calendar date in range.</exception>
    public DateOfBirth(int year, int month, int day)
    {
        if (!IsValidParts(year, month, day) || month == 0 || day == 0)
        {
            DateOfBirthThrowHelper.ThrowInvalidDate(
                (uint)(year - MinYear) > MaxYear - MinYear ? nameof(year) : (uint)(month - 1) > 11 ? nameof(month) : nameof(day));
        }

        _packed = Pack(year, month, day);
    }

    /// <summary>The empty value, equal to <c>default(DateOfBirth)</c>: holds no date.</summary>
    public static DateOfBirth Empty => default;

    /// <summary>Whether this is <see cref="Empty"/> (holds no date).</summary>
    public bool IsEmpty => _packed == 0;

    /// <summary>The year, <see cref="MinYear"/> to <see cref="MaxYear"/>; 0 for <see cref="Empty"/>.</summary>
    public int Year => _packed / 10_000;

    /// <summary>The month, 1 to 12; 0 when not known (<see cref="DateOfBirthPrecision.Year"/> or <see cref="Empty"/>).</summary>
    public int Month => _packed / 100 % 100;

    /// <summary>The day of the month, 1 to 31; 0 when not known (a partial date or <see cref="Empty"/>).</summary>
    public int Day => _packed % 100;

    /// <summary>How much of the date is known; <see cref="DateOfBirthPrecision.None"/> for <see cref="Empty"/>.</summary>
    public DateOfBirthPrecision Precision =>
        _packed == 0 ? DateOfBirthPrecision.None
        : _packed % 100 != 0 ? DateOfBirthPrecision.Day
        : _packed % 10_000 != 0 ? DateOfBirthPrecision.YearMonth
        : DateOfBirthPrecision.Year;

    /// <summary>
    /// Whether the date is 1 January, which suppliers often record when only the year is known ("unknown day and
    /// month"); the matcher may weigh such a date as a year-only match. <see langword="false"/> for partial dates
    /// (their uncertainty is already explicit in <see cref="Precision"/>) and for <see cref="Empty"/>.
    /// </summary>
    public bool IsPossiblePlaceholder => _packed != 0 && _packed % 10_000 == 101;

    /// <summary>Creates a full date of birth from a <see cref="DateOnly"/>.</summary>
    /// <param name="date">The date; its year must be <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static DateOfBirth FromDateOnly(DateOnly date)
    {
        if ((uint)(date.Year - MinYear) > MaxYear - MinYear)
        {
            DateOfBirthThrowHelper.ThrowInvalidDate(nameof(date));
        }

        return new DateOfBirth(Pack(date.Year, date.Month, date.Day));
    }

    /// <summary>Creates a partial date of birth of which only the year is known.</summary>
    /// <param name="year">The year, <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>The date of birth, with <see cref="DateOfBirthPrecision.Year"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static DateOfBirth FromYear(int year)
    {
        if (!IsValidParts(year, 0, 0))
        {
            DateOfBirthThrowHelper.ThrowInvalidDate(nameof(year));
        }

        return new DateOfBirth(Pack(year, 0, 0));
    }

    /// <summary>Creates a partial date of birth of which the year and month are known.</summary>
    /// <param name="year">The year, <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The date of birth, with <see cref="DateOfBirthPrecision.YearMonth"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static DateOfBirth FromYearMonth(int year, int month)
    {
        if (!IsValidParts(year, month, 0) || month == 0)
        {
            DateOfBirthThrowHelper.ThrowInvalidDate(nameof(month));
        }

        return new DateOfBirth(Pack(year, month, 0));
    }

    /// <summary>
    /// Creates a date of birth from its <see cref="ToInt32"/> form (<c>yyyymmdd</c>, 0 for a missing month or day),
    /// for example a database column.
    /// </summary>
    /// <param name="yyyymmdd">The packed date; 0 gives <see cref="Empty"/>.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a valid packed date.</exception>
    public static DateOfBirth FromInt32(int yyyymmdd)
    {
        if (!TryFromInt32(yyyymmdd, out var result))
        {
            DateOfBirthThrowHelper.ThrowInvalidDate(nameof(yyyymmdd));
        }

        return result;
    }

    /// <summary>Tries to create a date of birth from its <see cref="ToInt32"/> form.</summary>
    /// <param name="yyyymmdd">The packed date; 0 gives <see cref="Empty"/>.</param>
    /// <param name="result">The date of birth, or <see cref="Empty"/> on failure.</param>
    /// <returns>
    /// <see langword="false"/> when the value is not a valid packed date: a year out of range, a month above 12, a day
    /// that does not exist, or a day without a month.
    /// </returns>
    public static bool TryFromInt32(int yyyymmdd, out DateOfBirth result)
    {
        if (yyyymmdd == 0 || IsValidParts(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100))
        {
            result = new DateOfBirth(yyyymmdd);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>
    /// The date as one integer for the matcher and for storage: <c>yyyymmdd</c> with 0 for a missing month or day
    /// (<c>19610305</c>, <c>19610300</c>, <c>19610000</c>), and 0 for <see cref="Empty"/>. Integer order is the
    /// <see cref="CompareTo(DateOfBirth)"/> order. <see cref="FromInt32(int)"/> reverses it.
    /// </summary>
    /// <returns>The packed date.</returns>
    public int ToInt32() => _packed;

    /// <summary>Converts a full date to a <see cref="DateOnly"/>.</summary>
    /// <returns>The date.</returns>
    /// <exception cref="InvalidOperationException">This is <see cref="Empty"/> or a partial date.</exception>
    public DateOnly ToDateOnly()
    {
        if (!TryGetDateOnly(out var date))
        {
            if (IsEmpty)
            {
                DateOfBirthThrowHelper.ThrowEmpty();
            }

            DateOfBirthThrowHelper.ThrowNotFullDate();
        }

        return date;
    }

    /// <summary>Gets the full date as a <see cref="DateOnly"/>, if this is a full date.</summary>
    /// <param name="date">The date, or <c>default</c> for <see cref="Empty"/> and partial dates.</param>
    /// <returns><see langword="true"/> when <see cref="Precision"/> is <see cref="DateOfBirthPrecision.Day"/>.</returns>
    public bool TryGetDateOnly(out DateOnly date)
    {
        if (Day != 0)
        {
            date = new DateOnly(Year, Month, Day);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// Whether the date is believable for a person on <paramref name="today"/>: not after it, and no more than
    /// <paramref name="maxAgeYears"/> whole years before it. A partial date is plausible when some day in its
    /// period is: its first day is not after <paramref name="today"/>, and its last day gives an age within the limit.
    /// </summary>
    /// <param name="today">The reference date, from the caller's clock or <see cref="TimeProvider"/> (no ambient clock is read).</param>
    /// <param name="maxAgeYears">The oldest age accepted, in whole years; <see cref="DefaultMaxAgeYears"/> by default.</param>
    /// <returns><see langword="false"/> for <see cref="Empty"/>, future dates and implausibly old dates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAgeYears"/> is negative.</exception>
    public bool IsPlausible(DateOnly today, int maxAgeYears = DefaultMaxAgeYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAgeYears);
        if (IsEmpty)
        {
            return false;
        }

        var year = Year;
        var month = Month;
        var day = Day;
        var todayPacked = Pack(today.Year, today.Month, today.Day);
        var firstDay = Pack(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
        if (firstDay > todayPacked)
        {
            return false;
        }

        var lastMonth = month == 0 ? 12 : month;
        var lastDay = day == 0 ? DateOfBirthParser.DaysInMonth(year, lastMonth) : day;
        var age = today.Year - year - ((today.Month * 100) + today.Day < (lastMonth * 100) + lastDay ? 1 : 0);
        return age <= maxAgeYears;
    }

    /// <inheritdoc/>
    public bool Equals(DateOfBirth other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DateOfBirth other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed;

    /// <summary>
    /// Compares by <see cref="ToInt32"/>: chronological for full dates; <see cref="Empty"/> sorts first, and a partial
    /// date sorts before the full dates of its period (<c>1961</c> &lt; <c>1961-03</c> &lt; <c>1961-03-01</c>).
    /// </summary>
    /// <param name="other">The date to compare with.</param>
    /// <returns>Negative, zero or positive as this date sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(DateOfBirth other) => _packed.CompareTo(other._packed);

    /// <summary>Compares with a boxed <see cref="DateOfBirth"/>; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">A boxed <see cref="DateOfBirth"/> or <see langword="null"/>.</param>
    /// <returns>Negative, zero or positive as this date sorts before, with or after <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="DateOfBirth"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        DateOfBirth other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type DateOfBirth.", nameof(obj)),
    };

    /// <summary>Whether two dates are equal (same parts and same precision).</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(DateOfBirth left, DateOfBirth right) => left.Equals(right);

    /// <summary>Whether two dates differ.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(DateOfBirth left, DateOfBirth right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(DateOfBirth left, DateOfBirth right) => left._packed < right._packed;

    /// <summary>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(DateOfBirth left, DateOfBirth right) => left._packed <= right._packed;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(DateOfBirth left, DateOfBirth right) => left._packed > right._packed;

    /// <summary>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(DateOfBirth left, DateOfBirth right) => left._packed >= right._packed;

    private static int Pack(int year, int month, int day) => (year * 10_000) + (month * 100) + day;

    /// <summary>A year in range, a month 0..12, a day 0..length of month, and no day without a month.</summary>
    private static bool IsValidParts(int year, int month, int day) =>
        (uint)(year - MinYear) <= MaxYear - MinYear
        && (uint)month <= 12
        && (month == 0 ? day == 0 : (uint)day <= (uint)DateOfBirthParser.DaysInMonth(year, month));
}
