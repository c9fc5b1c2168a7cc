using System.Globalization;
using System.Text;
using NhsIdentity.Matching;

namespace NhsIdentity.Ingestion;

/// <summary>
/// Which column of an extract feeds which <see cref="PatientRecord"/> field, worked out from the header row and any
/// <c>FIELD=COLUMN</c> overrides (the CLI's <c>--map</c>), and the building of a record from a row's values.
/// </summary>
/// <remarks>
/// <para>
/// Column names are recognised case- and punctuation-insensitively (<see cref="Normalise"/>), so <c>NHS Number</c>,
/// <c>NHS_NO</c> and <c>nhs-number</c> all feed <c>nhs_number</c>. Every address-like column
/// (<c>address</c>, <c>AddressLine1</c>..., <c>street_number</c>, <c>suburb</c>, <c>city</c>, <c>town</c>) is
/// joined, in header order, into the address with <c>", "</c>; middle-name columns are joined after the first name
/// with a space.
/// </para>
/// <para>
/// Ambiguity: when two columns feed the same single-valued field (say <c>Forename</c> and <c>First Name</c>), the
/// FIRST column in the header wins and the other is listed in <see cref="Ignored"/> with the reason, so the choice is
/// visible in <see cref="Describe"/>; use <c>--map</c> to pick the other. A column that no alias knows (FEBRL's
/// <c>state</c>, Splink's <c>cluster</c>) is ignored and listed too.
/// </para>
/// <para>
/// Overrides: <c>FIELD=COLUMN</c> where FIELD is a standard name (<see cref="PatientFieldNames"/>, compared the same
/// normalised way) and COLUMN a header cell, matched exactly first and otherwise normalised (it must then be
/// unique). An overridden field takes only the columns given for it (several <c>--map address=...</c> are joined in
/// the order given); <c>FIELD=</c> with no column leaves the field empty. A column given to a field by
/// <c>--map</c> is not also used for the field its name suggests.
/// </para>
/// <para>When no column feeds <c>id</c>, a record's id is its 1-based data row number.</para>
/// <para>Instances are immutable and safe to share across threads. Nothing here keeps or reports a field value:
/// messages and descriptions name columns only.</para>
/// </remarks>
public sealed partial class ColumnMapping
{
    private readonly int[][] columnsByField;
    private readonly bool[] used;

    private ColumnMapping(IReadOnlyList<string> header, int[][] columnsByField, IReadOnlyList<IgnoredColumn> ignored, IReadOnlyList<string> skippedOverrides)
    {
        Header = header;
        SkippedOverrides = skippedOverrides;
        this.columnsByField = columnsByField;
        Ignored = ignored;
        used = new bool[header.Count];
        foreach (var columns in columnsByField)
        {
            foreach (var column in columns)
            {
                used[column] = true;
            }
        }
    }

    /// <summary>Gets the header cells, as read (after removing CSV quotes and surrounding spaces).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Gets the columns that feed no field, in header order, each with the reason.</summary>
    public IReadOnlyList<IgnoredColumn> Ignored { get; }

    /// <summary>Gets a value indicating whether a column feeds <c>id</c> (otherwise the local identifier, or the row
    /// number where that is empty, is the id).</summary>
    public bool HasIdColumn => columnsByField[(int)PatientField.Id].Length > 0;

    /// <summary>Gets a value indicating whether every record's id is its row number: no column feeds <c>id</c> or
    /// <c>local_id</c>.</summary>
    public bool IdsAreRowNumbers => !HasIdColumn && columnsByField[(int)PatientField.LocalIdentifier].Length == 0;

    /// <summary>Gets the lenient overrides (see <see cref="Create(IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string})"/>)
    /// that were not applied because the header has no such column, in the order given.</summary>
    public IReadOnlyList<string> SkippedOverrides { get; }

