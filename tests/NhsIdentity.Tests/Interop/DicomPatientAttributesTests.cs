using NhsIdentity.Interop;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Interop;

/// <summary>
/// DICOM patient attributes as an imaging archive holds them (Carestream-style upper-case names with trailing empty
/// components and even-length space padding), mapped to patient records. Invented people, 999-range NHS numbers.
/// Value representations: DICOM PS3.5 6.2 (PN components family^given^middle^prefix^suffix, component groups split by
/// '='; DA yyyyMMdd); attributes: PS3.3 C.7.1.1 Patient Module.
/// </summary>
public sealed class DicomPatientAttributesTests
{
    [Fact]
    public void A_Carestream_style_study_maps_every_attribute()
    {
        var record = new DicomPatientAttributes
        {
            PatientName = "MCALLISTER^FIONA^JANE^MRS^ ",
            PatientId = "RXH4471026",
            IssuerOfPatientId = "RXH ",
            OtherPatientIds = "E55502\\9990000085",
            PatientBirthDate = "19700101",
            PatientSex = "F ",
            PatientAddress = "14 Larch Grove, Didsbury, Manchester, M20 2RN ",
            PatientTelephoneNumbers = "07700 900321\\0161 496 0456",
            RecordId = "ACC-2026-000123",
        }.ToPatientRecord();

        Assert.Equal("ACC-2026-000123", record.Id);
        Assert.Equal("9990000085", record.NhsNumber);     // from Other Patient IDs: the Patient ID is the hospital number
        Assert.Equal("RXH4471026", record.LocalIdentifier);
        Assert.Equal("MCALLISTER", record.FamilyName);
        Assert.Equal("FIONA JANE", record.GivenNames);   // prefix MRS left out
        Assert.Equal("1970-01-01", record.DateOfBirth);
        Assert.Equal("F", record.Sex);
        Assert.Equal("M20 2RN", record.Postcode);
        Assert.Equal("14 Larch Grove, Didsbury, Manchester", record.Address);
        Assert.Equal("07700 900321", record.Phone);
        Assert.Null(record.Email);
    }

    [Theory]
    [InlineData("9990000069", "NHS", null, "9990000069", null)]
    [InlineData("9990000069", "nhs number", null, "9990000069", null)]
    [InlineData("9990000069", null, "2.16.840.1.113883.2.1.4.1", "9990000069", null)]                 // issuer as the NHS number OID (NPfIT OID catalogue)
    [InlineData("9990000069", "", "urn:oid:2.16.840.1.113883.2.1.4.1", "9990000069", null)]
    [InlineData("9990000019", "NHS", null, "9990000019", null)]                                       // marked: kept even with a bad check digit (preparation counts it invalid)
    [InlineData("999 000 0077", null, null, "999 000 0077", null)]                                    // no issuer, a valid NHS number
    [InlineData("9990000019", null, null, null, "9990000019")]                                        // no issuer, fails the check digit: local
    [InlineData("9990000069", "RXH", null, null, "9990000069")]                                       // another issuer: local even when valid
    [InlineData("K123456", "", "", null, "K123456")]
    public void Patient_ID_is_the_NHS_number_when_the_issuer_says_so_or_is_silent_and_the_number_is_valid(
        string patientId, string? issuer, string? universalEntityId, string? nhsNumber, string? localIdentifier)
    {
        var record = new DicomPatientAttributes
        {
            PatientId = patientId,
            IssuerOfPatientId = issuer,
            IssuerOfPatientIdUniversalEntityId = universalEntityId,
            PatientName = "DOE^JANE",
        }.ToPatientRecord();

        Assert.Equal(nhsNumber, record.NhsNumber);
        Assert.Equal(localIdentifier, record.LocalIdentifier);
        Assert.Equal(localIdentifier ?? nhsNumber, record.Id);
    }

    [Theory]
    [InlineData("BROWN^DAVID^^^", "BROWN", "DAVID")]
    [InlineData("BROWN", "BROWN", null)]
    [InlineData("^DAVID", null, "DAVID")]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "Yamada", "Tarou")]  // PS3.5 6.2.1.2 example style: alphabetic group first
    [InlineData("=山田^太郎=やまだ^たろう", "山田", "太郎")]                  // no alphabetic group: the first group with text
    [InlineData("SMITH^JOHN\\SMYTHE^JON", "SMITH", "JOHN")]                // several values: the first
    [InlineData("  ", null, null)]
    public void Person_name_components_map_to_family_and_given_names(string patientName, string? family, string? given)
    {
        var record = new DicomPatientAttributes { PatientName = patientName }.ToPatientRecord();
        Assert.Equal(family, record.FamilyName);
        Assert.Equal(given, record.GivenNames);
    }

    [Theory]
    [InlineData("19780312", "1978-03-12")]
    [InlineData("19780312 ", "1978-03-12")]
    [InlineData("1978.03.12", "1978.03.12")] // ACR-NEMA style: passed on, DateOfBirth reads it
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Birth_date_becomes_ISO(string? birthDate, string? expected) =>
        Assert.Equal(expected, new DicomPatientAttributes { PatientBirthDate = birthDate }.ToPatientRecord().DateOfBirth);

    [Theory]
    [InlineData("12 High Street, Leeds, LS1 4AP", "12 High Street, Leeds", "LS1 4AP")]
    [InlineData("Flat 2, 5 Mill Lane, York YO17HH", "Flat 2, 5 Mill Lane, York", "YO17HH")]
    [InlineData("LS1 4AP", null, "LS1 4AP")]
    [InlineData("3 Rue de la Paix, Paris", "3 Rue de la Paix, Paris", null)]
    [InlineData("12 High Street LS1", "12 High Street LS1", null)] // an outward code alone is not a postcode
    public void A_trailing_postcode_is_split_off_the_address(string patientAddress, string? address, string? postcode)
    {
        var record = new DicomPatientAttributes { PatientAddress = patientAddress }.ToPatientRecord();
        Assert.Equal(address, record.Address);
        Assert.Equal(postcode, record.Postcode);
    }

    [Fact]
    public void Records_prepare_and_ToString_shows_no_values()
    {
        var attributes = new DicomPatientAttributes { PatientName = "SENTINEL^NAME", PatientId = "9990000069", PatientBirthDate = "19700101", PatientSex = "O" };
        Assert.DoesNotContain("SENTINEL", attributes.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("9990000069", attributes.ToString(), StringComparison.Ordinal);

        var set = new RecordSet([attributes.ToPatientRecord()], RecordSetOptions.Default);
        Assert.Equal(1, set.GetCounts(ComparisonKind.NhsNumber).Present);
        Assert.Equal(1, set.GetCounts(ComparisonKind.DateOfBirth).Present);
        Assert.Equal(19700101, set.DateOfBirthValue(0));
    }

    [Fact]
    public void An_empty_attribute_set_gives_an_empty_record()
    {
        var record = new DicomPatientAttributes().ToPatientRecord();
        Assert.Null(record.Id);
        Assert.Null(record.NhsNumber);
        Assert.Null(record.FamilyName);
        Assert.Null(record.Address);
        Assert.Null(record.Phone);
    }
}
