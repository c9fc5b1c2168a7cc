using System.Diagnostics.CodeAnalysis;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir;

/// <summary>
/// Maps a FHIR R4 <see cref="Patient"/> (UK Core style) to the <see cref="PatientRecord"/> the matcher reads, and a
/// record back to a <see cref="Patient"/>.
/// </summary>
/// <remarks>
/// <para><b>Reading</b> (<see cref="ToPatientRecord"/>), field by field:</para>
/// <list type="table">
/// <listheader><term>Record field</term><description>Taken from</description></listheader>
/// <item><term>Id</term><description><c>Patient.id</c>.</description></item>
/// <item><term>NhsNumber</term><description>The first <c>identifier</c> with system
/// <see cref="UkCoreSystems.NhsNumber"/>, a value and a <c>use</c> other than <c>old</c>; identifiers of any other
/// system are never read as the NHS number. The verification status extension is not read: the matcher validates the
/// check digit itself, and an unverified number is still evidence.</description></item>
/// <item><term>LocalIdentifier</term><description>See <see cref="FhirPatientMapperOptions.LocalIdentifierSystem"/>.</description></item>
/// <item><term>GivenNames, FamilyName</term><description>The current name (<see cref="SelectName"/>): its
/// <c>given</c> parts joined by single spaces, and its <c>family</c>.</description></item>
/// <item><term>DateOfBirth</term><description><c>birthDate</c> as written: ISO 8601, possibly partial
/// (<c>1984</c>, <c>1984-03</c>), which the record set reads as a partial date.</description></item>
/// <item><term>Sex</term><description><c>gender</c> as its FHIR code (<c>male</c>, <c>female</c>, <c>other</c>,
/// <c>unknown</c>), which <c>SexCodes</c> reads.</description></item>
/// <item><term>Postcode, Address</term><description>The current address (<see cref="SelectAddress"/>): its
/// <c>postalCode</c>; its <c>line</c>s and <c>city</c> joined by <c>", "</c>.</description></item>
/// <item><term>Phone, Email</term><description>The current <c>telecom</c> of system <c>phone</c> and <c>email</c>
/// (<see cref="SelectContact"/>).</description></item>
/// <item><term>GpPracticeCode</term><description>The first <c>generalPractitioner</c> reference whose
/// <c>identifier</c> has system <see cref="UkCoreSystems.OdsOrganizationCode"/> and a value, as UK Core references the
/// registered practice; the value trimmed and upper case (ODS codes are upper case, and HL7 v2 PD1-3 is read the same
/// way). References without that identifier (a Practitioner's GMP number, a <c>reference</c> to a contained or
/// server resource, which is not resolved) and references typed other than <c>Organization</c> are skipped.</description></item>
/// </list>
/// <para><b>Names.</b> A record holds one name. The current name is the first, in order of <c>use</c>,
/// <c>official</c>, then <c>usual</c>, then no use, then <c>temp</c>, that is current (see
/// <see cref="FhirPatientMapperOptions.ReferenceDate"/>) and has a family or given name. <c>old</c> and
/// <c>maiden</c> names are not the current name and are never read; neither is <c>anonymous</c>. A
/// <c>nickname</c> (<c>Bill</c> for <c>William</c>) is not read into the record either: the record holds one
/// given-names string, and the matcher's nickname table already scores William against Bill. Callers who want to
/// look up former names as well can read them from <c>Patient.name</c> and make a second query.</para>
/// <para><b>Addresses and contact points.</b> <c>old</c> addresses and contact points and ones whose period
/// has ended are skipped; <c>work</c> and <c>billing</c> addresses are not where the patient lives and are skipped
/// too. Among the rest an address with <c>use = home</c> wins, then one with no use, then <c>temp</c>. Contact
/// points are taken by <c>rank</c> (1 first; unranked last) and then document order.</para>
/// <para><b>Writing</b> (<see cref="ToPatient"/>): a UK Core style resource with <c>id</c> (the record id as it
/// is: FHIR allows only letters, digits, '-' and '.', at most 64, so a record id outside that gives a resource
/// that strict FHIR parsers reject), an NHS number identifier
/// (ten digits, written only when the record's number is valid), the local identifier (<c>use = usual</c>), one
/// <c>official</c> name, <c>gender</c>, <c>birthDate</c> (ISO 8601, partial when the record's date is), one
/// <c>home</c> address (the record's address split at commas into lines, and the postcode, in canonical form when
/// valid), <c>phone</c> and <c>email</c> contact points, and one <c>generalPractitioner</c> reference of type
/// <c>Organization</c> identified by the GP practice's ODS code (upper case; written only when the code is ASCII
/// letters and digits, as every ODS code is). Fields that are empty, or whose text cannot be read (a date or sex code
/// the library does not recognise), are left out.</para>
/// <para>Reading a written resource gives back a record that the matcher prepares exactly as the original
/// (round trip): the same NHS number, names, date of birth, sex, postcode, address, identifiers, contacts and GP
/// practice, up to spacing and the format (and case) of codes. The methods are thread-safe and never put patient
/// data into exception messages.</para>
/// </remarks>
public static partial class FhirPatientMapper
{
    /// <summary>Reads a FHIR <see cref="Patient"/> into a <see cref="PatientRecord"/> (see the class remarks for
    /// which elements are read).</summary>
    /// <param name="patient">The resource.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <returns>The record; fields the resource does not carry are <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patient"/> is null.</exception>
    /// <exception cref="ArgumentException">An element the mapping reads holds a value its FHIR type cannot hold (the
    /// resource was deserialised in a lenient mode that keeps invalid values, such as a <c>gender</c> outside its
    /// value set). The message does not contain the value.</exception>
    public static PatientRecord ToPatientRecord(Patient patient, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (!TryToPatientRecord(patient, options ?? FhirPatientMapperOptions.Default, out var record))
        {
            FhirThrowHelper.ThrowInvalidElementValue(nameof(patient));
        }

        return record;
    }

