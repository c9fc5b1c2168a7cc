using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.ServiceLoad;

/// <summary>The queries: records of one supplier extract (the other extract is indexed), each also as the two request
/// bodies, built before any timing so the clients send bytes, not objects.</summary>
internal sealed class QuerySet
{
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    private QuerySet(PatientRecord[] records, byte[][] fhirBodies, byte[][] jsonBodies)
    {
        Records = records;
        FhirBodies = fhirBodies;
        JsonBodies = jsonBodies;
    }

    public PatientRecord[] Records { get; }

    /// <summary><c>$match</c> Parameters bodies (the Patient resource and nothing else: count defaults to 10).</summary>
    public byte[][] FhirBodies { get; }

    /// <summary><c>/match</c> bodies (the record as the plain JSON API takes it).</summary>
    public byte[][] JsonBodies { get; }

    public int Count => Records.Length;

    /// <summary>Reads up to <paramref name="limit"/> records (ids dropped: a query has none), shuffled with a fixed
    /// seed so consecutive queries are not neighbours in the file.</summary>
    public static QuerySet Read(string path, int limit, int seed)
    {
        var read = PatientCsvReader.ReadFile(path);
        var records = read.Records.Select(r => r with { Id = null }).ToArray();
        new Random(seed).Shuffle(records);
        records = records[..Math.Min(limit, records.Length)];
        var fhir = new byte[records.Length][];
        var json = new byte[records.Length][];
        for (var i = 0; i < records.Length; i++)
        {
            var parameters = new Parameters();
            parameters.Add("resource", FhirPatientMapper.ToPatient(records[i]));
            fhir[i] = Encoding.UTF8.GetBytes(parameters.ToJson());
            json[i] = JsonSerializer.SerializeToUtf8Bytes(records[i], RecordJson);
        }

        return new QuerySet(records, fhir, json);
    }
}