    /// <summary>Maps a header, applying overrides.</summary>
    /// <param name="header">The header cells, unquoted and trimmed.</param>
    /// <param name="overrides"><c>FIELD=COLUMN</c> texts that must apply (FIELD a standard name from
    /// <see cref="PatientFieldNames"/>; COLUMN a header cell, or empty to leave the field empty), or
    /// <see langword="null"/>.</param>
    /// <param name="lenientOverrides"><c>FIELD=COLUMN</c> texts that apply only when the header has the column (one
    /// set of overrides given to several files), or <see langword="null"/>. Applied after
    /// <paramref name="overrides"/>, and not for a field those name. The ones not applied are listed in
    /// <see cref="SkippedOverrides"/>.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is <see langword="null"/>.</exception>
    /// <exception cref="ColumnOverrideException">
    /// An override is malformed, names an unknown field, names a column the header lacks (strict overrides only) or
    /// that matches two header cells, gives a single-valued field two columns, or gives one column to two fields.
    /// </exception>
    public static ColumnMapping Create(IReadOnlyList<string> header, IReadOnlyList<string>? overrides = null, IReadOnlyList<string>? lenientOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var skippedOverrides = new List<string>();
        var strictFields = new HashSet<PatientField>();
        foreach (var text in overrides ?? [])
        {
            strictFields.Add(ParseOverride(text, header).Field);
        }

        var applied = new List<string>(overrides ?? []);
        foreach (var text in lenientOverrides ?? [])
        {
            var field = ParseField(text);
            if (strictFields.Contains(field))
            {
                continue;
            }

            if (!HasColumn(text, header))
            {
                skippedOverrides.Add(text);
                continue;
            }

            applied.Add(text);
        }

        overrides = applied;

        var fieldOfColumn = new PatientField?[header.Count];
        var columns = new List<int>[PatientFieldNames.All.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = [];
        }

        var overridden = new bool[columns.Length];
        foreach (var text in overrides ?? [])
        {
            var (field, column) = ParseOverride(text, header);
            if (overridden[(int)field] && !field.IsJoined() && (column >= 0 || columns[(int)field].Count > 0))
            {
                throw new ColumnOverrideException(text, ColumnOverrideError.FieldGivenTwoColumns, $"{field.ToName()} is given more than one column; only middle_name and address take several.");
            }

            overridden[(int)field] = true;
            if (column < 0)
            {
                continue;
            }

            if (fieldOfColumn[column] is { } other && other != field)
            {
                throw new ColumnOverrideException(text, ColumnOverrideError.ColumnGivenTwoFields, $"column '{header[column]}' is given to both {other.ToName()} and {field.ToName()}.");
            }

            if (fieldOfColumn[column] is null)
            {
                fieldOfColumn[column] = field;
                columns[(int)field].Add(column);
            }
        }

        var ignored = new List<IgnoredColumn>();
        for (var column = 0; column < header.Count; column++)
        {
            if (fieldOfColumn[column] is not null)
            {
                continue;
            }

            if (!TryRecognise(header[column], out var field))
            {
                ignored.Add(new IgnoredColumn(header[column], "not a known column; use --map FIELD=COLUMN to use it"));
            }
            else if (overridden[(int)field])
            {
                ignored.Add(new IgnoredColumn(header[column], $"{field.ToName()} is set by --map"));
            }
            else if (!field.IsJoined() && columns[(int)field].Count > 0)
            {
                var first = header[columns[(int)field][0]];
                ignored.Add(new IgnoredColumn(header[column], $"{field.ToName()} already comes from '{first}' (the first such column wins)"));
            }
            else
            {
                fieldOfColumn[column] = field;
                columns[(int)field].Add(column);
            }
        }

        var byField = new int[columns.Length][];
        for (var i = 0; i < columns.Length; i++)
        {
            byField[i] = [.. columns[i]];
        }

        return new ColumnMapping([.. header], byField, ignored, skippedOverrides);
    }

    /// <summary>Whether a column feeds any field (the reader skips converting the others).</summary>
    /// <param name="column">A zero-based column index.</param>
    /// <returns><see langword="true"/> when the column is mapped.</returns>
    public bool IsUsed(int column) => (uint)column < (uint)used.Length && used[column];

    /// <summary>The columns that feed a field: at most one for single-valued fields, in join order for the others.</summary>
    /// <param name="field">The field.</param>
    /// <returns>Zero-based column indices.</returns>
    public IReadOnlyList<int> ColumnsOf(PatientField field) => columnsByField[(int)field];

    /// <summary>
    /// Builds the record for one data row. Empty and missing values become <see langword="null"/>; joined fields skip
    /// empty parts.
    /// </summary>
    /// <param name="values">The row's values by column (already unquoted); may be shorter than the header.</param>
    /// <param name="rowNumber">The 1-based data row number, the id when no column feeds <c>id</c> and the row has no
    /// local identifier (which is the id otherwise).</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public PatientRecord ToRecord(IReadOnlyList<string?> values, long rowNumber) => ToRecord(values, rowNumber, out _);

