using NhsIdentity.Matching;

namespace NhsIdentity.Synthetic;

/// <summary>
/// One row of a supplier extract: the raw text fields as the supplier's CSV holds them, plus the truth (which
/// person it is, whether it is a within-extract duplicate, which errors were applied).
/// </summary>
/// <remarks>
/// Blank fields are empty strings, never <see langword="null"/>. Rows read back from a CSV file have
/// <see cref="PersonId"/> -1 and <see cref="Errors"/> <see cref="RecordErrors.None"/> (the file does not hold the
/// truth), and no <see cref="Phone"/> or <see cref="Email"/> (the two layouts have no such columns).
/// </remarks>
public sealed class SupplierRow
{
    private readonly string? _phone;
    private readonly string? _email;

    private static readonly string[] PasHeader =
        ["PatientID", "NHS_NO", "Forename", "Surname", "DOB", "Gender", "AddressLine1", "AddressLine2", "AddressLine3", "PostCode"];

    private static readonly string[] GpHeader =
        ["id", "nhs_number", "given_name", "family_name", "date_of_birth", "sex", "address", "postcode", "local_id"];

    /// <summary>Gets the layout the row follows.</summary>
    public required SupplierDialect Dialect { get; init; }

    /// <summary>Gets the row id, unique within the extract (for <see cref="SupplierDialect.Pas"/>, the hospital number).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the true person (<see cref="SyntheticPerson.PersonId"/>), or -1 when unknown.</summary>
    public int PersonId { get; init; } = -1;

    /// <summary>Gets whether this is the person's second row in the same extract.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Gets the errors applied to this row.</summary>
    public RecordErrors Errors { get; init; }

    /// <summary>Gets the NHS number as written (blank when missing).</summary>
    public string NhsNumber { get; init; } = string.Empty;

    /// <summary>Gets the given names as written (PAS: the first given name only; GP: middle names too).</summary>
    public string GivenNames { get; init; } = string.Empty;

    /// <summary>Gets the family name as written.</summary>
    public string FamilyName { get; init; } = string.Empty;

    /// <summary>Gets the date of birth as written (PAS <c>dd/MM/yyyy</c>, GP <c>yyyy-MM-dd</c>).</summary>
    public string DateOfBirth { get; init; } = string.Empty;

    /// <summary>Gets the sex code as written (PAS <c>M</c>/<c>F</c>/<c>U</c>, GP <c>male</c>/<c>female</c>/<c>unknown</c>).</summary>
    public string Sex { get; init; } = string.Empty;

    /// <summary>Gets the address lines as written: three for PAS (some blank), one for GP (the lines joined by <c>", "</c>).</summary>
    public IReadOnlyList<string> AddressLines { get; init; } = [];

    /// <summary>Gets the postcode as written.</summary>
    public string Postcode { get; init; } = string.Empty;

    /// <summary>Gets the local identifier: the hospital number (PAS: equal to <see cref="Id"/>; GP: sometimes blank).</summary>
    public string LocalIdentifier { get; init; } = string.Empty;

    /// <summary>Gets the phone number (in memory only; not written to CSV). Generated rows give the person's, built on each call.</summary>
    public string? Phone
    {
        get => _phone ?? Person?.Phone;
        init => _phone = value;
    }

    /// <summary>Gets the email address (in memory only; not written to CSV). Generated rows give the person's, built on each call.</summary>
    public string? Email
    {
        get => _email ?? Person?.Email;
        init => _email = value;
    }

    /// <summary>Gets the person a generated row was made from (contact details are read from it only when asked for).</summary>
    internal SyntheticPerson? Person { get; init; }

    /// <summary>Gets the source name used in truth files: <c>pas</c> or <c>gp</c>.</summary>
    public string Source => SupplierExtract.SourceName(Dialect);

    /// <summary>Gets the non-blank address lines joined by <c>", "</c>.</summary>
    public string Address
    {
        get
        {
            if (AddressLines.Count == 1)
            {
                return AddressLines[0];
            }

            var parts = new List<string>(AddressLines.Count);
            foreach (var line in AddressLines)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    parts.Add(line);
                }
            }

            return string.Join(", ", parts);
        }
    }

    /// <summary>The column names of a dialect, in file order.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The header fields.</returns>
    public static IReadOnlyList<string> GetHeader(SupplierDialect dialect) => dialect switch
    {
        SupplierDialect.Pas => PasHeader,
        SupplierDialect.Gp => GpHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>Builds a row from the fields of one CSV line (truth unknown).</summary>
    /// <param name="dialect">The layout of the fields.</param>
    /// <param name="fields">The fields in file order.</param>
    /// <returns>The row.</returns>
    /// <exception cref="FormatException">The field count does not match the dialect.</exception>
    public static SupplierRow FromFields(SupplierDialect dialect, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != GetHeader(dialect).Count)
        {
            throw new FormatException("Expected " + GetHeader(dialect).Count + " fields, found " + fields.Count + ".");
        }

        return dialect == SupplierDialect.Pas
            ? new SupplierRow
            {
                Dialect = dialect,
                Id = fields[0],
                NhsNumber = fields[1],
                GivenNames = fields[2],
                FamilyName = fields[3],
                DateOfBirth = fields[4],
                Sex = fields[5],
                AddressLines = [fields[6], fields[7], fields[8]],
                Postcode = fields[9],
                LocalIdentifier = fields[0],
            }
            : new SupplierRow
            {
                Dialect = dialect,
                Id = fields[0],
                NhsNumber = fields[1],
                GivenNames = fields[2],
                FamilyName = fields[3],
                DateOfBirth = fields[4],
                Sex = fields[5],
                AddressLines = [fields[6]],
                Postcode = fields[7],
                LocalIdentifier = fields[8],
            };
    }

    /// <summary>The row's fields in the dialect's column order (what <see cref="SupplierExtract.WriteCsv"/> writes).</summary>
    /// <returns>The fields.</returns>
    public string[] GetFields() => Dialect == SupplierDialect.Pas
        ? [Id, NhsNumber, GivenNames, FamilyName, DateOfBirth, Sex, Line(0), Line(1), Line(2), Postcode]
        : [Id, NhsNumber, GivenNames, FamilyName, DateOfBirth, Sex, Address, Postcode, LocalIdentifier];

    /// <summary>The row as the matcher's raw record (text unchanged; the address lines joined by <c>", "</c>).</summary>
    /// <returns>A new record.</returns>
    public PatientRecord ToPatientRecord() => new()
    {
        Id = Id,
        NhsNumber = NhsNumber,
        GivenNames = GivenNames,
        FamilyName = FamilyName,
        DateOfBirth = DateOfBirth,
        Sex = Sex,
        Postcode = Postcode,
        Address = Address,
        LocalIdentifier = LocalIdentifier,
        Phone = Phone,
        Email = Email,
    };

    /// <summary>Returns a description that names only the source and <see cref="Id"/>.</summary>
    /// <returns><c>SupplierRow(source:id)</c>.</returns>
    public override string ToString() => "SupplierRow(" + Source + ":" + Id + ")";

    private string Line(int index) => index < AddressLines.Count ? AddressLines[index] : string.Empty;
}
