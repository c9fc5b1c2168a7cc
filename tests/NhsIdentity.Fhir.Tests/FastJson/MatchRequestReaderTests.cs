using System.Text;
using NhsIdentity.Fhir.FastJson;
using NhsIdentity.Fhir.Tests.TestHelpers;

namespace NhsIdentity.Fhir.Tests.FastJson;

public sealed class MatchRequestReaderTests
{
    private static string WithPatient(string elements) =>
        "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\"" + elements + "}}]}";

    private static string WithParameters(string parameters) =>
        "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}" + parameters + "]}";

    private static bool Fast(string body) => FhirMatchRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out _);

    [Theory]
    [InlineData(",\"gender\":\"Male\"")]
    [InlineData(",\"gender\":\"\"")]
    [InlineData(",\"gender\":\" male\"")]
    [InlineData(",\"gender\":1")]
    [InlineData(",\"birthDate\":\"1985-02-29\"")]
    [InlineData(",\"birthDate\":\"1900-02-29\"")]
    [InlineData(",\"birthDate\":\"1984-13-01\"")]
    [InlineData(",\"birthDate\":\"0000\"")]
    [InlineData(",\"birthDate\":\"1984-2-3\"")]
    [InlineData(",\"birthDate\":\"19840203\"")]
    [InlineData(",\"birthDate\":\" 1984\"")]
    [InlineData(",\"birthDate\":1984")]
    [InlineData(",\"birthDate\":\"1984-02-03T00:00:00\"")]
    [InlineData(",\"name\":[{\"family\":\"\"}]")]
    [InlineData(",\"name\":[{\"given\":[]}]")]
    [InlineData(",\"name\":[{\"given\":[\"A\",null]}]")]
    [InlineData(",\"name\":[{\"given\":\"A\"}]")]
    [InlineData(",\"name\":[{}]")]
    [InlineData(",\"name\":[]")]
    [InlineData(",\"name\":{\"family\":\"x\"}")]
    [InlineData(",\"name\":null")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"family\":\"y\"}]")]
    [InlineData(",\"name\":[{\"family\":\"x\"}],\"name\":[{\"family\":\"y\"}]")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"use\":\"Official\"}]")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"period\":{\"end\":\"2020-02-30\"}}]")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"period\":{}}]")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"foo\":1}]")]
    [InlineData(",\"name\":[{\"family\":\"\\ud800\"}]")]
    [InlineData(",\"telecom\":[{\"system\":\"phone\",\"value\":\"1\",\"rank\":0}]")]
    [InlineData(",\"telecom\":[{\"system\":\"phone\",\"value\":\"1\",\"rank\":-1}]")]
    [InlineData(",\"telecom\":[{\"system\":\"phone\",\"value\":\"1\",\"rank\":1.0}]")]
    [InlineData(",\"telecom\":[{\"system\":\"phone\",\"value\":\"1\",\"rank\":1e0}]")]
    [InlineData(",\"telecom\":[{\"system\":\"phone\",\"value\":\"1\",\"rank\":\"1\"}]")]
    [InlineData(",\"telecom\":[{\"system\":\"phone\",\"value\":\"1\",\"rank\":3000000000}]")]
    [InlineData(",\"telecom\":[{\"system\":\"Phone\",\"value\":\"1\"}]")]
    [InlineData(",\"identifier\":[{\"system\":\"\",\"value\":\"1\"}]")]
    [InlineData(",\"identifier\":[{\"system\":\"urn:x\",\"value\":\"\"}]")]
    [InlineData(",\"identifier\":[{\"system\":\"https://fhir.nhs.u[k/Id/nhs-number\",\"value\":\"1\"}]")]
    [InlineData(",\"identifier\":[{\"system\":\"urn:x\",\"value\":\"1\",\"use\":\"bogus\"}]")]
    [InlineData(",\"id\":\"a b\"")]
    [InlineData(",\"id\":\"\"")]
    [InlineData(",\"id\":\"a_b\"")]
    [InlineData(",\"id\":\"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde\"")]
    [InlineData(",\"address\":[{\"line\":[\"\"]}]")]
    [InlineData(",\"generalPractitioner\":[{\"type\":\"\",\"identifier\":{\"system\":\"s\",\"value\":\"a1\"}}]")]
    [InlineData(",\"fhir_comments\":[\"x\"]")]
    [InlineData("")]
    public void A_patient_the_sdk_refuses_is_refused(string elements)
    {
        var body = WithPatient(elements);

        Assert.False(Fast(body));
        Assert.Null(SdkMatchRequest.Read(body));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Parameters\"}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[]}")]
    [InlineData("{\"resourceType\":\"parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]}")]
    [InlineData("{\"resourceType\":\"Patient\",\"gender\":\"male\"}")]
    [InlineData("{\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"gender\":\"male\"}}]}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}]}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":[{\"resourceType\":\"Patient\",\"gender\":\"male\"}]}]}")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]")]
    public void A_body_the_sdk_refuses_is_refused(string body)
    {
        Assert.False(Fast(body));
        Assert.Null(SdkMatchRequest.Read(body));
    }

    [Theory]
    [InlineData(",{\"name\":\"count\",\"valueInteger\":1.5}")]
    [InlineData(",{\"name\":\"count\",\"valueInteger\":2147483648}")]
    [InlineData(",{\"name\":\"count\",\"valueInteger\":\"5\"}")]
    [InlineData(",{\"name\":\"count\",\"valueInteger\":5,\"valueBoolean\":true}")]
    [InlineData(",{\"name\":\"\",\"valueInteger\":5}")]
    [InlineData(",{\"valueInteger\":5}")]
    [InlineData(",{\"name\":\"onlyCertainMatches\",\"valueBoolean\":\"true\"}")]
    [InlineData(",{\"name\":\"onlyCertainMatches\",\"valueBoolean\":null}")]
    [InlineData(",{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"female\"}}")]
    public void Parameters_the_sdk_path_refuses_are_refused(string parameters)
    {
        var body = WithParameters(parameters);

        Assert.False(Fast(body));
        Assert.Null(SdkMatchRequest.Read(body));
    }

    /// <summary>Valid FHIR outside the subset: the fast reader leaves it to the SDK, which reads it.</summary>
    [Theory]
    [InlineData(",\"extension\":[{\"url\":\"http://example.org/x\",\"valueString\":\"a\"}]")]
    [InlineData(",\"active\":true")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"_family\":{\"id\":\"a\"}}]")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"period\":{\"end\":\"2020-01-01T10:00:00Z\"}}]")]
    [InlineData(",\"name\":[{\"family\":\"x\",\"text\":\"x\"}]")]
    [InlineData(",\"identifier\":[{\"system\":\"a b\",\"value\":\"1\"}]")]
    [InlineData(",\"generalPractitioner\":[{\"reference\":\"Organization/1\"}]")]
    [InlineData(",\"address\":[{\"line\":[\"1 Road\"],\"type\":\"postal\"}]")]
    public void Valid_fhir_outside_the_subset_goes_to_the_sdk(string elements)
    {
        var body = WithPatient(elements);

        Assert.False(Fast(body));
        Assert.NotNull(SdkMatchRequest.Read(body));
    }

    [Theory]
    [InlineData(",{\"name\":\"count\",\"valueInteger\":5,\"_valueInteger\":{\"id\":\"a\"}}")]
    [InlineData(",{\"name\":\"count\",\"part\":[{\"name\":\"x\",\"valueInteger\":5}]}")]
    [InlineData(",{\"name\":\"count\",\"valueString\":\"5\"}")]
    [InlineData(",{\"name\":\"foo\",\"valueInteger\":5}")]
    [InlineData(",{\"name\":\"count\",\"valueInteger\":5},{\"name\":\"count\",\"valueInteger\":5}")]
    [InlineData("],\"id\":\"x\",\"parameter2\":[1")]
    public void Other_parameters_go_to_the_sdk(string parameters)
    {
        var body = WithParameters(parameters);

        Assert.False(Fast(body));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]} x")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]}{}")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"},}]}")]
    [InlineData("{\"resourceType\":\"Parameters\",/*c*/\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"}}]}")]
    public void Text_the_sdk_tolerates_around_the_json_goes_to_the_sdk(string body)
    {
        // The SDK path is lenient here (trailing text, trailing commas): the fast reader is not, and the SDK decides.
        Assert.False(Fast(body));
    }

    [Fact]
    public void Invalid_utf8_goes_to_the_sdk()
    {
        var body = Encoding.UTF8.GetBytes(WithPatient(",\"name\":[{\"family\":\"Ashworth\"}]"));
        body[Array.IndexOf(body, (byte)'A')] = 0xC3; // a lead byte with no continuation

        Assert.False(FhirMatchRequestReader.TryRead(body, out _));
    }

    [Fact]
    public void Properties_in_any_order_are_read_as_the_sdk_reads_them()
    {
        var body = "{\"parameter\":[{\"valueInteger\":7,\"name\":\"count\"},{\"resource\":{\"gender\":\"female\",\"birthDate\":\"2000-02-29\",\"resourceType\":\"Patient\","
            + "\"name\":[{\"given\":[\"Zo\\u00eb\",\" Mary \"],\"family\":\"O'Neill\",\"use\":\"usual\",\"period\":{\"start\":\"2001\"}}],"
            + "\"identifier\":[{\"value\":\"9990000018\",\"system\":\"https://fhir.nhs.uk/Id/nhs-number\"}],"
            + "\"telecom\":[{\"rank\":2,\"value\":\"0113 496 0000\",\"system\":\"phone\",\"use\":\"mobile\"}],"
            + "\"address\":[{\"postalCode\":\"LS1 4AP\",\"city\":\"Leeds\",\"line\":[\"1 High Road\"],\"use\":\"home\"}],"
            + "\"generalPractitioner\":[{\"identifier\":{\"value\":\"a81001\",\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\"},\"type\":\"Organization\"}]},"
            + "\"name\":\"resource\"},{\"valueBoolean\":true,\"name\":\"onlyCertainMatches\"}],\"resourceType\":\"Parameters\"}";

        Assert.True(FhirMatchRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out var fast));
        var sdk = SdkMatchRequest.Read(body);
        Assert.NotNull(sdk);
        Assert.True(Hl7.Fhir.Model.PocoEqualityComparisons.IsExactly(fast.Patient, sdk.Value.Patient));
        Assert.Equal(FhirPatientMapper.ToPatientRecord(sdk.Value.Patient), FhirPatientMapper.ToPatientRecord(fast.Patient));
        Assert.Equal(7, fast.Count);
        Assert.True(fast.OnlyCertainMatches);
        Assert.Equal("A81001", FhirPatientMapper.ToPatientRecord(fast.Patient).GpPracticeCode);
    }
}
