namespace NhsIdentity;

/// <summary>Helpers for <see cref="NhsNumberStatus"/>.</summary>
public static class NhsNumberStatusExtensions
{
    /// <summary>
    /// Returns a short English description of <paramref name="status"/>, suitable for error messages and logs.
    /// </summary>
    /// <param name="status">The status to describe.</param>
    /// <returns>A fixed sentence fragment; it never contains the text that was checked.</returns>
    public static string GetDescription(this NhsNumberStatus status) => status switch
    {
        NhsNumberStatus.Valid => "valid",
        NhsNumberStatus.Empty => "empty",
        NhsNumberStatus.WrongLength => "not ten digits",
        NhsNumberStatus.NonDigit => "contains a character that is not an ASCII digit or separator",
        NhsNumberStatus.BadSeparator => "separators are not in the 3-3-4 layout",
        NhsNumberStatus.CheckDigitIsTen => "check value is 10 (no valid check digit exists)",
        NhsNumberStatus.CheckDigitMismatch => "check digit does not match",
        _ => "unknown status",
    };
}
