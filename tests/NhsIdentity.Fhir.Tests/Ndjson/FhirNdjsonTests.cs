using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir.Tests.Mapping;
using NhsIdentity.Fhir.Tests.TestHelpers;

namespace NhsIdentity.Fhir.Tests.Ndjson;

public sealed class FhirNdjsonTests
{
    // Every bad line below carries the marker, so a test can prove no result ever repeats a line's content.
    private const string Marker = "Zebedee";

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public void Each_line_gives_a_record_or_a_typed_failure_with_its_line_number()
    {
        var input = Lines(
            FhirExamples.ToJson(FhirExamples.Patient("patient-full.json")),
            "",
            "{\"resourceType\":\"Patient\",\"id\":\"p3\",\"name\":[{\"family\":\"" + Marker + "\"}", // truncated
            "{\"resourceType\":\"Observation\",\"id\":\"obs-1\",\"status\":\"final\",\"code\":{\"text\":\"" + Marker + "\"}}",
            "{\"resourceType\":\"Patient\",\"id\":\"p5\",\"gender\":\"" + Marker + "\"}",
            "[\"" + Marker + "\"]",
            "{\"id\":\"p7\",\"name\":[{\"family\":\"" + Marker + "\"}]}",
            "   ",
            FhirExamples.ToJson(FhirExamples.Patient("patient-partial.json")));

        var results = FhirNdjson.ReadPatients(new StringReader(input)).ToList();

        Assert.Equal(
            [
                (1L, FhirNdjsonError.None),
                (3L, FhirNdjsonError.InvalidJson),
                (4L, FhirNdjsonError.NotAPatient),
                (5L, FhirNdjsonError.InvalidResource),
                (6L, FhirNdjsonError.InvalidJson),
                (7L, FhirNdjsonError.NotAPatient),
                (9L, FhirNdjsonError.None),
            ],
            results.Select(r => (r.LineNumber, r.Error)));

        Assert.True(results[0].IsSuccess);
        Assert.Equal("pas-100234", results[0].Record!.Id);
        Assert.Equal("9991234004", results[0].Record!.NhsNumber);
        Assert.Equal("pas-100234", results[0].Patient!.Id);
        Assert.Equal("Tomasz Piotr", results[6].Record!.GivenNames);

        foreach (var failure in results.Where(r => !r.IsSuccess))
        {
            Assert.Null(failure.Record);
            Assert.Null(failure.Patient);
            Assert.DoesNotContain(Marker, failure.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Recoverable_flaws_keep_the_rest_of_the_record()
    {
        // An impossible date is kept as text (the record set counts it as invalid); an empty family name, a boolean
        // written as a string and an element from a later FHIR version lose nothing.
        var line = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"active\":\"true\",\"birthDate\":\"1948-13-45\","
            + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9991234004\"}],"
            + "\"name\":[{\"family\":\"\",\"given\":[\"Margaret\"]}],\"futureElement\":{\"x\":1}}";
        var result = Assert.Single(FhirNdjson.ReadPatients(new StringReader(line)));
        Assert.True(result.IsSuccess);
        Assert.Equal("9991234004", result.Record.NhsNumber);
        Assert.Equal("1948-13-45", result.Record.DateOfBirth);
        Assert.Equal("Margaret", result.Record.GivenNames);
        Assert.Null(result.Record.FamilyName);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",\"birthDate\":19481102}")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":{\"family\":\"Zebedee\"}}")]
    [InlineData("{\"resourceType\":\"Patient\",\"gender\":\"zebedee\"}")]
    [InlineData("{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"pigeon\",\"value\":\"Zebedee\"}]}")]
    public void Values_the_fhir_type_cannot_hold_make_the_line_invalid(string line)
    {
        var result = FhirNdjson.ReadPatient(line, 42);
        Assert.Equal(new FhirNdjsonResult(42, null, null, FhirNdjsonError.InvalidResource), result);
        Assert.Equal("FhirNdjsonResult(Line 42, InvalidResource)", result.ToString());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"resourceType\":\"Patient\"} {}")] // two values on one line
    [InlineData("\"Patient\"")]
    [InlineData("null")]
    [InlineData("{\"resourceType\":\"Patient\",}")] // trailing comma
    [InlineData("{\"resourceType\":\"Patient\" /* comment */}")]
    public void Text_that_is_not_one_json_object_is_invalid_json(string line) =>
        Assert.Equal(FhirNdjsonError.InvalidJson, FhirNdjson.ReadPatient(line, 1).Error);

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"resourceType\":\"patient\"}")] // resource types are case-sensitive
    [InlineData("{\"resourceType\":7}")]
    [InlineData("{\"contained\":[{\"resourceType\":\"Patient\"}]}")] // only the top level counts
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}")]
    public void Objects_that_are_not_patients_are_reported_as_such(string line) =>
        Assert.Equal(FhirNdjsonError.NotAPatient, FhirNdjson.ReadPatient(line, 1).Error);

    [Fact]
    public void Windows_line_endings_and_a_missing_final_newline_are_read()
    {
        var input = "{\"resourceType\":\"Patient\",\"id\":\"a\"}\r\n\r\n{\"resourceType\":\"Patient\",\"id\":\"b\"}";
        var results = FhirNdjson.ReadPatients(new StringReader(input)).ToList();
        Assert.Equal([(1L, "a"), (3L, "b")], results.Select(r => (r.LineNumber, r.Record!.Id)));
    }

    [Fact]
    public void Reading_is_lazy_and_checks_its_argument_at_once()
    {
        Assert.Throws<ArgumentNullException>(() => FhirNdjson.ReadPatients(null!));
        Assert.Throws<ArgumentNullException>(() => FhirNdjson.ReadPatient(null!, 1));
        using var reader = new StringReader(Lines("{\"resourceType\":\"Patient\",\"id\":\"a\"}", "{\"resourceType\":\"Patient\",\"id\":\"b\"}"));
        using var enumerator = FhirNdjson.ReadPatients(reader).GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.Equal("{\"resourceType\":\"Patient\",\"id\":\"b\"}", reader.ReadLine()); // the second line is still unread
    }

    [Fact]
    public void Mapping_options_apply_to_every_line()
    {
        var options = FhirPatientMapperOptions.Default with { ReferenceDate = new DateOnly(2026, 11, 25) };
        var line = FhirExamples.ToJson(FhirExamples.Patient("patient-partial.json"));
        Assert.Equal("SR1 1RE", FhirNdjson.ReadPatient(line, 1, options).Record!.Postcode);
        Assert.Null(FhirNdjson.ReadPatient(line, 1).Record!.Postcode);
    }

    [Fact]
    public void The_mapper_refuses_a_leniently_read_patient_without_quoting_its_value()
    {
        var ostrich = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Ostrich));
        var patient = ostrich.Deserialize<Patient>("{\"resourceType\":\"Patient\",\"gender\":\"" + Marker + "\"}");
        var exception = Assert.Throws<ArgumentException>(() => FhirPatientMapper.ToPatientRecord(patient));
        Assert.DoesNotContain(Marker, exception.ToString(), StringComparison.OrdinalIgnoreCase);

        var badName = ostrich.Deserialize<Patient>("{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"" + Marker + "\",\"family\":\"Ashworth\"}]}");
        exception = Assert.Throws<ArgumentException>(() => FhirPatientMapper.SelectName(badName));
        Assert.DoesNotContain(Marker, exception.ToString(), StringComparison.OrdinalIgnoreCase);
        var badAddress = ostrich.Deserialize<Patient>("{\"resourceType\":\"Patient\",\"address\":[{\"use\":\"" + Marker + "\",\"city\":\"Leeds\"}]}");
        exception = Assert.Throws<ArgumentException>(() => FhirPatientMapper.SelectAddress(badAddress));
        Assert.DoesNotContain(Marker, exception.ToString(), StringComparison.OrdinalIgnoreCase);
        var badTelecom = ostrich.Deserialize<Patient>("{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"" + Marker + "\",\"value\":\"1\"}]}");
        exception = Assert.Throws<ArgumentException>(() => FhirPatientMapper.SelectContact(badTelecom, ContactPoint.ContactPointSystem.Phone));
        Assert.DoesNotContain(Marker, exception.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Records_written_as_ndjson_read_back_equal()
    {
        var writer = new StringWriter();
        var records = new[] { RecordToPatientTests.Margaret, RecordToPatientTests.Margaret };
        foreach (var record in records)
        {
            writer.Write(FhirExamples.ToJson(FhirPatientMapper.ToPatient(record)));
            writer.Write('\n');
        }

        var results = FhirNdjson.ReadPatients(new StringReader(writer.ToString())).ToList();
        Assert.All(results, r => Assert.Equal(MappedFields.Of(RecordToPatientTests.Margaret), MappedFields.Of(r.Record!)));
    }
}
