namespace NhsIdentity.Demographics;

/// <summary>
/// The order of day, month and year in numeric dates whose year comes last, such as <c>03/05/1961</c>, which is
/// 3 May in the UK and 5 March in the US. The parser never guesses: the caller states the order of its source.
/// </summary>
/// <remarks>
/// Dates that start with a four-digit year (<c>1961-03-05</c>, <c>19610305</c>, HL7 and ISO 8601 forms) are always
/// read year, month, day, whatever the order, and a month written as a name (<c>05-Mar-1961</c>) is never ambiguous.
/// </remarks>
public enum DateOrder
{
    /// <summary>Day, month, year (<c>dd/MM/yyyy</c>): the UK order, and the default.</summary>
    DayMonthYear = 0,

    /// <summary>Month, day, year (<c>MM/dd/yyyy</c>): the US order, for example exports from US-configured software.</summary>
    MonthDayYear = 1,

    /// <summary>
    /// Year first only: accepts the year-first forms (ISO 8601, HL7, <c>yyyyMMdd</c>) and rejects every year-last
    /// form, numeric or with a month name, with <see cref="DateOfBirthStatus.UnrecognisedFormat"/>. For sources that
    /// are specified to send only ISO or HL7 dates, so that a stray <c>03/05/1961</c> fails instead of being read
    /// in an order nobody stated.
    /// </summary>
    YearMonthDay = 2,
}
