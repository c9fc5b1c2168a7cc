using NhsIdentity.Demographics;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>date-of-birth</c>: <see cref="DateOfBirth.TryParse(ReadOnlySpan{char}, DateOrder, out DateOfBirth, out DateOfBirthStatus)"/>
/// and its UTF-8 and string overloads under every <see cref="DateOrder"/>, then the formatting round trip.
/// </summary>
internal static class DateOfBirthTarget
{
    private static readonly DateOrder[] AllOrders = Enum.GetValues<DateOrder>();

    // ISO 8601 and HL7 v2 are year-first, so they read back the same under every order; the day-first form reads back
    // under DayMonthYear (DateOfBirth.ToString(string) documents both).
    private static readonly string[] YearFirstFormats = ["", "I", "H", "i", "h"];
    private static readonly string[] DayFirstFormats = ["D", "d"];
    private static readonly string[] NoFormats = [];

    public static void Run(ReadOnlySpan<byte> data)
    {
        var decoded = FuzzText.DecodeUtf8(data);
        var wellFormed = FuzzText.IsWellFormedUtf8(data);
        foreach (var order in AllOrders)
        {
            var fromChars = ParseChars(decoded, order);
            _ = ParseChars(FuzzText.AsUtf16(data), order);

            var parsed = DateOfBirth.TryParse(data, order, out var fromBytes, out var status);
            CheckOutcome(parsed, fromBytes, status, order);
            if (wellFormed)
            {
                Invariant.Holds(parsed == fromChars.Parsed && fromBytes == fromChars.Value, "UTF-8 and UTF-16 parsing agree on well-formed text");
            }

            Invariant.Holds(DateOfBirth.TryParse(decoded, order, out var fromString) == fromChars.Parsed && fromString == fromChars.Value, "the string overload agrees with the span overload");
        }

        Invariant.Holds(ParseThrowsExactlyWhenTryParseFails(decoded), "Parse throws FormatException exactly when TryParse fails");
    }

    private static (bool Parsed, DateOfBirth Value) ParseChars(ReadOnlySpan<char> text, DateOrder order)
    {
        var parsed = DateOfBirth.TryParse(text, order, out var value, out var status);
        CheckOutcome(parsed, value, status, order);
        return (parsed, value);
    }

    private static void CheckOutcome(bool parsed, DateOfBirth value, DateOfBirthStatus status, DateOrder order)
    {
        Invariant.Holds(parsed == (status == DateOfBirthStatus.Valid), "TryParse succeeds exactly when the status is Valid");
        if (!parsed)
        {
            Invariant.Holds(value == default, "a failed TryParse returns default");
            return;
        }

        Invariant.Holds(!value.IsEmpty, "a successful TryParse never returns Empty");
        Invariant.Holds(value.Year is >= DateOfBirth.MinYear and <= DateOfBirth.MaxYear, "a parsed year is within MinYear..MaxYear");
        Invariant.Holds(DateOfBirth.TryFromInt32(value.ToInt32(), out var packed) && packed == value, "a parsed date survives ToInt32/TryFromInt32");
        if (value.Precision == DateOfBirthPrecision.Day)
        {
            Invariant.Holds(value.TryGetDateOnly(out var date) && DateOfBirth.FromDateOnly(date) == value, "a full parsed date is a real calendar date");
        }

        RoundTrip.Check(value, YearFirstFormats, NoFormats, Parser(order), Utf8Parser(order));
        RoundTrip.Check(value, DayFirstFormats, NoFormats, Parser(DateOrder.DayMonthYear), Utf8Parser(DateOrder.DayMonthYear));
    }

    private static bool ParseThrowsExactlyWhenTryParseFails(string text)
    {
        var parsed = DateOfBirth.TryParse(text, out var expected);
        try
        {
            var value = DateOfBirth.Parse(text);
            return parsed && value == expected;
        }
        catch (FormatException exception)
        {
            Invariant.DoesNotEcho(exception, text);
            return !parsed;
        }
    }

    private static CharParser<DateOfBirth> Parser(DateOrder order) =>
        (ReadOnlySpan<char> text, out DateOfBirth value) => DateOfBirth.TryParse(text, order, out value);

    private static Utf8Parser<DateOfBirth> Utf8Parser(DateOrder order) =>
        (ReadOnlySpan<byte> text, out DateOfBirth value) => DateOfBirth.TryParse(text, order, out value);
}
