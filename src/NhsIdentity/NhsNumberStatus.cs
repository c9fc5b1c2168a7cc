namespace NhsIdentity;

/// <summary>
/// The outcome of checking text as an NHS number: <see cref="Valid"/>, or the first reason it is not one.
/// </summary>
/// <remarks>
/// Reasons are reported in the order the checks run: emptiness, characters, digit count, separator layout,
/// then the modulus-11 check digit (NHS Data Dictionary, "NHS Number"). Use
/// <see cref="NhsNumberStatusExtensions.GetDescription(NhsNumberStatus)"/> for a message that is safe to log:
/// it never contains the input.
/// </remarks>
public enum NhsNumberStatus
{
    /// <summary>The text is a valid NHS number: ten ASCII digits in an accepted layout whose check digit matches.</summary>
    Valid = 0,

    /// <summary>The text is empty (or, under <see cref="NhsNumberStyles.Lenient"/>, only white space).</summary>
    Empty,

    /// <summary>The text holds only digits and separators, but not ten digits.</summary>
    WrongLength,

    /// <summary>
    /// The text holds a character that is neither an ASCII digit nor an accepted separator. Non-ASCII digits
    /// (Arabic-Indic, full-width) count as non-digits.
    /// </summary>
    NonDigit,

    /// <summary>
    /// The text holds ten digits, but its separators are not in an accepted layout (<c>ddd ddd dddd</c> or,
    /// under <see cref="NhsNumberStyles.Lenient"/>, <c>ddd-ddd-dddd</c>).
    /// </summary>
    BadSeparator,

    /// <summary>The first nine digits give a modulus-11 check value of 10, so no check digit can make them valid.</summary>
    CheckDigitIsTen,

    /// <summary>The tenth digit is not the check digit computed from the first nine.</summary>
    CheckDigitMismatch,
}
