using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Matching;

namespace NhsIdentity.ServiceLoad;

/// <summary>Where a lookup's time goes besides HTTP: each step the service's request path takes, done in this process
/// with the same library calls on the same queries, one thread, mean microseconds per query. The service's
/// <c>$match</c> adds a store read per candidate; <c>/match</c> adds none.</summary>
internal static class RequestBreakdown
{
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<string> Measure(PatientIndex index, QuerySet queries, int count)
    {
        count = Math.Min(count, queries.Count);
        var steps = new (string Name, Func<int, object?> Step)[]
        {
            ("$match: parse the Parameters body (Hl7.Fhir, strict)", i => Strict.Deserialize<Parameters>(Encoding.UTF8.GetString(queries.FhirBodies[i]))),
            ("$match: Patient to PatientRecord (FhirPatientMapper)", i => FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(queries.Records[i]))),
            ("both: PatientIndex.FindMatches (count 10)", i => index.FindMatches(queries.Records[i], 10)),
            ("$match: searchset Bundle built and serialised (Hl7.Fhir)", i => FhirMatchBundle.Create(index.FindMatches(queries.Records[i], 10), id => FhirPatientMapper.ToPatient(new PatientRecord { Id = id, FamilyName = "Quellwater" })).ToJson()),
            ("/match: parse the JSON body (System.Text.Json)", i => JsonSerializer.Deserialize<PatientRecord>(queries.JsonBodies[i], Json)),
        };
        foreach (var (name, step) in steps)
        {
            for (var i = 0; i < Math.Min(500, count); i++)
            {
                step(i); // warm-up
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                GC.KeepAlive(step(i));
            }

            yield return string.Create(CultureInfo.InvariantCulture, $"| {name} | {clock.Elapsed.TotalMicroseconds / count:F0} |");
        }
    }
}
