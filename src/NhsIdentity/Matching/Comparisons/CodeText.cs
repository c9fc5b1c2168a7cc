namespace NhsIdentity.Matching.Comparisons;

/// <summary>Reading a short code that suppliers type with any case and spacing (an ODS practice code, a non-UK
/// postal code) as its upper-case letters and digits.</summary>
internal static class CodeText
{
    /// <summary>Writes the text's letters and digits, upper-cased, to <paramref name="destination"/>.</summary>
    /// <returns>Whether it is a code: 3 to <paramref name="destination"/>'s length letters and digits, at least one of
    /// them a digit (so words such as UNKNOWN or N/A are not codes).</returns>
    public static bool TryRead(string text, Span<char> destination, out int length)
    {
        length = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (length == destination.Length)
                {
                    return false;
                }

                digits += char.IsAsciiDigit(c) ? 1 : 0;
                destination[length++] = char.ToUpperInvariant(c);
            }
        }

        return length >= 3 && digits > 0;
    }
}
