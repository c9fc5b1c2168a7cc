using System.Numerics;
using System.Runtime.CompilerServices;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// The one parsing core behind every <see cref="DateOfBirth"/> parser, generic over UTF-16 (<see cref="char"/>) and
/// UTF-8 (<see cref="byte"/>) code units. It reads the text once, left to right, into year, month and day (plus a
/// time of day that is checked and then dropped), and only then validates the values, so the reported reason
/// follows the documented order in <see cref="DateOfBirthStatus"/>.
/// </summary>
internal static class DateOfBirthParser
{
    public const int MinYear = 1800;
    public const int MaxYear = 2199;

    /// <summary>Digits read at most per field; longer runs are counted but not accumulated, so nothing overflows.</summary>
    private const int MaxAccumulatedDigits = 9;

    /// <summary>Parses <paramref name="text"/>; on success <paramref name="packed"/> is yyyymmdd with 0 for missing parts.</summary>
    public static DateOfBirthStatus Parse<TChar>(ReadOnlySpan<TChar> text, DateOrder order, out int packed)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        Parse(text, order, zeroPartsUnknown: false, out packed);

    /// <summary>Parses <paramref name="text"/>; with <paramref name="zeroPartsUnknown"/>, a day or month written as 0
    /// (<c>00/00/1947</c>, <c>1990-11-00</c>) means "not known" and gives a partial date instead of a failure.</summary>
    public static DateOfBirthStatus Parse<TChar>(ReadOnlySpan<TChar> text, DateOrder order, bool zeroPartsUnknown, out int packed)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if ((uint)order > (uint)DateOrder.YearMonthDay)
        {
            DateOfBirthThrowHelper.ThrowUndefinedOrder(nameof(order));
        }

        packed = 0;
        if (!text.IsEmpty && (!IsAsciiLetterOrDigit(Unit(text, 0)) || !IsAsciiLetterOrDigit(Unit(text, text.Length - 1))))
        {
            // Only trim when an end is not a letter or digit: the common inputs skip this entirely.
            text = UnicodeWhiteSpace.Trim(text);
        }

        if (text.IsEmpty)
        {
            return DateOfBirthStatus.Empty;
        }

        var fields = default(Fields);
        var status = ReadLayout(text, order, ref fields);
        if (status != DateOfBirthStatus.Valid)
        {
            return status;
        }

        if (zeroPartsUnknown)
        {
            TreatZeroPartsAsUnknown(ref fields);
        }

        status = Validate(ref fields);
        if (status == DateOfBirthStatus.Valid)
        {
            packed = (fields.Year * 10_000) + (fields.Month * 100) + fields.Day;
        }

