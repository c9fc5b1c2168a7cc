using System.Globalization;

namespace NhsIdentity.Synthetic;

/// <summary>Which parts of a date of birth a supplier knew (the year is always kept).</summary>
public enum PartialDateKind
{
    /// <summary>Month and year known, day not: <c>00/05/1980</c> or <c>/05/1980</c> (PAS), <c>1980-05-00</c> or <c>1980-05</c> (GP).</summary>
    DayUnknown = 0,

    /// <summary>Month and year only, written short: <c>05/1980</c> (PAS), <c>1980-05</c> (GP).</summary>
    MonthAndYear = 1,

    /// <summary>Year only: <c>1980</c>, or <c>00/00/1980</c> (PAS) and <c>1980-00-00</c> (GP) in the full layout.</summary>
    YearOnly = 2,
}

/// <summary>Writes a date of birth with its unknown parts left out or zeroed, as suppliers' systems do.</summary>
public static class PartialDate
{
    /// <summary>Writes the known parts of <paramref name="date"/> in the dialect's layout.</summary>
    /// <param name="date">The date of birth (its unknown parts are dropped).</param>
    /// <param name="dialect">The layout: PAS <c>dd/MM/yyyy</c>, GP <c>yyyy-MM-dd</c>.</param>
    /// <param name="kind">Which parts are known.</param>
    /// <param name="zeroFilled">Whether unknown parts are written as zeros in the full layout (else left out or blank).</param>
    /// <returns>The text; never a complete date, always holding the four-digit year.</returns>
    public static string Write(DateOnly date, SupplierDialect dialect, PartialDateKind kind, bool zeroFilled)
    {
        var year = date.Year.ToString("D4", CultureInfo.InvariantCulture);
        var month = date.Month.ToString("D2", CultureInfo.InvariantCulture);
        var pas = dialect == SupplierDialect.Pas;
        return (kind, zeroFilled) switch
        {
            (PartialDateKind.DayUnknown, true) => pas ? "00/" + month + "/" + year : year + "-" + month + "-00",
            (PartialDateKind.DayUnknown, false) => pas ? "/" + month + "/" + year : year + "-" + month,
            (PartialDateKind.MonthAndYear, _) => pas ? month + "/" + year : year + "-" + month,
            (PartialDateKind.YearOnly, true) => pas ? "00/00/" + year : year + "-00-00",
            (PartialDateKind.YearOnly, false) => year,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
