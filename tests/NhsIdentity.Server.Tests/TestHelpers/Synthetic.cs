using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>Invented people with 999-range (test) NHS numbers.</summary>
internal static class Synthetic
{
    public static string NhsNumber(int seed) =>
        new NhsNumberGenerator(seed, NhsNumberRegion.Test).Next().ToString("N", CultureInfo.InvariantCulture);

    public static Patient Patient(string nhsNumber, string given = "Ardith", string family = "Quellwater", string birthDate = "1961-04-17", string postcode = "LS1 4AP") =>
        new()
        {
            Identifier = [new Identifier(UkCoreSystems.NhsNumber, nhsNumber)],
            Name = [new HumanName { Family = family, Given = [given] }],
            BirthDate = birthDate,
            Gender = AdministrativeGender.Female,
            Address = [new Address { Line = ["12 Imaginary Row"], City = "Leeds", PostalCode = postcode }],
        };

    public static StringContent Fhir(Resource resource) => Fhir(resource.ToJson());

    public static StringContent Fhir(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return content;
    }

    public static Parameters MatchParameters(Patient patient, int? count = null, bool? onlyCertain = null)
    {
        var parameters = new Parameters();
        parameters.Add("resource", patient);
        if (count is { } c)
        {
            parameters.Add("count", new Integer(c));
        }

        if (onlyCertain is { } o)
        {
            parameters.Add("onlyCertainMatches", new FhirBoolean(o));
        }

        return parameters;
    }

    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : Resource =>
        Strict.Deserialize<T>(await response.Content.ReadAsStringAsync());
}
