using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>
/// The HL7 v2 and FHIR NDJSON readers key a record that came without an id by its ordinal or line; the copy must keep
/// every other field (a field-by-field copy once dropped GpPracticeCode). Invented people, 999-range NHS numbers.
/// </summary>
public sealed class ReaderSupportTests
{
    [Fact]
    public void An_HL7_record_keyed_by_its_ordinal_keeps_its_GP_practice()
    {
        var result = Hl7FileReader.Read("PID|||9990000026^^^NHS^NH||CEDAR^Ann\rPD1|||Riverside Surgery^^^^^^^^^Y02345\n", rejectsPath: null);

        var record = Assert.Single(result.Records);
        Assert.Equal("1", record.Id); // no local identifier and no MSH-10: the message ordinal
        Assert.Equal("9990000026", record.NhsNumber);
        Assert.Equal("Y02345", record.GpPracticeCode);
    }

    [Fact]
    public void A_FHIR_record_keyed_by_its_line_keeps_its_GP_practice()
    {
        using var temp = new TempCsv();
        var path = temp.Write(
            "patients.ndjson",
            "\n{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000026\"}],"
            + "\"generalPractitioner\":[{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y02345\"}}]}\n");

        var result = FhirNdjsonFileReader.Read(path, new PatientSourceOptions([], RejectsPath: null));

        var record = Assert.Single(result.Records);
        Assert.Equal("2", record.Id); // no Patient.id: the line number
        Assert.Equal("9990000026", record.NhsNumber);
        Assert.Equal("Y02345", record.GpPracticeCode);
    }
}
