using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

/// <summary>
/// Invariants of the parser and the value type. The round-trip oracle is the BCL: each date is written with
/// <see cref="DateTime.ToString(string, IFormatProvider)"/> and <see cref="CultureInfo.InvariantCulture"/> in every
/// supported layout, then read back with ours.
/// </summary>
public sealed class DateOfBirthProperties
{
    private static readonly DateOfBirthStatus[] AllStatuses = Enum.GetValues<DateOfBirthStatus>();
    private static readonly DateOrder[] AllOrders = Enum.GetValues<DateOrder>();
    private static readonly string[] Formats = ["", "I", "H", "D", "i", "h", "d"];

    /// <summary>BCL custom formats of a full date (and time), with the order that reads them.</summary>
    private static readonly (string Format, DateOrder Order)[] FullDateFormats =
    [
        ("yyyy-MM-dd", DateOrder.YearMonthDay),
        ("yyyy/MM/dd", DateOrder.DayMonthYear),
        ("yyyy.M.d", DateOrder.MonthDayYear),
        ("dd/MM/yyyy", DateOrder.DayMonthYear),
        ("d/M/yyyy", DateOrder.DayMonthYear),
        ("MM/dd/yyyy", DateOrder.MonthDayYear),
        ("M/d/yyyy", DateOrder.MonthDayYear),
        ("dd.MM.yyyy", DateOrder.DayMonthYear),
        ("dd-MM-yyyy", DateOrder.DayMonthYear),
        ("yyyyMMdd", DateOrder.YearMonthDay),
        ("dd-MMM-yyyy", DateOrder.DayMonthYear),
        ("dd-MMM-yyyy", DateOrder.MonthDayYear),
        ("d MMMM yyyy", DateOrder.DayMonthYear),
        ("dd/MMM/yyyy", DateOrder.DayMonthYear),
        ("yyyyMMddHH", DateOrder.YearMonthDay),
        ("yyyyMMddHHmm", DateOrder.YearMonthDay),
        ("yyyyMMddHHmmss", DateOrder.YearMonthDay),
        ("yyyyMMddHHmmss.ffff", DateOrder.YearMonthDay),
        ("yyyy-MM-dd'T'HH:mm:ss'Z'", DateOrder.YearMonthDay),
        ("yyyy-MM-dd'T'HH:mm", DateOrder.DayMonthYear),
        ("yyyy-MM-dd HH:mm:ss", DateOrder.DayMonthYear),
        ("yyyy-MM-dd HH:mm:ss.fff", DateOrder.DayMonthYear),
        ("dd/MM/yyyy HH:mm:ss", DateOrder.DayMonthYear),
        ("M/d/yyyy h:mm:ss tt", DateOrder.MonthDayYear),
        ("dd-MMM-yyyy HH:mm", DateOrder.DayMonthYear),
    ];

