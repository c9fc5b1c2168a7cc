using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Fhir.FastJson;
using NhsIdentity.Matching;

namespace NhsIdentity.ServiceLoad;

/// <summary>Where a lookup's time goes besides HTTP: each step the service's request path takes, done in this process
/// with the same library calls on the same queries, one thread, mean microseconds per query. The service's
/// <c>$match</c> adds a store read per candidate; <c>/match</c> adds none. The SDK rows and the fast-path rows
/// (System.Text.Json reader and writer, what the service uses unless NhsIdentity:FhirFastPath is off) run on the same
/// queries in the same process, so their difference is the fast path's saving.</summary>
internal static class RequestBreakdown
{
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<string> Measure(PatientIndex index, QuerySet queries, int count)
    {
        count = Math.Min(count, queries.Count);
        // The bundle alone, without the lookup: the lookup's time swings with the neighbours far more than either
        // writer's does, so the two rows that include it cannot tell the writers apart on a busy machine.
        var found = new IReadOnlyList<IndexMatch>[count];
        for (var i = 0; i < count; i++)
        {
            found[i] = index.FindMatches(queries.Records[i], 10);
        }

        var steps = new (string Name, Func<int, object?> Step)[]
        {
            ("$match: parse the Parameters body (Hl7.Fhir, strict)", i => Strict.Deserialize<Parameters>(Encoding.UTF8.GetString(queries.FhirBodies[i]))),
            ("$match: Patient to PatientRecord (FhirPatientMapper)", i => FhirPatientMapper.ToPatientRecord(FhirPatientMapper.ToPatient(queries.Records[i]))),
            ("$match: parse the Parameters body (fast reader, System.Text.Json), Patient included", i => FhirMatchRequestReader.TryRead(queries.FhirBodies[i], out var request) ? request : throw new InvalidOperationException("A query body left the fast reader's subset.")),
            ("$match: fast reader, then its Patient to PatientRecord (FhirPatientMapper)", i => FhirMatchRequestReader.TryRead(queries.FhirBodies[i], out var request) ? FhirPatientMapper.ToPatientRecord(request.Patient) : null),
            ("both: PatientIndex.FindMatches (count 10)", i => index.FindMatches(queries.Records[i], 10)),
            ("$match: searchset Bundle built and serialised (Hl7.Fhir), including its lookup", i => FhirMatchBundle.Create(index.FindMatches(queries.Records[i], 10), id => FhirPatientMapper.ToPatient(new PatientRecord { Id = id, FamilyName = "Quellwater" })).ToJson()),
            ("$match: searchset Bundle written (Utf8JsonWriter), including its lookup", i => WriteFast(index.FindMatches(queries.Records[i], 10))),
            ("$match: searchset Bundle alone (Hl7.Fhir), matches found beforehand", i => FhirMatchBundle.Create(found[i], id => FhirPatientMapper.ToPatient(new PatientRecord { Id = id, FamilyName = "Quellwater" })).ToJson()),
            ("$match: searchset Bundle alone (Utf8JsonWriter), matches found beforehand", i => WriteFast(found[i])),
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

    /// <summary>The fast writer on the same resources as the SDK row (a record with an id and a family name).</summary>
    private static int WriteFast(IReadOnlyList<IndexMatch> matches)
    {
        var output = new ArrayBufferWriter<byte>(4096);
        FhirMatchBundleWriter.Write(output, matches, id => FhirEntryResource.FromRecord(id, new PatientRecord { Id = id, FamilyName = "Quellwater" }));
        return output.WrittenCount;
    }
}
