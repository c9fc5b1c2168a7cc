namespace NhsIdentity.Demographics;

/// <summary>
/// The outcome of parsing text as a <see cref="DateOfBirth"/>: <see cref="Valid"/>, or the first reason it is not one.
/// </summary>
/// <remarks>
/// Checks run in this order: emptiness, layout (including <see cref="TwoDigitYear"/>), month, year range, day, then any
/// time of day or offset. Use <see cref="DateOfBirthStatusExtensions.GetDescription(DateOfBirthStatus)"/> for a message
/// that is safe to log: it never contains the input.
/// </remarks>
public enum DateOfBirthStatus
{
    /// <summary>The text is a valid date of birth in a supported layout.</summary>
    Valid = 0,

    /// <summary>The text is empty or only white space.</summary>
    Empty,

    /// <summary>The text is not in any supported layout (see <see cref="DateOfBirth"/> for the list).</summary>
    UnrecognisedFormat,

    /// <summary>
    /// The year has two digits (<c>05/03/61</c>, <c>05-Mar-61</c>). The century is never guessed: a date of birth
    /// can be more than a hundred years ago, so any pivot would misdate someone.
    /// </summary>
    TwoDigitYear,

    /// <summary>The month is not 1 to 12, or a month name is not an English month.</summary>
    InvalidMonth,

    /// <summary>
    /// The year is outside <see cref="DateOfBirth.MinYear"/> to <see cref="DateOfBirth.MaxYear"/> (for example the
    /// sentinels <c>0001-01-01</c> and <c>9999-12-31</c>).
    /// </summary>
    YearOutOfRange,

    /// <summary>The day does not exist in that month and year (<c>31/04/1961</c>, <c>29/02/2023</c>, <c>00/03/1961</c>).</summary>
    InvalidDay,

    /// <summary>A time of day or UTC offset follows the date but is out of range (<c>25:00</c>, <c>+2400</c>).</summary>
    InvalidTime,
}
