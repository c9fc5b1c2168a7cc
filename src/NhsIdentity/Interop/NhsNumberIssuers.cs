namespace NhsIdentity.Interop;

/// <summary>
/// Recognises the names suppliers give the NHS number's issuer, in HL7 v2 assigning authorities and DICOM
/// Issuer of Patient ID values.
/// </summary>
/// <remarks>
/// Accepted, ignoring case and surrounding spaces: <c>NHS</c> (the HL7 v2 CX.4 value in NHS England North West
/// GMSA's and Patients Know Best's PID profiles), <c>NHSN</c>, <c>NHS Number</c>/<c>NHSNumber</c>, the NHS number OID
/// <c>2.16.840.1.113883.2.1.4.1</c> (NPfIT OID catalogue; NHS Digital MIM 6.3.01, PDS "Confirm NHS Number" query),
/// with or without <c>urn:oid:</c>, and the FHIR system <c>https://fhir.nhs.uk/Id/nhs-number</c>.
/// </remarks>
internal static class NhsNumberIssuers
{
    /// <summary>The NHS number's OID in the HL7 UK / NPfIT OID catalogue.</summary>
    public const string Oid = "2.16.840.1.113883.2.1.4.1";

    /// <summary>Whether <paramref name="issuer"/> names the NHS number's issuer.</summary>
    /// <param name="issuer">An assigning authority, issuer name or OID.</param>
    /// <returns><see langword="true"/> for the accepted names.</returns>
    public static bool IsNhs(ReadOnlySpan<char> issuer)
    {
        issuer = issuer.Trim();
        if (issuer.StartsWith("urn:oid:", StringComparison.OrdinalIgnoreCase))
        {
            issuer = issuer[8..];
        }

        return issuer.Equals("NHS", StringComparison.OrdinalIgnoreCase)
            || issuer.Equals("NHSN", StringComparison.OrdinalIgnoreCase)
            || issuer.Equals("NHS Number", StringComparison.OrdinalIgnoreCase)
            || issuer.Equals("NHSNumber", StringComparison.OrdinalIgnoreCase)
            || issuer.Equals(Oid, StringComparison.Ordinal)
            || issuer.Equals("https://fhir.nhs.uk/Id/nhs-number", StringComparison.OrdinalIgnoreCase);
    }
}
