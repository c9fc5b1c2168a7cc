using System.Globalization;
using NhsIdentity.Demographics;

namespace NhsIdentity.Ingestion;

/// <summary>
/// Decides whether the first row of a CSV file or sheet is data rather than a header, so a file without a header row is
/// refused instead of having its first patient taken for column names (and the rest read through no columns).
/// </summary>
/// <remarks>
/// <para>
/// The first row looks like data when BOTH: at least one cell looks like a value (it parses as an NHS number, a
/// date, a postcode or a number, or has what column names do not: three or more digits, an <c>@</c>, a slash, more
/// than 40 characters); AND no cell is a column name the reader knows (an alias <see cref="ColumnMapping"/>
/// recognises, or a column a <c>--map</c> names).
/// </para>
/// <para>
/// So a header with one odd column (<c>id,2020,nhs_number</c>) is still a header, because other cells are known; a
/// header of unknown names (<c>a,b,c</c>) is still a header, because no cell looks like a value; and a first patient
/// (<c>9990000018,Alice,14/03/1987</c>) is refused, since patients' values are not column names. The cost of the rule
/// is a data row one of whose cells happens to be a known column name (a given name "Id"): it is read as a header,
/// and <see cref="ColumnMapping.Describe"/> still never prints a cell that looks like a value.
/// </para>
/// </remarks>
public static class HeaderCheck
{
    /// <summary>Whether the first row looks like data (see the remarks).</summary>
    /// <param name="cells">The first row's cells, unquoted and trimmed.</param>
    /// <param name="overrides">The <c>--map FIELD=COLUMN</c> texts; the columns they name count as known.</param>
    /// <returns><see langword="true"/> when the row should be refused as a header.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool LooksLikeData(IReadOnlyList<string> cells, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(overrides);
        var anyValue = false;
        foreach (var cell in cells)
        {
            if (ColumnMapping.TryRecognise(cell, out _) || IsMapped(cell, overrides))
            {
                return false;
            }

            anyValue |= LooksLikeValue(cell);
        }

        return anyValue;
    }

    /// <summary>Whether one cell looks like a patient's value rather than a column name.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns><see langword="true"/> for an NHS number, a date, a postcode, a number, or a cell with three or more
    /// digits, an <c>@</c>, a slash or more than 40 characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cell"/> is <see langword="null"/>.</exception>
    public static bool LooksLikeValue(string cell) =>
        NhsNumber.TryParse(cell, out _)
        || DateOfBirth.TryParse(cell, out _)
        || Postcode.TryParse(cell, out _)
        || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || ColumnMapping.LooksLikeValue(cell);

    private static bool IsMapped(string cell, IReadOnlyList<string> overrides)
    {
        var normalised = ColumnMapping.Normalise(cell);
        foreach (var text in overrides)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var column = equals < 0 ? string.Empty : text[(equals + 1)..].Trim();
            if (column.Length > 0 && (string.Equals(column, cell, StringComparison.Ordinal)
                || string.Equals(ColumnMapping.Normalise(column), normalised, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
