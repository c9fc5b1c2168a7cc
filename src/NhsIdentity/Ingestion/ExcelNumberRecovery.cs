namespace NhsIdentity.Ingestion;

/// <summary>
/// Undoes what Excel does to an NHS number column that was not formatted as text, for CSV and xlsx inputs alike
/// (<see cref="ColumnMapping.ToRecord(IReadOnlyList{string}, long, out ExcelNumberDamage)"/> applies it to the
/// NHS number only).
/// </summary>
/// <remarks>
/// <para>Recovered: Excel's text-forcing formula <c>="9998153395"</c> (the quoted text), a number with a decimal
/// zero <c>9998153395.0</c> (the integer digits), and scientific notation whose mantissa still holds every digit,
/// <c>9.998153395E+09</c> (written digits = exponent + 1, so nothing was rounded away).</para>
/// <para>Lost: scientific notation with fewer written digits than the number had, <c>9.99815E+09</c>. The digits
/// Excel rounded away cannot be guessed (padding with zeros would invent a different, possibly valid, number), so
/// the value becomes missing and is counted as <see cref="ExcelNumberDamage.Lost"/>, never silently.</para>
/// <para>Anything else is returned unchanged: spaced (<c>999 815 3395</c>) and other forms are the NHS number
/// parser's to judge. Nothing here writes a value anywhere.</para>
/// </remarks>
internal static class ExcelNumberRecovery
{
    /// <summary>Recovers a value Excel damaged.</summary>
    /// <param name="value">The cell text (already trimmed), or <see langword="null"/>.</param>
    /// <param name="damage">Whether the value was recovered, lost, or not an Excel form at all.</param>
    /// <returns>The recovered digits; the value unchanged when it is no Excel form; <see langword="null"/> when lost.</returns>
    public static string? Recover(string? value, out ExcelNumberDamage damage)
    {
        damage = ExcelNumberDamage.None;
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var text = value.AsSpan();
        if (text.StartsWith("=\"") && text.EndsWith("\"") && text.Length >= 3)
        {
            var inner = text[2..^1].Trim();
            if (inner.IndexOf('"') < 0)
            {
                damage = ExcelNumberDamage.Recovered;
                return inner.ToString();
            }

            return value;
        }

        if (TrailingDecimalZeros(text) is { } integer)
        {
            damage = ExcelNumberDamage.Recovered;
            return integer;
        }

        return Scientific(text, ref damage) ?? (damage == ExcelNumberDamage.Lost ? null : value);
    }

    /// <summary><c>9998153395.0</c> or <c>9998153395.000</c>: the integer digits.</summary>
    private static string? TrailingDecimalZeros(ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        if (dot <= 0 || dot == text.Length - 1 || !IsDigits(text[..dot]))
        {
            return null;
        }

        foreach (var c in text[(dot + 1)..])
        {
            if (c != '0')
            {
                return null;
            }
        }

        return text[..dot].ToString();
    }

    /// <summary><c>d.dddE+XX</c>: the integer when every digit is written, null (and Lost) when some were rounded away.</summary>
    private static string? Scientific(ReadOnlySpan<char> text, ref ExcelNumberDamage damage)
    {
        var e = text.IndexOfAny('E', 'e');
        if (e <= 0 || e == text.Length - 1)
        {
            return null;
        }

        var mantissa = text[..e];
        var exponentText = text[(e + 1)..];
        if (exponentText[0] == '+')
        {
            exponentText = exponentText[1..];
        }

        if (exponentText.Length is 0 or > 3 || !IsDigits(exponentText))
        {
            return null; // a negative exponent is a fraction, not an identifier
        }

        var exponent = int.Parse(exponentText, System.Globalization.CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : mantissa[(dot + 1)..];
        if (whole.Length != 1 || !IsDigits(whole) || whole[0] == '0' || (dot >= 0 && fraction.Length == 0) || !IsDigits(fraction))
        {
            return null;
        }

        var written = 1 + fraction.Length;
        var digits = exponent + 1;
        if (written > digits)
        {
            return null; // a fraction: no identifier Excel wrote; left for the parser to call invalid
        }

        if (written < digits)
        {
            damage = ExcelNumberDamage.Lost;
            return null;
        }

        damage = ExcelNumberDamage.Recovered;
        return string.Concat(whole, fraction);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What Excel had done to an NHS number cell (<see cref="ColumnMapping.ToRecord(IReadOnlyList{string}, long, out ExcelNumberDamage)"/>).</summary>
public enum ExcelNumberDamage
{
    /// <summary>The value is not in a form Excel produces; returned unchanged.</summary>
    None,

    /// <summary>An Excel form whose digits all survived; they were recovered.</summary>
    Recovered,

    /// <summary>Scientific notation that lost digits; the value cannot be recovered and is treated as missing.</summary>
    Lost,
}