    /// <summary>Maps the patient, or returns false when an element the mapping reads holds a value that the Firely
    /// model cannot give as its type (the SDK's typed getters throw for values a lenient deserializer kept).</summary>
    internal static bool TryToPatientRecord(Patient patient, FhirPatientMapperOptions options, [NotNullWhen(true)] out PatientRecord? record)
    {
        try
        {
            record = Map(patient, options);
            return true;
        }
        catch (CodedException)
        {
            // The SDK's message quotes the offending value (patient data): it is dropped here.
            record = null;
            return false;
        }
    }

    private static PatientRecord Map(Patient patient, FhirPatientMapperOptions options)
    {
        var name = SelectNameCore(patient, options);
        var address = SelectAddressCore(patient, options);
        return new PatientRecord
        {
            Id = NullIfBlank(patient.Id),
            NhsNumber = FindNhsNumber(patient),
            LocalIdentifier = FindLocalIdentifier(patient, options),
            GivenNames = name is null ? null : FhirText.JoinWords(name.Given),
            FamilyName = name is null ? null : NullIfBlank(name.Family),
            DateOfBirth = NullIfBlank(patient.BirthDate),
            Sex = patient.Gender is { } gender ? GenderCode(gender) : null,
            Postcode = address is null ? null : NullIfBlank(address.PostalCode),
            Address = address is null ? null : FhirText.JoinAddress(address.Line, address.City),
            Phone = NullIfBlank(SelectContactCore(patient, ContactPoint.ContactPointSystem.Phone, options)?.Value),
            Email = NullIfBlank(SelectContactCore(patient, ContactPoint.ContactPointSystem.Email, options)?.Value),
            GpPracticeCode = FindGpPracticeCode(patient),
        };
    }

    private static string? FindGpPracticeCode(Patient patient)
    {
        foreach (var reference in patient.GeneralPractitioner)
        {
            // A Practitioner (the GP in person) is not the practice, whatever identifier a sender gives it.
            if (reference?.Identifier is { } identifier
                && IsOrganizationType(reference.Type)
                && string.Equals(identifier.System, UkCoreSystems.OdsOrganizationCode, StringComparison.Ordinal)
                && !string.IsNullOrWhiteSpace(identifier.Value))
            {
                return identifier.Value.Trim().ToUpperInvariant();
            }
        }

        return null;
    }

    private static string? FindNhsNumber(Patient patient)
    {
        foreach (var identifier in patient.Identifier)
        {
            if (identifier is not null
                && string.Equals(identifier.System, UkCoreSystems.NhsNumber, StringComparison.Ordinal)
                && identifier.Use != Identifier.IdentifierUse.Old
                && !string.IsNullOrWhiteSpace(identifier.Value))
            {
                return identifier.Value.Trim();
            }
        }

        return null;
    }

    private static string? FindLocalIdentifier(Patient patient, FhirPatientMapperOptions options)
    {
        var wanted = options.LocalIdentifierSystem;
        foreach (var identifier in patient.Identifier)
        {
            if (identifier is null || identifier.Use == Identifier.IdentifierUse.Old || string.IsNullOrWhiteSpace(identifier.Value))
            {
                continue;
            }

            var matches = wanted is null
                ? !string.Equals(identifier.System, UkCoreSystems.NhsNumber, StringComparison.Ordinal)
                : string.Equals(identifier.System, wanted, StringComparison.Ordinal);
            if (matches)
            {
                return identifier.Value.Trim();
            }
        }

        return null;
    }

    /// <summary>Whether a reference's <c>type</c> allows an organisation: absent, <c>Organization</c>, or an absolute
    /// URL of that type (FHIR R4 <c>Reference.type</c> is a URI, relative to the FHIR base when not absolute).</summary>
    private static bool IsOrganizationType(string? type) =>
        type is null
        || string.Equals(type, "Organization", StringComparison.Ordinal)
        || type.EndsWith("/Organization", StringComparison.Ordinal);

    private static string GenderCode(AdministrativeGender gender) => gender switch
    {
        AdministrativeGender.Male => "male",
        AdministrativeGender.Female => "female",
        AdministrativeGender.Other => "other",
        _ => "unknown",
    };

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
