using NhsIdentity.Demographics;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>postcode</c>: <see cref="Postcode.TryParse(ReadOnlySpan{char}, PostcodeStyles, out Postcode, out PostcodeStatus)"/>
/// and its UTF-8 and string overloads under every <see cref="PostcodeStyles"/>, then formatting of the unit and
/// every part.
/// </summary>
internal static class PostcodeTarget
{
    private static readonly PostcodeStyles[] AllStyles = Enum.GetValues<PostcodeStyles>();
    private static readonly string[] RoundTripFormats = ["", "U", "N", "u", "n"];
    private static readonly string[] OtherFormats = ["A", "D", "S", "O", "I", "a", "d", "s", "o", "i"];

    public static void Run(ReadOnlySpan<byte> data)
    {
        var decoded = FuzzText.DecodeUtf8(data);
        var wellFormed = FuzzText.IsWellFormedUtf8(data);
        foreach (var style in AllStyles)
        {
            var fromChars = ParseChars(decoded, style);
            _ = ParseChars(FuzzText.AsUtf16(data), style);

            var parsed = Postcode.TryParse(data, style, out var fromBytes, out var status);
            CheckOutcome(parsed, fromBytes, status);
            if (wellFormed)
            {
                Invariant.Holds(parsed == fromChars.Parsed && fromBytes == fromChars.Value, "UTF-8 and UTF-16 parsing agree on well-formed text");
            }

            Invariant.Holds(Postcode.TryParse(decoded, style, out var fromString) == fromChars.Parsed && fromString == fromChars.Value, "the string overload agrees with the span overload");
            if (style == PostcodeStyles.Strict && parsed)
            {
                Invariant.Holds(Postcode.TryParse(data, PostcodeStyles.Lenient, out var lenient) && lenient == fromBytes, "whatever Strict accepts, Lenient accepts as the same postcode");
            }
        }

        Invariant.Holds(ParseThrowsExactlyWhenTryParseFails(decoded), "Parse throws FormatException exactly when TryParse fails");
    }

    private static (bool Parsed, Postcode Value) ParseChars(ReadOnlySpan<char> text, PostcodeStyles style)
    {
        var parsed = Postcode.TryParse(text, style, out var value, out var status);
        CheckOutcome(parsed, value, status);
        return (parsed, value);
    }

    private static void CheckOutcome(bool parsed, Postcode value, PostcodeStatus status)
    {
        Invariant.Holds(parsed == (status == PostcodeStatus.Valid), "TryParse succeeds exactly when the status is Valid");
        if (!parsed)
        {
            Invariant.Holds(value == default, "a failed TryParse returns default");
            return;
        }

        Invariant.Holds(!value.IsEmpty, "a successful TryParse never returns Empty");
        RoundTrip.Check(value, RoundTripFormats, OtherFormats, Parse, ParseUtf8);
    }

    private static bool ParseThrowsExactlyWhenTryParseFails(string text)
    {
        var parsed = Postcode.TryParse(text, out var expected);
        try
        {
            var value = Postcode.Parse(text);
            return parsed && value == expected;
        }
        catch (FormatException exception)
        {
            Invariant.DoesNotEcho(exception, text);
            return !parsed;
        }
    }

    private static bool Parse(ReadOnlySpan<char> text, out Postcode value) => Postcode.TryParse(text, PostcodeStyles.Lenient, out value);

    private static bool ParseUtf8(ReadOnlySpan<byte> text, out Postcode value) => Postcode.TryParse(text, PostcodeStyles.Lenient, out value);
}
