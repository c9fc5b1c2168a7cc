using NhsIdentity.Demographics;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>sex</c>: <see cref="SexCodes.TryParse(ReadOnlySpan{char}, out Sex)"/> and its UTF-8 and string overloads, then
/// the NHS Data Dictionary and FHIR codes read back.
/// </summary>
internal static class SexTarget
{
    public static void Run(ReadOnlySpan<byte> data)
    {
        var decoded = FuzzText.DecodeUtf8(data);
        var fromChars = Parse(decoded);
        _ = Parse(FuzzText.AsUtf16(data));

        var parsed = SexCodes.TryParse(data, out var fromBytes);
        Check(parsed, fromBytes);
        if (FuzzText.IsWellFormedUtf8(data))
        {
            Invariant.Holds(parsed == fromChars.Parsed && fromBytes == fromChars.Value, "UTF-8 and UTF-16 parsing agree on well-formed text");
        }

        Invariant.Holds(SexCodes.TryParse(decoded, out var fromString) == fromChars.Parsed && fromString == fromChars.Value, "the string overload agrees with the span overload");
        Invariant.Holds(ParseThrowsExactlyWhenTryParseFails(decoded), "Parse throws FormatException exactly when TryParse fails");
    }

    private static (bool Parsed, Sex Value) Parse(ReadOnlySpan<char> text)
    {
        var parsed = SexCodes.TryParse(text, out var sex);
        Check(parsed, sex);
        return (parsed, sex);
    }

    private static void Check(bool parsed, Sex sex)
    {
        if (!parsed)
        {
            Invariant.Holds(sex == default, "a failed TryParse returns default");
            return;
        }

        Invariant.Holds(Enum.IsDefined(sex), "a parsed sex is a defined value");

        // The two documented folds: Other has no Data Dictionary code of its own (written 9, read Indeterminate) and
        // FHIR has no Indeterminate (written other, read Other).
        var dataDictionary = sex == Sex.Other ? Sex.Indeterminate : sex;
        var fhir = sex == Sex.Indeterminate ? Sex.Other : sex;
        ReadOnlySpan<char> code = [sex.ToDataDictionaryCode()];
        Invariant.Holds(SexCodes.TryParse(code, out var back) && back == dataDictionary, "the Data Dictionary code reads back");
        Invariant.Holds(SexCodes.TryParse(sex.ToFhirCode(), out var backFhir) && backFhir == fhir, "the FHIR code reads back");
    }

    private static bool ParseThrowsExactlyWhenTryParseFails(string text)
    {
        var parsed = SexCodes.TryParse(text, out var expected);
        try
        {
            var value = SexCodes.Parse(text);
            return parsed && value == expected;
        }
        catch (FormatException exception)
        {
            Invariant.DoesNotEcho(exception, text);
            return !parsed;
        }
    }
}
