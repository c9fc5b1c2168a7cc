using System.Globalization;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>Turns a worksheet cell's value into the text a CSV export of it would hold, so both paths read alike.</summary>
internal static class XlsxCellText
{
    /// <summary>The cell's text.</summary>
    /// <param name="value">The value ExcelDataReader gives: string, double, DateTime, bool, TimeSpan, or null.</param>
    /// <returns>The text, trimmed of spaces and tabs; <see langword="null"/> when empty.</returns>
    /// <remarks>
    /// An integer-valued number is written as its digits (<c>9998153395</c>, not <c>9998153395.0</c> or
    /// <c>9.998153395E+09</c>): Excel keeps every number as a double, NHS numbers and phone numbers typed into
    /// General cells included. A date-formatted cell (ExcelDataReader gives a DateTime) becomes ISO <c>yyyy-MM-dd</c>.
    /// </remarks>
    public static string? Of(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d when double.IsFinite(d) && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        text = text?.Trim(' ', '\t');
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
