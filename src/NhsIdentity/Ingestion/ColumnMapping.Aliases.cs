using System.Collections.Frozen;

namespace NhsIdentity.Ingestion;

public sealed partial class ColumnMapping
{
    /// <summary>
    /// Column names recognised without <c>--map</c>, in normalised form (see <see cref="Normalise"/>): the standard
    /// names, common supplier and NHS MPS trace-file spellings, and the headers of the public FEBRL and Splink
    /// benchmark files.
    /// </summary>
    private static readonly FrozenDictionary<string, PatientField> Aliases = new Dictionary<string, PatientField>(StringComparer.Ordinal)
    {
        ["id"] = PatientField.Id,
        ["recid"] = PatientField.Id,           // FEBRL rec_id
        ["uniqueid"] = PatientField.Id,        // Splink fake_1000 unique_id
        ["recordid"] = PatientField.Id,

        ["nhsnumber"] = PatientField.NhsNumber,
        ["nhsno"] = PatientField.NhsNumber,

        ["givenname"] = PatientField.GivenName,
        ["givennames"] = PatientField.GivenName,
        ["forename"] = PatientField.GivenName,
        ["forenames"] = PatientField.GivenName,
        ["firstname"] = PatientField.GivenName,
        ["firstnames"] = PatientField.GivenName,

        ["middlename"] = PatientField.MiddleNames,
        ["middlenames"] = PatientField.MiddleNames,

        ["familyname"] = PatientField.FamilyName,
        ["surname"] = PatientField.FamilyName,
        ["lastname"] = PatientField.FamilyName,

        ["dateofbirth"] = PatientField.DateOfBirth,
        ["dob"] = PatientField.DateOfBirth,
        ["birthdate"] = PatientField.DateOfBirth,

        ["sex"] = PatientField.Sex,
        ["gender"] = PatientField.Sex,

        ["postcode"] = PatientField.Postcode,
        ["postalcode"] = PatientField.Postcode,

        ["address"] = PatientField.Address,
        ["addressline"] = PatientField.Address,
        ["streetnumber"] = PatientField.Address, // FEBRL
        ["street"] = PatientField.Address,
        ["suburb"] = PatientField.Address,       // FEBRL
        ["locality"] = PatientField.Address,
        ["town"] = PatientField.Address,
        ["city"] = PatientField.Address,         // Splink fake_1000
        ["county"] = PatientField.Address,

        ["localid"] = PatientField.LocalIdentifier,
        ["patientid"] = PatientField.LocalIdentifier,
        ["localpatientid"] = PatientField.LocalIdentifier,
        ["mrn"] = PatientField.LocalIdentifier,
        ["socsecid"] = PatientField.LocalIdentifier, // FEBRL soc_sec_id
        // NHS trust and PAS numbers: a local identifier, not the id, because a record's id must be unique in its file
        // and these are not always (a patient's case notes, merged registrations); without an id column the local
        // identifier is the id anyway (row number where empty), and as local_id it is also compared when matching.
        ["hospitalno"] = PatientField.LocalIdentifier,
        ["hospitalnumber"] = PatientField.LocalIdentifier,
        ["casenoteno"] = PatientField.LocalIdentifier,
        ["casenotenumber"] = PatientField.LocalIdentifier,
        ["districtno"] = PatientField.LocalIdentifier,
        ["districtnumber"] = PatientField.LocalIdentifier,
        ["pasno"] = PatientField.LocalIdentifier,
        ["pasnumber"] = PatientField.LocalIdentifier,
        ["pasid"] = PatientField.LocalIdentifier,

        ["phone"] = PatientField.Phone,
        ["telephone"] = PatientField.Phone,
        ["phonenumber"] = PatientField.Phone,
        ["telephonenumber"] = PatientField.Phone,
        ["telno"] = PatientField.Phone,
        ["telephoneno"] = PatientField.Phone,
        ["phoneno"] = PatientField.Phone,
        ["mobile"] = PatientField.Phone,
        ["mobileno"] = PatientField.Phone,
        ["mobilenumber"] = PatientField.Phone,
        ["mobilephone"] = PatientField.Phone,

        // One column with the whole name, split by FullNameSplit.
        ["name"] = PatientField.FullName,
        ["patientname"] = PatientField.FullName,
        ["fullname"] = PatientField.FullName,

        ["email"] = PatientField.Email,
        ["emailaddress"] = PatientField.Email,

        // The practice's ODS code, as GP and PAS extracts head it (GP Practice, Practice Code, ODS Code, REGISTERED_GP).
        // A bare "GP" column is not taken: it often holds the doctor's name, not the practice.
        ["gppractice"] = PatientField.GpPractice,
        ["gppracticecode"] = PatientField.GpPractice,
        ["practicecode"] = PatientField.GpPractice,
        ["odscode"] = PatientField.GpPractice,
        ["registeredgp"] = PatientField.GpPractice,
        ["registeredpractice"] = PatientField.GpPractice,
        ["gpcode"] = PatientField.GpPractice,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The field a column name maps to without <c>--map</c>, or none. Numbered address lines
    /// (<c>AddressLine1</c>..., <c>ADDRESS_LINE2</c>, <c>address_1</c>) map to <see cref="PatientField.Address"/>.
    /// </summary>
    /// <param name="columnName">A header cell as read (any case, spaces, underscores, hyphens or dots).</param>
    /// <param name="field">The field.</param>
    /// <returns>Whether the name is recognised.</returns>
    public static bool TryRecognise(string? columnName, out PatientField field)
    {
        if (columnName is null)
        {
            field = default;
            return false;
        }

        var normalised = Normalise(columnName);
        if (Aliases.TryGetValue(normalised, out field))
        {
            return true;
        }

        if (IsNumbered(normalised, "addressline") || IsNumbered(normalised, "address"))
        {
            field = PatientField.Address;
            return true;
        }

        field = default;
        return false;
    }

    /// <summary>
    /// Reduces a column name to the form aliases are compared in: ASCII letters lower-cased, and spaces, tabs,
    /// underscores, hyphens, dots and byte-order marks removed (<c>NHS Number</c>, <c>nhs_number</c> and
    /// <c>NHS-NUMBER</c> all become <c>nhsnumber</c>).
    /// </summary>
    /// <param name="name">A column or field name.</param>
    /// <returns>The normalised name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Create(CountKept(name), name, static (destination, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (!IsDropped(c))
                {
                    destination[written++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
                }
            }
        });
    }

    private static int CountKept(string name)
    {
        var count = 0;
        foreach (var c in name)
        {
            if (!IsDropped(c))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsDropped(char c) => c is ' ' or '\t' or '_' or '-' or '.' or '\uFEFF';

    private static bool IsNumbered(string normalised, string prefix)
    {
        if (normalised.Length <= prefix.Length || !normalised.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in normalised.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
