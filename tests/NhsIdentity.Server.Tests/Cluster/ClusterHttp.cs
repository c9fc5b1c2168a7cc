extern alias synthetic;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhsIdentity.Matching;
using NhsIdentity.Server.Tests.TestHelpers;
using synthetic::NhsIdentity.Synthetic;

namespace NhsIdentity.Server.Tests.Cluster;

/// <summary>What the cluster tests send and compare over HTTP: synthetic records as the plain JSON API takes them, and
/// <c>POST /match</c> answers compared as text (same service code on both sides, so equal answers are equal bytes:
/// ids, order, weights and probabilities to the last digit, decisions).</summary>
internal static class ClusterHttp
{
    public const string ApiKey = "cluster-test-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A PAS extract of <paramref name="people"/> synthetic people (999-range NHS numbers), ids made unique.</summary>
    public static PatientRecord[] Records(int people, int seed) => [.. SupplierExtract
        .Generate(SyntheticPopulation.Generate(people, seed), SupplierDialect.Pas, seed + 1)
        .Select(row => row.ToPatientRecord())
        .DistinctBy(record => record.Id, StringComparer.Ordinal)];

    /// <summary>Queries: the same people as a GP system holds them (other errors), with a fixed seed.</summary>
    public static PatientRecord[] Queries(int people, int seed, int count)
    {
        var gp = SupplierExtract.Generate(SyntheticPopulation.Generate(people, seed), SupplierDialect.Gp, seed + 2)
            .Select(row => row.ToPatientRecord() with { Id = null }).ToArray();
        var random = new Random(seed + 3);
        return [.. Enumerable.Range(0, count).Select(_ => gp[random.Next(gp.Length)])];
    }

    public static HttpClient Client(ServerProcess server)
    {
        var client = server.Client(ApiKey);
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    /// <summary>PUTs records, <paramref name="parallel"/> at a time; every one must be acknowledged.</summary>
    public static async Task PutAllAsync(HttpClient[] clients, IReadOnlyList<PatientRecord> records, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < records.Count)
            {
                using var response = await PutAsync(client, records[i], cancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"PUT {records[i].Id}: {(int)response.StatusCode}");
            }
        }));
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, PatientRecord record, CancellationToken cancellationToken) =>
        client.PutAsJsonAsync(new Uri("/records/" + record.Id, UriKind.Relative), record with { Id = null }, Json, cancellationToken);

    public static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string id, CancellationToken cancellationToken) =>
        client.DeleteAsync(new Uri("/records/" + id, UriKind.Relative), cancellationToken);

    /// <summary>The answer's text, or null with its status when the service did not answer 200.</summary>
    public static async Task<(HttpStatusCode Status, string? Body)> MatchAsync(HttpClient client, PatientRecord query, int count, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(
            new Uri("/match?count=" + count.ToString(CultureInfo.InvariantCulture), UriKind.Relative), query with { Id = null }, Json, cancellationToken);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(cancellationToken) : null);
    }

    /// <summary>One candidate of an answer as compared: everything but the explanation.</summary>
    public readonly record struct Candidate(string Id, double Weight, double Probability, string Decision);

    /// <summary>An answer's candidates, best first (System.Text.Json writes doubles round-trippably, so the weights
    /// read back are the service's to the bit).</summary>
    public static Candidate[] Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.GetProperty("matches").EnumerateArray().Select(m => new Candidate(
            m.GetProperty("id").GetString()!, m.GetProperty("weight").GetDouble(), m.GetProperty("probability").GetDouble(), m.GetProperty("decision").GetString()!))];
    }

    /// <summary>The single-node answer: <paramref name="index"/>'s matches as the service would send them.</summary>
    public static Candidate[] Expected(PatientIndex index, PatientRecord query, int count) => [.. index.FindMatches(query with { Id = null }, count)
        .Select(m => new Candidate(m.Id, m.Score.Weight, m.Score.Probability, m.Score.Decision.ToString()))];

    /// <summary>The single-node index a cluster must agree with after writes: the initial records, then the writes in
    /// order, every record scored with the term frequencies measured over the initial records (the cluster's
    /// snapshot). A single-node service differs here on purpose: it leaves a written record's term-frequency
    /// adjustments to its next refresh (<see cref="PatientIndex.AddOrUpdate"/>), while every bucket applies the
    /// snapshot's table to every record it holds.</summary>
    public static PatientIndex Reference(IReadOnlyList<PatientRecord> initial, IEnumerable<(string Id, PatientRecord? Record)> writes)
    {
        var index = new PatientIndex(MatchModel.Default);
        foreach (var record in initial)
        {
            index.AddOrUpdate(record);
        }

        foreach (var (id, record) in writes)
        {
            if (record is null)
            {
                index.Remove(id);
            }
            else
            {
                index.AddOrUpdate(record with { Id = id });
            }
        }

        index.ApplyTermFrequencies(TermFrequencyTable.Measure(new RecordSet(initial)));
        return index;
    }

    /// <summary>The ids of an answer, best first.</summary>
    public static string[] Ids(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
    }

    /// <summary>The process's resident memory now and at its peak, in MiB (Linux <c>/proc</c>).</summary>
    public static (double Rss, double Peak) Memory(ServerProcess server)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{server.ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line) / 1024.0;
            }
        }

        return (rss, peak);

        static double Kib(string line) =>
            double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
