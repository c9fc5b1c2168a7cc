using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace NhsIdentity.Fhir.Tests.TestHelpers;

/// <summary>The UK Core style examples in Data/ (invented people, 999-range NHS numbers; written for these tests,
/// see Data/README.md), parsed with the Firely SDK's strict deserializer so an example that is not valid FHIR R4
/// fails the test that reads it.</summary>
internal static class FhirExamples
{
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static string Json(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", name));

    public static Patient Patient(string name) => ParsePatient(Json(name));

    public static Patient ParsePatient(string json) => Strict.Deserialize<Patient>(json);

    public static Bundle ParseBundle(string json) => Strict.Deserialize<Bundle>(json);

    /// <summary>Writes a resource as compact FHIR JSON (one line: the NDJSON form).</summary>
    public static string ToJson(Base resource) => resource.ToJson(pretty: false);
}
