namespace NhsIdentity.Interop;

/// <summary>Small text helpers shared by the HL7 v2 and DICOM readers.</summary>
internal static class InteropText
{
    /// <summary>
    /// Turns a compact date (HL7 v2 <c>DTM</c>/<c>TS</c> or DICOM <c>DA</c>: <c>yyyy</c>, <c>yyyyMM</c>,
    /// <c>yyyyMMdd</c>, optionally followed by a time and offset, which are dropped) into the ISO 8601 form
    /// (<c>yyyy</c>, <c>yyyy-MM</c>, <c>yyyy-MM-dd</c>) that <c>DateOfBirth</c> reads whatever the date order. Text of
    /// any other shape is returned trimmed and unchanged, so preparation counts it as invalid rather than guessing.
    /// </summary>
    /// <param name="text">The date as sent.</param>
    /// <returns>The ISO date, the text unchanged, or <see langword="null"/> when blank.</returns>
    public static string? ToIsoDate(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        // A date followed by a time (more digits) or an offset (+zzzz/-zzzz) keeps only its date part.
        var dateOnly = text.Length == digits || (digits == 8 && text[8] is '+' or '-');
        return digits switch
        {
            4 when dateOnly => text.ToString(),
            6 when dateOnly => Iso(text, withDay: false),
            8 when dateOnly => Iso(text, withDay: true),
            > 8 => Iso(text, withDay: true),
            _ => text.ToString(),
        };
    }

    private static string Iso(ReadOnlySpan<char> digits, bool withDay)
    {
        Span<char> iso = stackalloc char[10];
        digits[..4].CopyTo(iso);
        iso[4] = '-';
        digits[4..6].CopyTo(iso[5..]);
        if (!withDay)
        {
            return new string(iso[..7]);
        }

        iso[7] = '-';
        digits[6..8].CopyTo(iso[8..]);
        return new string(iso);
    }

    /// <summary>Joins the non-empty parts with <paramref name="separator"/>; <see langword="null"/> when none has text.</summary>
    /// <param name="separator">Put between parts.</param>
    /// <param name="parts">The parts; <see langword="null"/> and empty ones are skipped.</param>
    /// <returns>The joined text or <see langword="null"/>.</returns>
    public static string? JoinNonEmpty(string separator, params ReadOnlySpan<string?> parts)
    {
        string? single = null;
        var count = 0;
        var length = 0;
        foreach (var part in parts)
        {
            if (!string.IsNullOrEmpty(part))
            {
                single = part;
                count++;
                length += part.Length;
            }
        }

        if (count <= 1)
        {
            return single;
        }

        length += separator.Length * (count - 1);
        var chars = new char[length];
        var at = 0;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            if (at > 0)
            {
                separator.CopyTo(chars.AsSpan(at));
                at += separator.Length;
            }

            part.CopyTo(chars.AsSpan(at));
            at += part.Length;
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="text"/>, trimmed, is <paramref name="code"/> ignoring ASCII case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when they match.</returns>
    public static bool IsCode(ReadOnlySpan<char> text, string code) => text.Trim().Equals(code, StringComparison.OrdinalIgnoreCase);
}
