using Hl7.Fhir.Model;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir;

// Record to resource: one value per element, UK Core style. Values are normalised where the library can read them
// (NHS number as ten digits, postcode canonical, date ISO 8601, sex as its FHIR code); text it cannot read is left
// out rather than asserted under a system or type that promises validity.
public static partial class FhirPatientMapper
{
    /// <summary>Writes a <see cref="PatientRecord"/> as a UK Core style FHIR <see cref="Patient"/> (see the class
    /// remarks for the elements written).</summary>
    /// <param name="record">The record.</param>
    /// <param name="options">Mapping options (local identifier system, date order); <see langword="null"/> for
    /// <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <returns>A new resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Patient ToPatient(PatientRecord record, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        options ??= FhirPatientMapperOptions.Default;
        var patient = new Patient { Id = NullIfBlank(record.Id) };

        if (NhsNumber.TryParse(record.NhsNumber, out var nhsNumber) && !nhsNumber.IsEmpty)
        {
            patient.Identifier.Add(new Identifier(UkCoreSystems.NhsNumber, nhsNumber.ToString("N")));
        }

        if (NullIfBlank(record.LocalIdentifier) is { } local)
        {
            patient.Identifier.Add(new Identifier(options.LocalIdentifierSystem, local) { Use = Identifier.IdentifierUse.Usual });
        }

        var family = NullIfBlank(record.FamilyName);
        var given = record.GivenNames is null ? [] : FhirText.SplitWords(record.GivenNames);
        if (family is not null || given.Count > 0)
        {
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = given });
        }

        if (SexCodes.TryParse(record.Sex, out var sex))
        {
            patient.Gender = sex switch
            {
                Sex.Male => AdministrativeGender.Male,
                Sex.Female => AdministrativeGender.Female,
                Sex.Indeterminate or Sex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            };
        }

        if (DateOfBirth.TryParse(record.DateOfBirth, options.DateOrder, out var dateOfBirth) && !dateOfBirth.IsEmpty)
        {
            patient.BirthDate = dateOfBirth.ToString(); // ISO 8601, partial when the date is
        }

        if (ToAddress(record) is { } address)
        {
            patient.Address.Add(address);
        }

        AddContact(patient, ContactPoint.ContactPointSystem.Phone, record.Phone);
        AddContact(patient, ContactPoint.ContactPointSystem.Email, record.Email);

        if (ToOdsCode(record.GpPracticeCode) is { } practice)
        {
            patient.GeneralPractitioner.Add(new ResourceReference
            {
                Type = "Organization",
                Identifier = new Identifier(UkCoreSystems.OdsOrganizationCode, practice),
            });
        }

        return patient;
    }

    /// <summary>The code upper case, or <see langword="null"/> when blank or not ASCII letters and digits: only such
    /// text is an ODS code, and anything else would be asserted under the ODS system.</summary>
    private static string? ToOdsCode(string? code)
    {
        if (NullIfBlank(code) is not { } trimmed)
        {
            return null;
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }
        }

        return trimmed.ToUpperInvariant();
    }

    private static Address? ToAddress(PatientRecord record)
    {
        var lines = record.Address is null ? [] : FhirText.SplitAddressLines(record.Address);
        var postcode = NullIfBlank(record.Postcode);
        if (postcode is not null && Postcode.TryParse(postcode, out var parsed) && !parsed.IsEmpty)
        {
            postcode = parsed.ToString();
        }

        if (lines.Count == 0 && postcode is null)
        {
            return null;
        }

        return new Address { Use = Address.AddressUse.Home, Line = lines, PostalCode = postcode };
    }

    private static void AddContact(Patient patient, ContactPoint.ContactPointSystem system, string? value)
    {
        if (NullIfBlank(value) is { } text)
        {
            patient.Telecom.Add(new ContactPoint(system, null, text));
        }
    }
}
