namespace NhsIdentity.Ingestion;

/// <summary>The <see cref="NhsIdentity.Matching.PatientRecord"/> field a column of an extract feeds (see
/// <see cref="ColumnMapping"/>). Each has a standard name (<see cref="PatientFieldNames.ToName"/>), used in
/// <c>FIELD=COLUMN</c> overrides.</summary>
public enum PatientField
{
    /// <summary><c>id</c>: the record id (row key).</summary>
    Id,

    /// <summary><c>nhs_number</c>.</summary>
    NhsNumber,

    /// <summary><c>given_name</c>: the first name; the start of <see cref="NhsIdentity.Matching.PatientRecord.GivenNames"/>.</summary>
    GivenName,

    /// <summary><c>middle_name</c>: joined after the first name, with a space, into <see cref="NhsIdentity.Matching.PatientRecord.GivenNames"/>.</summary>
    MiddleNames,

    /// <summary><c>family_name</c>.</summary>
    FamilyName,

    /// <summary><c>date_of_birth</c>.</summary>
    DateOfBirth,

    /// <summary><c>sex</c>.</summary>
    Sex,

    /// <summary><c>postcode</c>.</summary>
    Postcode,

    /// <summary><c>address</c>: every address-like column, joined in header order with <c>", "</c>.</summary>
    Address,

    /// <summary><c>local_id</c>: hospital number, MRN or another local identifier.</summary>
    LocalIdentifier,

    /// <summary><c>phone</c>.</summary>
    Phone,

    /// <summary><c>email</c>.</summary>
    Email,

    /// <summary><c>gp_practice</c>: the ODS code of the registered GP practice
    /// (<see cref="NhsIdentity.Matching.PatientRecord.GpPracticeCode"/>).</summary>
    GpPractice,

    /// <summary>A whole name in one column (<c>Patient Name</c>), split into given and family names by
    /// <see cref="FullNameSplit"/> where no column of their own feeds them.</summary>
    FullName,
}

/// <summary>Standard names of <see cref="PatientField"/> values, as used by <c>FIELD=COLUMN</c> overrides (the CLI's
/// <c>--map</c>) and in descriptions.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class PatientFieldNames
{
    private static readonly string[] Names =
    [
        "id", "nhs_number", "given_name", "middle_name", "family_name", "date_of_birth", "sex", "postcode", "address",
        "local_id", "phone", "email", "gp_practice", "full_name",
    ];

    /// <summary>Gets every field, in declaration order.</summary>
    public static IReadOnlyList<PatientField> All { get; } = Enum.GetValues<PatientField>();

    /// <summary>Gets the standard names, comma separated, for help and error texts.</summary>
    public static string List { get; } = string.Join(", ", Names);

    /// <summary>The standard name of a field, for example <c>nhs_number</c>.</summary>
    /// <param name="field">The field.</param>
    /// <returns>Its standard name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a defined value.</exception>
    public static string ToName(this PatientField field) =>
        (uint)field < (uint)Names.Length ? Names[(int)field] : throw new ArgumentOutOfRangeException(nameof(field));

    /// <summary>
    /// Whether the field takes several columns (their values joined) rather than the first one found.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <returns><see langword="true"/> for <see cref="PatientField.MiddleNames"/> and <see cref="PatientField.Address"/>.</returns>
    public static bool IsJoined(this PatientField field) => field is PatientField.MiddleNames or PatientField.Address;

    /// <summary>Finds a field by its standard name, compared after <see cref="ColumnMapping.Normalise"/>.</summary>
    /// <param name="name">A name such as <c>nhs_number</c> or <c>NHS-Number</c>.</param>
    /// <param name="field">The field found.</param>
    /// <returns>Whether the name is a standard field name.</returns>
    public static bool TryParse(string? name, out PatientField field)
    {
        if (name is null)
        {
            field = default;
            return false;
        }

        var normalised = ColumnMapping.Normalise(name);
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(ColumnMapping.Normalise(Names[i]), normalised, StringComparison.Ordinal))
            {
                field = (PatientField)i;
                return true;
            }
        }

        field = default;
        return false;
    }
}
