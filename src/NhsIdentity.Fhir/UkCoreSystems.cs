namespace NhsIdentity.Fhir;

/// <summary>The URIs this package reads and writes: UK Core identifier systems and extensions, and the FHIR
/// match-grade extension.</summary>
/// <remarks>Sources: UK Core Patient profile (https://simplifier.net/hl7fhirukcorer4, identifier slice
/// <c>nhsNumber</c>, extension <c>Extension-UKCore-NHSNumberVerificationStatus</c> and element
/// <c>generalPractitioner</c>); FHIR R4 extension <c>match-grade</c>
/// (https://hl7.org/fhir/R4/extension-match-grade.html) and the <c>$match</c> operation
/// (https://hl7.org/fhir/R4/patient-operation-match.html).</remarks>
public static class UkCoreSystems
{
    /// <summary>The identifier system of the NHS number in England and Wales: <c>https://fhir.nhs.uk/Id/nhs-number</c>.</summary>
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>The identifier system of Organisation Data Service (ODS) organisation codes, such as a GP practice's
    /// <c>A81001</c>: <c>https://fhir.nhs.uk/Id/ods-organization-code</c>. UK Core's <c>Patient.generalPractitioner</c>
    /// references the registered practice by an identifier of this system.</summary>
    public const string OdsOrganizationCode = "https://fhir.nhs.uk/Id/ods-organization-code";

    /// <summary>The UK Core extension on the NHS number identifier that says whether the number was traced and
    /// verified: <c>https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus</c>.</summary>
    public const string NhsNumberVerificationStatusExtension =
        "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";

    /// <summary>The code system of the verification status codes (<c>01</c> number present and verified, ...):
    /// <c>https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland</c>.</summary>
    public const string NhsNumberVerificationStatusCodeSystem =
        "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";

    /// <summary>The FHIR extension on <c>Bundle.entry.search</c> that grades a <c>$match</c> candidate:
    /// <c>http://hl7.org/fhir/StructureDefinition/match-grade</c>.</summary>
    public const string MatchGradeExtension = "http://hl7.org/fhir/StructureDefinition/match-grade";
}