    /// <summary>
    /// Builds the record for one data row, recovering an NHS number Excel damaged (<c>="..."</c>, <c>.0</c>, scientific
    /// notation that kept every digit; one that lost digits becomes missing) and splitting a full-name column into the
    /// name fields no column of their own feeds (<c>SMITH, John</c>, <c>John SMITH</c>, <c>John Smith</c>).
    /// </summary>
    /// <param name="values">The row's values by column (already unquoted); may be shorter than the header.</param>
    /// <param name="rowNumber">The 1-based data row number (see the other overload).</param>
    /// <param name="nhsNumberDamage">What Excel had done to the NHS number; when <see cref="ExcelNumberDamage.Lost"/>
    /// the record has none.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public PatientRecord ToRecord(IReadOnlyList<string?> values, long rowNumber, out ExcelNumberDamage nhsNumberDamage)
    {
        ArgumentNullException.ThrowIfNull(values);

        var givenName = Single(values, PatientField.GivenName);
        var middleNames = Joined(values, PatientField.MiddleNames, " ");
        var familyName = Single(values, PatientField.FamilyName);
        if (columnsByField[(int)PatientField.FullName].Length > 0 && ((givenName ?? middleNames) is null || familyName is null))
        {
            var (splitGiven, splitFamily) = FullNameSplit.Split(Single(values, PatientField.FullName));
            givenName ??= middleNames is null ? splitGiven : null;
            familyName ??= splitFamily;
        }

        var nhsNumber = ExcelNumberRecovery.Recover(Single(values, PatientField.NhsNumber), out nhsNumberDamage);
        return new PatientRecord
        {
            // Without an id column a supplier's own patient id (PatientID, MRN) is the natural row key; the row number
            // stands in only when that is empty too.
            Id = HasIdColumn ? Single(values, PatientField.Id)
                : Single(values, PatientField.LocalIdentifier) ?? rowNumber.ToString(CultureInfo.InvariantCulture),
            NhsNumber = nhsNumber,
            GivenNames = givenName is null ? middleNames : middleNames is null ? givenName : givenName + " " + middleNames,
            FamilyName = familyName,
            DateOfBirth = Single(values, PatientField.DateOfBirth),
            Sex = Single(values, PatientField.Sex),
            Postcode = Single(values, PatientField.Postcode),
            Address = Joined(values, PatientField.Address, ", "),
            LocalIdentifier = Single(values, PatientField.LocalIdentifier),
            Phone = Single(values, PatientField.Phone),
            Email = Single(values, PatientField.Email),
            GpPracticeCode = Single(values, PatientField.GpPractice),
        };
    }

    /// <summary>
    /// Describes the mapping for the user, one line per field and then the ignored columns, naming columns only
    /// (never values): <c>given_name &lt;- Forename + Middle Names</c>, <c>id &lt;- (row number)</c>,
    /// <c>ignored: state (not a known column; ...)</c>.
    /// </summary>
    /// <returns>The lines, without line terminators.</returns>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        foreach (var field in PatientFieldNames.All)
        {
            if (field == PatientField.MiddleNames)
            {
                continue; // shown on the given_name line
            }

            var sources = new List<int>(columnsByField[(int)field]);
            if (field == PatientField.GivenName)
            {
                sources.AddRange(columnsByField[(int)PatientField.MiddleNames]);
            }

            if (sources.Count > 0)
            {
                var line = new StringBuilder(field.ToName()).Append(" <- ");
                for (var i = 0; i < sources.Count; i++)
                {
                    line.Append(i == 0 ? string.Empty : " + ").Append(Header[sources[i]]);
                }

                if (field == PatientField.FullName)
                {
                    line.Append(" (split into given_name and family_name where those have no column)");
                }

                lines.Add(line.ToString());
            }
            else if (field == PatientField.Id)
            {
                var local = columnsByField[(int)PatientField.LocalIdentifier];
                lines.Add(local.Length > 0 ? "id <- " + Header[local[0]] + " (the local identifier; row number where empty)" : "id <- (row number)");
            }
        }

        var unmapped = new List<string>();
        foreach (var field in PatientFieldNames.All)
        {
            var fromFullName = field is PatientField.GivenName or PatientField.FamilyName && columnsByField[(int)PatientField.FullName].Length > 0;
            if (field is not (PatientField.Id or PatientField.MiddleNames or PatientField.FullName) && columnsByField[(int)field].Length == 0
                && !(field == PatientField.GivenName && columnsByField[(int)PatientField.MiddleNames].Length > 0) && !fromFullName)
            {
                unmapped.Add(field.ToName());
            }
        }

        if (unmapped.Count > 0)
        {
            lines.Add("not in file: " + string.Join(", ", unmapped));
        }

