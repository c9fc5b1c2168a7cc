namespace NhsIdentity;

/// <summary>Which text layouts the NHS number parsers accept.</summary>
/// <remarks>
/// Both styles accept only ASCII digits (<c>'0'</c>..<c>'9'</c>); no style accepts signs, decimal points,
/// non-ASCII digits or partial groupings such as <c>01 2345 6789</c>.
/// </remarks>
public enum NhsNumberStyles
{
    /// <summary>
    /// The default. Trims surrounding white space, then accepts <c>dddddddddd</c>, <c>ddd ddd dddd</c> and
    /// <c>ddd-ddd-dddd</c>. This follows ISB 0149 requirement 10 and the NHS Common User Interface guidance,
    /// which ask systems to accept the number as users type it, with or without the display spaces.
    /// </summary>
    Lenient = 0,

    /// <summary>
    /// No trimming; accepts only the two canonical forms, <c>dddddddddd</c> and <c>ddd ddd dddd</c>.
    /// For interfaces whose contract fixes the layout.
    /// </summary>
    Strict = 1,
}
