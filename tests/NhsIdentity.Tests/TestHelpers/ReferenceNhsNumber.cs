using System.Globalization;

namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// A deliberately plain, textbook implementation of the NHS number check digit (NHS Data Dictionary, "NHS Number"):
/// multiply the nine base digits, left to right, by the weights 10, 9, ..., 2; sum; the check value is
/// 11 - (sum mod 11); 11 means 0 and 10 means no valid check digit. It shares no code with the library and works
/// on digit text, so it is an independent oracle for the library's integer and parser paths.
/// </summary>
internal static class ReferenceNhsNumber
{
    /// <summary>The weights of the nine base digits, most significant first.</summary>
    private static ReadOnlySpan<int> Weights => [10, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>The check value 0..10 of nine ASCII digits (10 means no valid check digit exists).</summary>
    public static int CheckValue(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9)
        {
            throw new ArgumentException("Reference needs exactly nine digits.", nameof(nineDigits));
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var digit = nineDigits[i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new ArgumentException("Reference needs ASCII digits.", nameof(nineDigits));
            }

            sum += digit * Weights[i];
        }

        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    /// <summary>The check digit of a base 0..999 999 999, or -1 when the check value is 10 (the library's convention).</summary>
    public static int CheckDigitOrMinusOne(int nineDigitBase)
    {
        if (nineDigitBase is < 0 or > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(nineDigitBase));
        }

        Span<char> digits = stackalloc char[9];
        nineDigitBase.TryFormat(digits, out _, "D9", CultureInfo.InvariantCulture);
        var value = CheckValue(digits);
        return value == 10 ? -1 : value;
    }

    /// <summary>
    /// Adds one to a run of ASCII digits in place, like an odometer (for loops over consecutive bases without
    /// formatting each one).
    /// </summary>
    public static void Increment(Span<char> digits)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] != '9')
            {
                digits[i]++;
                return;
            }

            digits[i] = '0';
        }
    }

    /// <summary>Whether a base has any valid number (its check value is not 10).</summary>
    public static bool HasCheckDigit(int nineDigitBase) => CheckDigitOrMinusOne(nineDigitBase) >= 0;

    /// <summary>
    /// The status the library must report for ten ASCII digits: Valid, CheckDigitIsTen or CheckDigitMismatch.
    /// </summary>
    public static NhsNumberStatus StatusOfTenDigits(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10)
        {
            throw new ArgumentException("Reference needs exactly ten digits.", nameof(tenDigits));
        }

        var value = CheckValue(tenDigits[..9]);
        if (value == 10)
        {
            return NhsNumberStatus.CheckDigitIsTen;
        }

        return tenDigits[9] - '0' == value ? NhsNumberStatus.Valid : NhsNumberStatus.CheckDigitMismatch;
    }

    /// <summary>The ten digits of a value, leading zeros kept.</summary>
    public static string TenDigits(long value) => value.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>
    /// The nearest base to <paramref name="nineDigitBase"/>, stepping by <paramref name="step"/> (+1 or -1), whose check
    /// value is not 10; used to test edges of a range with a real number when the edge base itself has no number.
    /// </summary>
    public static int NearestBaseWithCheckDigit(int nineDigitBase, int step)
    {
        var candidate = nineDigitBase;
        while (!HasCheckDigit(candidate))
        {
            candidate += step;
        }

        return candidate;
    }

    /// <summary>
    /// A direct transcription of the documented validation policy (<see cref="NhsNumberStatus"/>,
    /// <see cref="NhsNumberStyles"/>): Lenient trims surrounding Unicode white space, Strict does not; then the checks
    /// run in order: emptiness, characters (anything but an ASCII digit, '-' or ASCII white space is a non-digit),
    /// digit count, separator layout (<c>dddddddddd</c>, <c>ddd ddd dddd</c> or, Lenient only, <c>ddd-ddd-dddd</c>),
    /// check digit. Written for clarity, not speed.
    /// </summary>
    public static NhsNumberStatus Classify(string text, NhsNumberStyles styles)
    {
        if (styles == NhsNumberStyles.Lenient)
        {
            text = text.Trim();
        }

        if (text.Length == 0)
        {
            return NhsNumberStatus.Empty;
        }

        var digits = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '\t' or '\n' or '\v' or '\f' or '\r'))
            {
                return NhsNumberStatus.NonDigit;
            }
        }

        if (digits.Length != 10)
        {
            return NhsNumberStatus.WrongLength;
        }

        var plain = text.Length == 10;
        var grouped = text.Length == 12 && text[3] == text[7]
            && (text[3] == ' ' || (text[3] == '-' && styles == NhsNumberStyles.Lenient));
        if (!plain && !grouped)
        {
            return NhsNumberStatus.BadSeparator;
        }

        return StatusOfTenDigits(digits.ToString());
    }
}