        // A file whose first row is data is refused before mapping (HeaderCheck), but a row taken for a header may
        // still hold cells that look like values: a column named "2020" beside known ones, or a data row one of whose
        // cells happens to be a known name. Then no ignored cell is printed, names included (in a data row they are
        // a patient's): only how many there were.
        // Likewise when no column was recognised at all: such a "header" may be a first patient with no digits in it
        // (a name, sex and address), whose cells would otherwise be printed as column names.
        if (HidesIgnoredNames)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"ignored: {Ignored.Count} column(s), not shown because some names look like values or none is a known column; if the first row is data, add a header row or use --no-header with --map"));
            return lines;
        }

        foreach (var column in Ignored)
        {
            lines.Add($"ignored: {column.Name} ({column.Reason})");
        }

        return lines;
    }

    /// <summary>Gets whether the ignored columns must not be named (see <see cref="Describe"/>): some name looks like a
    /// value, or no column was recognised at all, so the "header" may be a patient's row.</summary>
    public bool HidesIgnoredNames
    {
        get
        {
            var anyValue = Array.TrueForAll(columnsByField, columns => columns.Length == 0);
            foreach (var column in Ignored)
            {
                anyValue |= LooksLikeValue(column.Name);
            }

            return anyValue && Ignored.Count > 0;
        }
    }

    /// <summary>Gets the header names of the columns that feed a field, in the order they are used.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The column names (empty when no column feeds it).</returns>
    public IReadOnlyList<string> ColumnNamesOf(PatientField field)
    {
        var columns = columnsByField[(int)field];
        var names = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            names[i] = Header[columns[i]];
        }

        return names;
    }

    /// <summary>Whether a header cell looks like a patient's value rather than a column name: three or more digits
    /// (NHS numbers, dates, phone numbers, house numbers with postcodes), an <c>@</c>, a slash, or more than 40
    /// characters (an address).</summary>
    internal static bool LooksLikeValue(string name)
    {
        var digits = 0;
        foreach (var c in name)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            if (c is '@' or '/')
            {
                return true;
            }
        }

        return digits >= 3 || name.Length > 40;
    }

    private static (PatientField Field, int Column) ParseOverride(string text, IReadOnlyList<string> header)
    {
        var field = ParseField(text);
        var columnName = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
        return columnName.Length == 0 ? (field, -1) : (field, FindColumn(text, columnName, header));
    }

    /// <summary>The field an override names.</summary>
    /// <param name="overrideText">A <c>FIELD=COLUMN</c> text.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ColumnOverrideException">The text is malformed or names no field.</exception>
    public static PatientField FieldOf(string overrideText) => ParseField(overrideText);

    private static PatientField ParseField(string? text)
    {
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || equals <= 0)
        {
            throw new ColumnOverrideException(text, ColumnOverrideError.Malformed, $"expected FIELD=COLUMN, where FIELD is one of: {PatientFieldNames.List}.");
        }

        var fieldName = text[..equals].Trim();
        return PatientFieldNames.TryParse(fieldName, out var field)
            ? field
            : throw new ColumnOverrideException(text, ColumnOverrideError.UnknownField, $"unknown field '{fieldName}'; expected one of: {PatientFieldNames.List}.");
    }

    /// <summary>Whether an override's column is in the header (an empty column, <c>FIELD=</c>, always is).</summary>
    private static bool HasColumn(string text, IReadOnlyList<string> header)
    {
        var columnName = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
        if (columnName.Length == 0)
        {
            return true;
        }

        var normalised = Normalise(columnName);
        foreach (var name in header)
        {
            if (string.Equals(name, columnName, StringComparison.Ordinal) || string.Equals(Normalise(name), normalised, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int FindColumn(string text, string columnName, IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], columnName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var normalised = Normalise(columnName);
        var found = -1;
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(Normalise(header[i]), normalised, StringComparison.Ordinal))
            {
                if (found >= 0)
                {
                    throw new ColumnOverrideException(text, ColumnOverrideError.AmbiguousColumn, $"column '{columnName}' matches both '{header[found]}' and '{header[i]}'; give the exact name.");
                }

                found = i;
            }
        }

        return found >= 0 ? found : throw new ColumnOverrideException(text, ColumnOverrideError.UnknownColumn, $"the file has no column '{columnName}'.");
    }

    private string? Single(IReadOnlyList<string?> values, PatientField field)
    {
        var columns = columnsByField[(int)field];
        return columns.Length == 0 ? null : ValueAt(values, columns[0]);
    }

    private string? Joined(IReadOnlyList<string?> values, PatientField field, string separator)
    {
        string? joined = null;
        foreach (var column in columnsByField[(int)field])
        {
            var value = ValueAt(values, column);
            if (value is not null)
            {
                joined = joined is null ? value : joined + separator + value;
            }
        }

        return joined;
    }

    private static string? ValueAt(IReadOnlyList<string?> values, int column) =>
        column < values.Count && !string.IsNullOrEmpty(values[column]) ? values[column] : null;
}

/// <summary>A header column that feeds no field.</summary>
/// <param name="Name">The column name as read.</param>
/// <param name="Reason">Why it is not used.</param>
public readonly record struct IgnoredColumn(string Name, string Reason);
