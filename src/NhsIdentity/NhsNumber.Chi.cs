using NhsIdentity.Demographics;

namespace NhsIdentity;

public readonly partial struct NhsNumber
{
    /// <summary>
    /// Decodes the date of birth and sex carried by a Scottish CHI number: digits 1-6 are the date of birth as
    /// DDMMYY, and digit 9 is odd for male and even for female (NHS Scotland CHI number standard).
    /// </summary>
    /// <param name="pivotYear">
    /// The latest year a two-digit year may mean, usually the current year: <c>YY</c> becomes the latest year
    /// ending in <c>YY</c> that is not after <paramref name="pivotYear"/>. Two-digit years are ambiguous, so the
    /// caller chooses (there is no hidden clock). For a pivot of 2026, <c>25</c> is 2025 and <c>27</c> is 1927.
    /// </param>
    /// <param name="dateOfBirth">The decoded date of birth, or <c>default</c> on failure.</param>
    /// <param name="sex">The decoded sex (<see cref="Sex.Male"/> or <see cref="Sex.Female"/>), or <see cref="Sex.Unknown"/> on failure.</param>
    /// <returns>
    /// <see langword="false"/> when this is not a <see cref="NhsNumberRegion.ScotlandChi"/> number, or its first
    /// six digits are not a real date in the chosen century.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pivotYear"/> is below 100 or above 9999.</exception>
    public bool TryGetChiDetails(int pivotYear, out DateOnly dateOfBirth, out Sex sex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pivotYear, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pivotYear, 9999);

        dateOfBirth = default;
        sex = Sex.Unknown;
        if (Region != NhsNumberRegion.ScotlandChi)
        {
            return false;
        }

        var nineDigitBase = Base;
        var datePart = nineDigitBase / 1_000;
        var day = datePart / 10_000;
        var month = datePart / 100 % 100;
        var twoDigitYear = datePart % 100;

        var year = pivotYear - (pivotYear % 100) + twoDigitYear;
        if (year > pivotYear)
        {
            year -= 100;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        dateOfBirth = new DateOnly(year, month, day);
        sex = nineDigitBase % 2 == 1 ? Sex.Male : Sex.Female;
        return true;
    }
}
