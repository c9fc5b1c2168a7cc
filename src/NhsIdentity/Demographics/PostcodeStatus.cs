namespace NhsIdentity.Demographics;

/// <summary>
/// The outcome of checking text as a UK postcode: <see cref="Valid"/>, or the first reason it is not one.
/// </summary>
/// <remarks>
/// Reasons are reported in the order the checks run: emptiness, characters, length, spacing (strict only), shape,
/// then the BS 7666 letter-position rules. Use <see cref="PostcodeStatusExtensions.GetDescription(PostcodeStatus)"/>
/// for a message that is safe to log: it never contains the input.
/// </remarks>
public enum PostcodeStatus
{
    /// <summary>The text is a valid postcode (of any <see cref="PostcodeKind"/>).</summary>
    Valid = 0,

    /// <summary>The text is empty or only white space.</summary>
    Empty,

    /// <summary>
    /// The text holds a character that is not an ASCII letter, ASCII digit or space (under
    /// <see cref="PostcodeStyles.Lenient"/> also tab, and any white space at either end). Under
    /// <see cref="PostcodeStyles.Strict"/> lower-case letters count as invalid characters too.
    /// </summary>
    InvalidCharacter,

    /// <summary>
    /// Not 5 to 7 letters and digits (the length of every postcode without its space), or, for <c>BFPO</c>,
    /// not one to four digits after it.
    /// </summary>
    WrongLength,

    /// <summary>
    /// Strict only: the text is not exactly the outward code, one space and the inward code
    /// (<c>SW1A 1AA</c>, <c>BFPO 123</c>).
    /// </summary>
    InvalidSpacing,

    /// <summary>
    /// Letters and digits are not in one of the six shapes <c>A9 9AA</c>, <c>A99 9AA</c>, <c>AA9 9AA</c>,
    /// <c>AA99 9AA</c>, <c>A9A 9AA</c>, <c>AA9A 9AA</c> (after any lenient O/0, I/1 repair), nor a special case.
    /// </summary>
    InvalidShape,

    /// <summary>
    /// The shape is right but a letter is never used in its position (BS 7666 / Royal Mail): Q, V, X first;
    /// I, J, Z second; a third-position letter (<c>A9A</c>) outside ABCDEFGHJKPSTUW; a fourth-position letter
    /// (<c>AA9A</c>) outside ABEHMNPRVWXY; or C, I, K, M, O, V in the inward code.
    /// </summary>
    InvalidLetter,
}
