namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>nhs-number</c>: <see cref="NhsNumber.TryParse(ReadOnlySpan{char}, NhsNumberStyles, out NhsNumber, out NhsNumberStatus)"/>
/// and its UTF-8 and string overloads under every <see cref="NhsNumberStyles"/>, then the formatting round trip.
/// </summary>
internal static class NhsNumberTarget
{
    private static readonly NhsNumberStyles[] AllStyles = Enum.GetValues<NhsNumberStyles>();
    private static readonly string[] RoundTripFormats = ["", "S", "N", "H", "s", "n", "h"];
    private static readonly string[] OtherFormats = ["M", "m"];

    public static void Run(ReadOnlySpan<byte> data)
    {
        var decoded = FuzzText.DecodeUtf8(data);
        var wellFormed = FuzzText.IsWellFormedUtf8(data);
        foreach (var style in AllStyles)
        {
            var fromChars = ParseChars(decoded, style);
            _ = ParseChars(FuzzText.AsUtf16(data), style);

            var parsed = NhsNumber.TryParse(data, style, out var fromBytes, out var status);
            CheckOutcome(parsed, fromBytes, status);
            if (wellFormed)
            {
                Invariant.Holds(parsed == fromChars.Parsed && fromBytes == fromChars.Value, "UTF-8 and UTF-16 parsing agree on well-formed text");
            }

            Invariant.Holds(NhsNumber.TryParse(decoded, style, out var fromString) == fromChars.Parsed && fromString == fromChars.Value, "the string overload agrees with the span overload");
            if (style == NhsNumberStyles.Strict && parsed)
            {
                Invariant.Holds(NhsNumber.TryParse(data, NhsNumberStyles.Lenient, out var lenient) && lenient == fromBytes, "whatever Strict accepts, Lenient accepts as the same number");
            }
        }

        Invariant.Holds(ParseThrowsExactlyWhenTryParseFails(decoded), "Parse throws FormatException exactly when TryParse fails");
    }

    private static (bool Parsed, NhsNumber Value) ParseChars(ReadOnlySpan<char> text, NhsNumberStyles style)
    {
        var parsed = NhsNumber.TryParse(text, style, out var value, out var status);
        CheckOutcome(parsed, value, status);
        return (parsed, value);
    }

    private static void CheckOutcome(bool parsed, NhsNumber value, NhsNumberStatus status)
    {
        Invariant.Holds(parsed == (status == NhsNumberStatus.Valid), "TryParse succeeds exactly when the status is Valid");
        if (!parsed)
        {
            Invariant.Holds(value == default, "a failed TryParse returns default");
            return;
        }

        Invariant.Holds(!value.IsEmpty, "a successful TryParse never returns Empty");
        Invariant.Holds(NhsNumber.TryFromValue(value.Value, out var fromValue) && fromValue == value, "a parsed number's value is a valid NHS number");
        RoundTrip.Check(value, RoundTripFormats, OtherFormats, Parse, ParseUtf8);
    }

    private static bool ParseThrowsExactlyWhenTryParseFails(string text)
    {
        var parsed = NhsNumber.TryParse(text, out var expected);
        try
        {
            var value = NhsNumber.Parse(text);
            return parsed && value == expected;
        }
        catch (FormatException exception)
        {
            Invariant.DoesNotEcho(exception, text);
            return !parsed;
        }
    }

    private static bool Parse(ReadOnlySpan<char> text, out NhsNumber value) => NhsNumber.TryParse(text, NhsNumberStyles.Lenient, out value);

    private static bool ParseUtf8(ReadOnlySpan<byte> text, out NhsNumber value) => NhsNumber.TryParse(text, NhsNumberStyles.Lenient, out value);
}
