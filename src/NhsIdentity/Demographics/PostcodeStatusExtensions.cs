namespace NhsIdentity.Demographics;

/// <summary>Helpers for <see cref="PostcodeStatus"/>.</summary>
public static class PostcodeStatusExtensions
{
    /// <summary>
    /// Returns a short English description of <paramref name="status"/>, suitable for error messages and logs.
    /// </summary>
    /// <param name="status">The status to describe.</param>
    /// <returns>A fixed sentence fragment; it never contains the text that was checked.</returns>
    public static string GetDescription(this PostcodeStatus status) => status switch
    {
        PostcodeStatus.Valid => "valid",
        PostcodeStatus.Empty => "empty",
        PostcodeStatus.InvalidCharacter => "contains a character that is not an ASCII letter, digit or space",
        PostcodeStatus.WrongLength => "not 5 to 7 letters and digits",
        PostcodeStatus.InvalidSpacing => "not the outward code, one space and the inward code",
        PostcodeStatus.InvalidShape => "letters and digits are not in a postcode shape",
        PostcodeStatus.InvalidLetter => "a letter is not used in its position",
        _ => "unknown status",
    };
}
