using System.Text.Json;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>The FHIR R4 primitive types the fast <c>$match</c> reader takes, each read from the current token of a
/// <see cref="Utf8JsonReader"/> and checked at least as strictly as the Firely SDK's strict mode checks it. Every
/// method returns <see langword="false"/> when unsure: the caller then leaves the body to the SDK.</summary>
/// <remarks>Where the SDK accepts more than these methods do (a <c>dateTime</c> with a time, a <c>uri</c> with a
/// space), the body only takes the slow path; the reverse would let through a body the service must refuse.</remarks>
internal static class FhirJsonPrimitives
{
    /// <summary>A FHIR <c>string</c>: a JSON string that is not empty (the SDK refuses <c>""</c>, keeps white space).</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, out string value)
    {
        value = "";
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty)
        {
            return false;
        }

        value = reader.GetString()!;
        return value.Length > 0;
    }

    /// <summary>A FHIR <c>uri</c>, narrowed to ASCII letters, digits and the URI punctuation outside brackets, that
    /// <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> takes (the SDK refuses some text a URI may not hold, such
    /// as a bracket in the host, and accepts some with spaces; anything unusual goes the slow way).</summary>
    public static bool TryReadUri(ref Utf8JsonReader reader, out string value)
    {
        if (!TryReadString(ref reader, out value))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "-._~:/?#@!$&'()*+,;=%".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _);
    }

    /// <summary>A FHIR <c>id</c>: 1 to 64 ASCII letters, digits, <c>-</c> and <c>.</c>.</summary>
    public static bool TryReadId(ref Utf8JsonReader reader, out string value)
    {
        if (!TryReadString(ref reader, out value) || value.Length > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A FHIR <c>date</c> (<c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, year 0001 to 9999, a day that
    /// exists in its month). Also used for <c>Period.start</c>/<c>end</c> (<c>dateTime</c>): a value with a time goes
    /// the slow way.</summary>
    public static bool TryReadDate(ref Utf8JsonReader reader, out string value)
    {
        value = "";
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !IsDate(reader.ValueSpan))
        {
            return false;
        }

        value = reader.GetString()!;
        return true;
    }

    /// <summary>A FHIR <c>integer</c>: a JSON number written as an optional minus and digits (no fraction or
    /// exponent, which the SDK refuses), within 32 bits.</summary>
    public static bool TryReadInteger(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number || reader.HasValueSequence)
        {
            return false;
        }

        var text = reader.ValueSpan;
        var digits = text.Length > 0 && text[0] == (byte)'-' ? text[1..] : text;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return reader.TryGetInt32(out value);
    }

    /// <summary>A FHIR <c>positiveInt</c>: an <see cref="TryReadInteger">integer</see> of at least 1.</summary>
    public static bool TryReadPositiveInt(ref Utf8JsonReader reader, out int value) =>
        TryReadInteger(ref reader, out value) && value >= 1;

    /// <summary>A FHIR <c>boolean</c>: JSON <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>Whether the UTF-8 text is a FHIR <c>date</c> (see <see cref="TryReadDate"/>).</summary>
    public static bool IsDate(ReadOnlySpan<byte> text)
    {
        if (text.Length is not (4 or 7 or 10) || !TryDigits(text[..4], out var year) || year == 0)
        {
            return false;
        }

        if (text.Length == 4)
        {
            return true;
        }

        if (text[4] != (byte)'-' || !TryDigits(text.Slice(5, 2), out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (text.Length == 7)
        {
            return true;
        }

        return text[7] == (byte)'-' && TryDigits(text.Slice(8, 2), out var day) && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
