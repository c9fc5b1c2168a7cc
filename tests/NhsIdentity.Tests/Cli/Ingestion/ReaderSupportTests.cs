using System.Reflection;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>
/// The HL7 v2 and FHIR NDJSON readers key a record that came without an id by its ordinal or line
/// (<see cref="ReaderSupport.WithId"/>); the copy must keep every other field. Invented people, 999-range NHS numbers.
/// </summary>
public sealed class ReaderSupportTests
{
    [Fact]
    public void WithId_changes_only_the_id_and_keeps_every_other_field()
    {
        // Every string property gets text of its own, so a field a copy forgets (the field-by-field copy this replaced
        // dropped GpPracticeCode) shows up as null here, including fields added after this test was written.
        var properties = typeof(PatientRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.PropertyType == typeof(string))
            .ToArray();
        Assert.Contains(properties, p => p.Name == nameof(PatientRecord.GpPracticeCode));
        var record = new PatientRecord();
        foreach (var property in properties)
        {
            property.SetValue(record, "text of " + property.Name);
        }

        var copy = ReaderSupport.WithId(record, "7");

        Assert.Equal("7", copy.Id);
        Assert.Equal("text of GpPracticeCode", copy.GpPracticeCode);
        foreach (var property in properties.Where(p => p.Name != nameof(PatientRecord.Id)))
        {
            Assert.Equal(property.GetValue(record), property.GetValue(copy));
        }

        Assert.Equal("text of Id", record.Id); // the original is unchanged
    }

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