        return status;
    }

    /// <summary>Recognises the layout and fills <paramref name="fields"/>; reports only layout problems.</summary>
    private static DateOfBirthStatus ReadLayout<TChar>(ReadOnlySpan<TChar> text, DateOrder order, ref Fields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var pos = 0;
        var leading = ReadDigits(text, ref pos, out var first);
        if (leading == 4 && (pos == text.Length || IsDateSeparator(Unit(text, pos))))
        {
            return ReadYearFirst(text, pos, first, ref fields);
        }

        if (leading >= 6 && pos == leading)
        {
            return ReadCompact(text, leading, ref fields);
        }

        if (leading is 1 or 2 && pos < text.Length && order != DateOrder.YearMonthDay)
        {
            return ReadYearLast(text, pos, first, order, ref fields);
        }

        return DateOfBirthStatus.UnrecognisedFormat;
    }

    /// <summary>ISO 8601 and friends: <c>yyyy</c>, <c>yyyy-MM</c>, <c>yyyy-MM-dd</c> (or '/' or '.'), then an optional time.</summary>
    private static DateOfBirthStatus ReadYearFirst<TChar>(ReadOnlySpan<TChar> text, int pos, int year, ref Fields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        fields.Year = year;
        fields.Precision = DateOfBirthPrecision.Year;
        if (pos == text.Length)
        {
            return DateOfBirthStatus.Valid;
        }

        var separator = Unit(text, pos++);
        if (ReadDigits(text, ref pos, out fields.Month) is not (1 or 2))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        fields.Precision = DateOfBirthPrecision.YearMonth;
        if (pos == text.Length)
        {
            return DateOfBirthStatus.Valid;
        }

        if (Unit(text, pos++) != separator || ReadDigits(text, ref pos, out fields.Day) is not (1 or 2))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        fields.Precision = DateOfBirthPrecision.Day;
        return ReadTail(text, pos, ref fields);
    }

    /// <summary>
    /// HL7 v2 <c>DTM</c> and plain compact dates: <c>yyyyMM</c>, <c>yyyyMMdd</c>, then optionally <c>HH</c>, <c>HHmm</c>
    /// or <c>HHmmss</c>, a fraction after seconds and a <c>+zzzz</c>/<c>-zzzz</c> offset.
    /// </summary>
    private static DateOfBirthStatus ReadCompact<TChar>(ReadOnlySpan<TChar> text, int digits, ref Fields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (digits is not (6 or 8 or 10 or 12 or 14))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        fields.Year = TwoDigits(text, 0) * 100 + TwoDigits(text, 2);
        fields.Month = TwoDigits(text, 4);
        fields.Precision = DateOfBirthPrecision.YearMonth;
        if (digits == 6)
        {
            return digits == text.Length ? DateOfBirthStatus.Valid : DateOfBirthStatus.UnrecognisedFormat;
        }

        fields.Day = TwoDigits(text, 6);
        fields.Precision = DateOfBirthPrecision.Day;
        fields.Hour = digits >= 10 ? TwoDigits(text, 8) : 0;
        fields.Minute = digits >= 12 ? TwoDigits(text, 10) : 0;
        fields.Second = digits >= 14 ? TwoDigits(text, 12) : 0;

        var pos = digits;
        if (digits == 14 && pos < text.Length && Unit(text, pos) == '.')
        {
            pos++;
            if (ReadDigits(text, ref pos, out _) == 0)
            {
                return DateOfBirthStatus.UnrecognisedFormat;
            }
        }

        if (pos < text.Length)
        {
            // HL7 offsets are always four digits with a sign: +0100, -0500.
            var sign = Unit(text, pos++);
            if ((sign != '+' && sign != '-') || ReadDigits(text, ref pos, out var offset) != 4 || pos != text.Length)
            {
                return DateOfBirthStatus.UnrecognisedFormat;
            }

            fields.OffsetHours = offset / 100;
            fields.OffsetMinutes = offset % 100;
        }

        return DateOfBirthStatus.Valid;
    }

    /// <summary>
    /// Year-last dates: <c>d/M/yyyy</c> in the caller's order (separators '/', '-', '.' or ' ', the same twice), or
    /// <c>d-MMM-yyyy</c> with an English month name, then an optional time; or a month and year, <c>MM/yyyy</c>.
    /// </summary>
    private static DateOfBirthStatus ReadYearLast<TChar>(ReadOnlySpan<TChar> text, int pos, int first, DateOrder order, ref Fields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var separator = Unit(text, pos++);
        if (!IsDateSeparator(separator) && separator != ' ')
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        var named = false;
        var middleDigits = ReadDigits(text, ref pos, out var second);
        if (middleDigits == 0 && pos < text.Length && IsAsciiLetter(Unit(text, pos)))
        {
            second = ReadMonthName(text, ref pos);
            named = true;
        }
        else if (middleDigits == 4 && pos == text.Length)
        {
            // MM/yyyy: a month and year, as the "D" format writes partial dates; accepted in the day-first and month-first orders.
            fields.Year = second;
            fields.Month = first;
            fields.Precision = DateOfBirthPrecision.YearMonth;
            return DateOfBirthStatus.Valid;
        }
        else if (middleDigits is not (1 or 2))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        if (pos == text.Length || Unit(text, pos++) != separator)
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        var yearDigits = ReadDigits(text, ref pos, out fields.Year);
        if (yearDigits is not (2 or 4))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        fields.TwoDigitYear = yearDigits == 2;
        if (named || order == DateOrder.DayMonthYear)
        {
            fields.Day = first;
            fields.Month = second;
        }
        else
        {
            fields.Month = first;
            fields.Day = second;
        }

        fields.Precision = DateOfBirthPrecision.Day;
        return ReadTail(text, pos, ref fields);
    }

    /// <summary>
    /// What may follow a full date: nothing; an offset straight after it (<c>1961-03-05Z</c>, as XML Schema dates
    /// allow); or 'T' or a space and a time of day <c>H:mm[:ss[.f…]]</c>, an optional AM/PM, and an optional
    /// <c>Z</c>, <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>.
    /// </summary>
    private static DateOfBirthStatus ReadTail<TChar>(ReadOnlySpan<TChar> text, int pos, ref Fields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (pos == text.Length)
        {
            return DateOfBirthStatus.Valid;
        }

        var c = Unit(text, pos);
        if (c is 'Z' or 'z' or '+' or '-')
        {
            return ReadOffset(text, pos, ref fields);
        }

        if (c is not ('T' or 't' or ' '))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        pos++;
        if (ReadDigits(text, ref pos, out fields.Hour) is not (1 or 2)
            || pos == text.Length || Unit(text, pos++) != ':'
            || ReadDigits(text, ref pos, out fields.Minute) != 2)
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        if (pos < text.Length && Unit(text, pos) == ':')
        {
            pos++;
            if (ReadDigits(text, ref pos, out fields.Second) != 2)
            {
                return DateOfBirthStatus.UnrecognisedFormat;
            }

            if (pos < text.Length && Unit(text, pos) is '.' or ',')
            {
                pos++;
                if (ReadDigits(text, ref pos, out _) == 0)
                {
                    return DateOfBirthStatus.UnrecognisedFormat;
                }
            }
        }

        if (pos < text.Length && Unit(text, pos) == ' ')
        {
            pos++;
        }

        if (pos + 1 < text.Length && (Unit(text, pos) | 0x20) is 'a' or 'p' && (Unit(text, pos + 1) | 0x20) == 'm')
        {
            fields.Meridiem = (Unit(text, pos) | 0x20) == 'a' ? Meridiem.Am : Meridiem.Pm;
            pos += 2;
        }

        return pos == text.Length ? DateOfBirthStatus.Valid : ReadOffset(text, pos, ref fields);
    }

    /// <summary>Reads a UTC offset that must end the text: <c>Z</c>, <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>.</summary>
    private static DateOfBirthStatus ReadOffset<TChar>(ReadOnlySpan<TChar> text, int pos, ref Fields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var sign = Unit(text, pos++);
        if (sign is 'Z' or 'z')
        {
            return pos == text.Length ? DateOfBirthStatus.Valid : DateOfBirthStatus.UnrecognisedFormat;
        }

        if (sign is not ('+' or '-'))
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        var digits = ReadDigits(text, ref pos, out var value);
        if (digits == 2 && pos < text.Length && Unit(text, pos) == ':')
        {
            pos++;
            fields.OffsetHours = value;
            if (ReadDigits(text, ref pos, out fields.OffsetMinutes) != 2)
            {
                return DateOfBirthStatus.UnrecognisedFormat;
            }
        }
        else if (digits == 4)
        {
            fields.OffsetHours = value / 100;
            fields.OffsetMinutes = value % 100;
        }
        else if (digits == 2)
        {
            fields.OffsetHours = value;
        }
        else
        {
            return DateOfBirthStatus.UnrecognisedFormat;
        }

        return pos == text.Length ? DateOfBirthStatus.Valid : DateOfBirthStatus.UnrecognisedFormat;
    }

    /// <summary>
    /// Lowers the precision where a part is written as zero: a zero month leaves only the year (a day without its month
    /// says nothing), a zero day leaves the year and month. Suppliers and census transcriptions write unknown parts so.
    /// </summary>
    private static void TreatZeroPartsAsUnknown(ref Fields fields)
    {
        if (fields.Precision >= DateOfBirthPrecision.YearMonth && fields.Month == 0)
        {
            fields.Precision = DateOfBirthPrecision.Year;
        }
        else if (fields.Precision == DateOfBirthPrecision.Day && fields.Day == 0)
        {
            fields.Precision = DateOfBirthPrecision.YearMonth;
        }
    }

    /// <summary>Checks the values in the documented order: two-digit year, month, year range, day, time.</summary>
    private static DateOfBirthStatus Validate(ref Fields fields)
    {
        if (fields.TwoDigitYear)
        {
            return DateOfBirthStatus.TwoDigitYear;
        }

        if (fields.Precision >= DateOfBirthPrecision.YearMonth && (uint)(fields.Month - 1) > 11)
        {
            return DateOfBirthStatus.InvalidMonth;
        }

        if ((uint)(fields.Year - MinYear) > MaxYear - MinYear)
        {
            return DateOfBirthStatus.YearOutOfRange;
        }

        if (fields.Precision == DateOfBirthPrecision.Day && (uint)(fields.Day - 1) >= (uint)DaysInMonth(fields.Year, fields.Month))
        {
            return DateOfBirthStatus.InvalidDay;
        }

        var hourLimit = fields.Meridiem == Meridiem.None ? 23u : 12u;
        if ((uint)fields.Hour > hourLimit || (fields.Meridiem != Meridiem.None && fields.Hour == 0)
            || (uint)fields.Minute > 59 || (uint)fields.Second > 59
            || (uint)fields.OffsetHours > 23 || (uint)fields.OffsetMinutes > 59)
        {
            return DateOfBirthStatus.InvalidTime;
        }

        if (fields.Precision == DateOfBirthPrecision.Year)
        {
            fields.Month = 0;
        }

        if (fields.Precision != DateOfBirthPrecision.Day)
        {
            fields.Day = 0;
        }

        return DateOfBirthStatus.Valid;
    }

    /// <summary>Days in a month of the proleptic Gregorian calendar (the calendar <see cref="DateOnly"/> uses).</summary>
    public static int DaysInMonth(int year, int month) =>
        month == 2 ? (IsLeapYear(year) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);

    public static bool IsLeapYear(int year) => (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>
    /// Reads an English month name (3-letter abbreviation, full name, or "Sept"), case-insensitive; returns 1..12, or
    /// 0 (which fails later as <see cref="DateOfBirthStatus.InvalidMonth"/>) for any other run of letters.
    /// </summary>
    private static int ReadMonthName<TChar>(ReadOnlySpan<TChar> text, ref int pos)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var start = pos;
        while (pos < text.Length && IsAsciiLetter(Unit(text, pos)))
        {
            pos++;
        }

        var length = pos - start;
        if (length < 3)
        {
            return 0;
        }

        // The first three letters, lower-cased, as one key.
        var key = ((Unit(text, start) | 0x20) << 16) | ((Unit(text, start + 1) | 0x20) << 8) | (Unit(text, start + 2) | 0x20);
        var month = key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };

        if (month == 0 || length == 3)
        {
            return month;
        }

        // Longer than three letters: must be the full name, or "Sept".
        var rest = FullMonthNameRest(month);
        if (month == 9 && length == 4 && (Unit(text, start + 3) | 0x20) == 't')
        {
            return month;
        }

        if (length - 3 != rest.Length)
        {
            return 0;
        }

        for (var i = 0; i < rest.Length; i++)
        {
            if ((Unit(text, start + 3 + i) | 0x20) != rest[i])
            {
                return 0;
            }
        }

        return month;
    }

    /// <summary>The letters of a full English month name after its three-letter abbreviation.</summary>
    private static ReadOnlySpan<byte> FullMonthNameRest(int month) => month switch
    {
        1 => "uary"u8,
        2 => "ruary"u8,
        3 => "ch"u8,
        4 => "il"u8,
        5 => ""u8,
        6 => "e"u8,
        7 => "y"u8,
        8 => "ust"u8,
        9 => "tember"u8,
        10 => "ober"u8,
        11 => "ember"u8,
        _ => "ember"u8,
    };

    /// <summary>
    /// Reads a run of ASCII digits at <paramref name="pos"/>; returns how many there were. The value holds the first
    /// <see cref="MaxAccumulatedDigits"/> only, so a long run cannot overflow (its length already makes it invalid).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadDigits<TChar>(ReadOnlySpan<TChar> text, ref int pos, out int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var start = pos;
        value = 0;
        while (pos < text.Length)
        {
            var digit = Unit(text, pos) - '0';
            if (digit > 9)
            {
                break;
            }

            if (pos - start < MaxAccumulatedDigits)
            {
                value = (value * 10) + (int)digit;
            }

            pos++;
        }

        return pos - start;
    }

    /// <summary>Two digits at <paramref name="index"/>, already known to be ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TwoDigits<TChar>(ReadOnlySpan<TChar> text, int index)
        where TChar : unmanaged, IBinaryInteger<TChar> =>
        (int)(((Unit(text, index) - '0') * 10) + (Unit(text, index + 1) - '0'));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Unit<TChar>(ReadOnlySpan<TChar> text, int index)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Direct reads: the JIT folds the type test, and avoids the generic conversion's extra inlining depth.
        var unit = text[index];
        return typeof(TChar) == typeof(char) ? Unsafe.BitCast<TChar, char>(unit) : Unsafe.BitCast<TChar, byte>(unit);
    }

    private static bool IsDateSeparator(uint c) => c is '-' or '/' or '.';

    private static bool IsAsciiLetter(uint c) => (c | 0x20) - 'a' <= 'z' - 'a';

    private static bool IsAsciiLetterOrDigit(uint c) => c - '0' <= 9 || IsAsciiLetter(c);

    private enum Meridiem
    {
        None,
        Am,
        Pm,
    }

    /// <summary>What the layout pass found; checked afterwards by <see cref="Validate(ref Fields)"/>.</summary>
    private struct Fields
    {
        public int Year;
        public int Month;
        public int Day;
        public int Hour;
        public int Minute;
        public int Second;
        public int OffsetHours;
        public int OffsetMinutes;
        public DateOfBirthPrecision Precision;
        public Meridiem Meridiem;
        public bool TwoDigitYear;
    }
}
