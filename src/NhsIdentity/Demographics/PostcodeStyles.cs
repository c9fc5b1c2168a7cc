namespace NhsIdentity.Demographics;

/// <summary>Which text layouts the postcode parsers accept.</summary>
/// <remarks>
/// Both styles accept only ASCII letters and digits as the postcode's characters; no style accepts punctuation
/// (<c>SW1A-1AA</c>), non-ASCII letters or full-width digits.
/// </remarks>
public enum PostcodeStyles
{
    /// <summary>
    /// The default, for text typed by people or held by supplier systems. Trims white space at both ends; ignores
    /// spaces and tabs anywhere inside (<c>sw1a1aa</c>, <c> SW1A  1AA </c>, <c>S W1A1AA</c>); upper-cases
    /// letters; and repairs O/0 and I/1 typed in a position where only the other can be valid (see
    /// <see cref="Postcode"/>, "Repairs"). Leading zeros of a BFPO number are accepted and dropped.
    /// </summary>
    Lenient = 0,

    /// <summary>
    /// Only the canonical form: upper case, exactly one space between the outward and inward codes, no
    /// surrounding white space, no repairs, no leading zeros in a BFPO number. For interfaces whose contract
    /// fixes the layout, and for checking that stored data is already canonical.
    /// </summary>
    Strict = 1,
}