    /// <summary>BCL formats that need an offset: <see cref="DateTimeOffset"/> writes it.</summary>
    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-ddzzz",
    ];

    [Property(MaxTest = 3000)]
    public Property Char_entry_points_never_throw_and_agree() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyText, text =>
        {
            foreach (var order in AllOrders)
            {
                var ok = DateOfBirth.TryParse(text.AsSpan(), order, out var result, out var status);
                if (Array.IndexOf(AllStatuses, status) < 0 || ok != (status == DateOfBirthStatus.Valid) || ok == result.IsEmpty
                    || DateOfBirth.TryParse(text, order, out var viaString) != ok || viaString != result
                    || DateOfBirth.TryParse(text.AsSpan(), order, out var viaSpan) != ok || viaSpan != result)
                {
                    return false;
                }
            }

            return DateOfBirth.TryParse(text, out var dmy) == DateOfBirth.TryParse(text.AsSpan(), DateOrder.DayMonthYear, out var explicitDmy)
                && dmy == explicitDmy;
        });

    [Property(MaxTest = 3000)]
    public Property Utf8_entry_points_never_throw_on_arbitrary_bytes() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyBytes, bytes =>
        {
            foreach (var order in AllOrders)
            {
                var ok = DateOfBirth.TryParse(bytes, order, out var result, out var status);
                if (Array.IndexOf(AllStatuses, status) < 0 || ok != (status == DateOfBirthStatus.Valid) || ok == result.IsEmpty
                    || DateOfBirth.TryParse(bytes, order, out var again) != ok || again != result)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 3000)]
    public Property Char_and_utf8_paths_give_the_same_status_and_date() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyText, text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            foreach (var order in AllOrders)
            {
                DateOfBirth.TryParse(text.AsSpan(), order, out var fromChars, out var charStatus);
                DateOfBirth.TryParse(utf8, order, out var fromBytes, out var byteStatus);
                if (charStatus != byteStatus || fromChars != fromBytes)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 1000)]
    public Property Surrounding_white_space_is_ignored() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyText, Arb.From(Gen.Elements("", " ", "\t", "\u00A0", "\u2003 ", "\r\n")), (text, pad) =>
        {
            var trimmed = text.Trim();
            DateOfBirth.TryParse(trimmed.AsSpan(), DateOrder.DayMonthYear, out var expected, out var expectedStatus);
            DateOfBirth.TryParse((pad + trimmed + pad).AsSpan(), DateOrder.DayMonthYear, out var padded, out var paddedStatus);
            return expectedStatus == paddedStatus && expected == padded;
        });

    [Property(MaxTest = 1000)]
    public Property Parse_throws_only_FormatException_and_the_message_never_holds_the_text() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyText, text =>
        {
            try
            {
                var dob = DateOfBirth.Parse(text);
                return !dob.IsEmpty;
            }
            catch (FormatException ex)
            {
                DateOfBirth.TryParse(text.AsSpan(), DateOrder.DayMonthYear, out _, out var status);
                var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
                return status != DateOfBirthStatus.Valid
                    && ex.Message.Contains($"({status})", StringComparison.Ordinal)
                    && (text.Trim().Length < 4 || !ex.Message.Contains(text.Trim(), StringComparison.Ordinal))
                    && (digits.Length < 4 || !ex.Message.Contains(digits, StringComparison.Ordinal));
            }
        });

    [Property(MaxTest = 2000)]
    public Property Every_bcl_layout_of_every_date_in_range_round_trips() =>
        Prop.ForAll(DateOfBirthArbitraries.InRangeDates, Arb.From(DateOfBirthArbitraries.TimeAndOffsetGen), (date, timeAndOffset) =>
        {
            var expected = DateOfBirth.FromDateOnly(date);
            var dateTime = date.ToDateTime(timeAndOffset.Time);
            var withOffset = new DateTimeOffset(dateTime, timeAndOffset.Offset);
            var failure = FirstFailure(date, expected, dateTime, withOffset);
            return (failure is null).Label(failure ?? "");
        });

    private static string? FirstFailure(DateOnly date, DateOfBirth expected, DateTime dateTime, DateTimeOffset withOffset)
    {
        foreach (var (format, order) in FullDateFormats)
        {
            var text = dateTime.ToString(format, CultureInfo.InvariantCulture);
            if (!Reads(text, order, expected))
            {
                return $"{format} {order}: {text}";
            }
        }

        foreach (var format in OffsetFormats)
        {
            var text = withOffset.ToString(format, CultureInfo.InvariantCulture);
            if (!Reads(text, DateOrder.DayMonthYear, expected))
            {
                return $"{format}: {text}";
            }
        }

        // HL7 writes the offset as +HHMM, without the colon.
        var hl7 = withOffset.ToString("yyyyMMddHHmmss.ffff", CultureInfo.InvariantCulture)
            + withOffset.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        if (!Reads(hl7, DateOrder.YearMonthDay, expected))
        {
            return $"HL7: {hl7}";
        }

        var yearMonth = DateOfBirth.FromYearMonth(date.Year, date.Month);
        if (!Reads(dateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), DateOrder.DayMonthYear, yearMonth)
            || !Reads(dateTime.ToString("yyyyMM", CultureInfo.InvariantCulture), DateOrder.DayMonthYear, yearMonth)
            || !Reads(dateTime.ToString("yyyy", CultureInfo.InvariantCulture), DateOrder.MonthDayYear, DateOfBirth.FromYear(date.Year)))
        {
            return "partial";
        }

        return expected.ToDateOnly() == date ? null : "ToDateOnly";
    }

    [Property(MaxTest = 2000)]
    public Property Our_formats_round_trip() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyDateOfBirth, Arb.From(Gen.Elements(Formats)), (dob, format) =>
        {
            var text = dob.ToString(format);
            Span<byte> utf8 = stackalloc byte[16];
            var formatted = dob.TryFormat(utf8, out var written, format);
            if (dob.IsEmpty)
            {
                return text.Length == 0 && formatted && written == 0;
            }

            return DateOfBirth.Parse(text) == dob
                && DateOfBirth.Parse(utf8[..written]) == dob
                && Encoding.UTF8.GetString(utf8[..written]) == text
                && DateOfBirth.FromInt32(dob.ToInt32()) == dob;
        });

    [Property(MaxTest = 2000)]
    public Property ToInt32_preserves_order_and_equality() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyDateOfBirth, DateOfBirthArbitraries.AnyDateOfBirth, (a, b) =>
        {
            var byValue = Math.Sign(a.CompareTo(b));
            var byInt = Math.Sign(a.ToInt32().CompareTo(b.ToInt32()));
            var consistent = byValue == byInt && (a == b) == (a.ToInt32() == b.ToInt32()) && (a < b) == (byInt < 0);
            if (a.TryGetDateOnly(out var da) && b.TryGetDateOnly(out var db))
            {
                consistent &= byValue == Math.Sign(da.CompareTo(db));
            }

            return consistent;
        });

    [Property(MaxTest = 500)]
    public Property Too_short_buffers_fail_and_stay_untouched() =>
        Prop.ForAll(DateOfBirthArbitraries.AnyDateOfBirth, Arb.From(Gen.Elements(Formats)), (dob, format) =>
        {
            var length = dob.ToString(format).Length;
            Span<char> chars = stackalloc char[16];
            Span<byte> bytes = stackalloc byte[16];
            for (var size = 0; size < length; size++)
            {
                var charBuffer = chars[..(size + 2)];
                charBuffer.Fill('\uFFFF');
                var byteBuffer = bytes[..(size + 2)];
                byteBuffer.Fill(0xA5);
                if (dob.TryFormat(charBuffer[1..^1], out var charsWritten, format) || charsWritten != 0
                    || dob.TryFormat(byteBuffer[1..^1], out var bytesWritten, format) || bytesWritten != 0
                    || ((ISpanFormattable)dob).TryFormat(charBuffer[1..^1], out _, format, null)
                    || ((IUtf8SpanFormattable)dob).TryFormat(byteBuffer[1..^1], out _, format, null)
                    || charBuffer.ContainsAnyExcept('\uFFFF') || byteBuffer.ContainsAnyExcept((byte)0xA5))
                {
                    return false;
                }
            }

            return dob.TryFormat(chars[..length], out var exact, format) && exact == length;
        });

    [Property(MaxTest = 1000)]
    public Property Case_of_month_names_does_not_matter() =>
        Prop.ForAll(DateOfBirthArbitraries.InRangeDates, Arb.From(Gen.ArrayOf(Gen.Elements(true, false), 12)), (date, upper) =>
        {
            var text = date.ToString("dd-MMMM-yyyy", CultureInfo.InvariantCulture);
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsAsciiLetter(chars[i]) && upper[i % upper.Length])
                {
                    chars[i] = char.IsAsciiLetterUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
                }
            }

            return DateOfBirth.Parse(new string(chars)) == DateOfBirth.FromDateOnly(date);
        });

    private static bool Reads(string text, DateOrder order, DateOfBirth expected) =>
        DateOfBirth.TryParse(text.AsSpan(), order, out var fromChars) && fromChars == expected
        && DateOfBirth.TryParse(Encoding.UTF8.GetBytes(text), order, out var fromBytes) && fromBytes == expected;
}
