namespace NhsIdentity.Demographics;

/// <summary>How much of a <see cref="DateOfBirth"/> is known.</summary>
/// <remarks>
/// Partial dates are common in real extracts: HL7 v2 <c>DTM</c> and FHIR <c>date</c> allow a year (<c>1961</c>) or a
/// year and month (<c>1961-03</c>), and some registrations only ever record a year. They are kept honestly partial
/// rather than padded with an invented day or month.
/// </remarks>
public enum DateOfBirthPrecision
{
    /// <summary>No date: the precision of <see cref="DateOfBirth.Empty"/>.</summary>
    None = 0,

    /// <summary>Only the year is known (<c>1961</c>).</summary>
    Year = 1,

    /// <summary>The year and month are known (<c>1961-03</c>).</summary>
    YearMonth = 2,

    /// <summary>The full calendar date is known (<c>1961-03-05</c>).</summary>
    Day = 3,
}
