namespace NhsIdentity.Demographics;

/// <summary>Helpers for <see cref="DateOfBirthStatus"/>.</summary>
public static class DateOfBirthStatusExtensions
{
    /// <summary>
    /// Returns a short English description of <paramref name="status"/>, suitable for error messages and logs.
    /// </summary>
    /// <param name="status">The status to describe.</param>
    /// <returns>A fixed sentence fragment; it never contains the text that was parsed.</returns>
    public static string GetDescription(this DateOfBirthStatus status) => status switch
    {
        DateOfBirthStatus.Valid => "valid",
        DateOfBirthStatus.Empty => "empty",
        DateOfBirthStatus.UnrecognisedFormat => "not in a supported date layout",
        DateOfBirthStatus.TwoDigitYear => "the year has two digits (the century is never guessed)",
        DateOfBirthStatus.InvalidMonth => "the month is not 1 to 12 or not an English month name",
        DateOfBirthStatus.YearOutOfRange => "the year is outside 1800 to 2199",
        DateOfBirthStatus.InvalidDay => "the day does not exist in that month",
        DateOfBirthStatus.InvalidTime => "the time of day or UTC offset is out of range",
        _ => "unknown status",
    };
}
