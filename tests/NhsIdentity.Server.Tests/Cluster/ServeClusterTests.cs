using System.Globalization;
using System.Net;
using NhsIdentity.Matching;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Cluster;

/// <summary>
/// <c>nhsid serve --cluster</c> on one node (localhost clustering, the index's store in memory), as a child process:
/// the same records, lookups and writes give byte-for-byte the answers of the in-process index, so the endpoints really
/// are unchanged by the seam (<c>IServedIndex</c>). After writes, both are compared with a single-node index given
/// the same writes and the start's term frequencies (<see cref="ClusterHttp.Reference"/> says why not with each other).
/// </summary>
/// <remarks>Each side gets its own SQLite store, loaded by the same PUTs and then restarted, so both measure term
/// frequencies over the same records at start (the in-process index does not refresh them on writes, nor does the
/// cluster's snapshot).</remarks>
public sealed class ServeClusterTests : IDisposable
{
    // Above RecordSetOptions.MinimumRecordsForTermFrequencies (1,000 records), so term frequencies take part.
    private const int People = 1_400;
    private const int Seed = 41;

    private readonly TempData _single = new();
    private readonly TempData _cluster = new();

    public void Dispose()
    {
        _single.Dispose();
        _cluster.Dispose();
    }

    [ServiceProcessFact]
    public async Task One_node_cluster_answers_and_writes_exactly_as_the_in_process_index()
    {
        using var cancel = new CancellationTokenSource(ServerProcess.HangGuard * 4);
        var records = ClusterHttp.Records(People, Seed);
        var queries = ClusterHttp.Queries(People, Seed, 150).Concat(records.Take(30)).ToArray();
        var ports = 20_000 + Random.Shared.Next(20_000);
        var cluster = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Cluster:Enabled"] = "true",
            ["Cluster:SiloPort"] = ports.ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = (ports + 1).ToString(CultureInfo.InvariantCulture),
            ["Cluster:Buckets"] = "16",
        };

        var single = await RunAsync(Settings(_single), records, queries, cancel.Token);
        var served = await RunAsync(Settings(_cluster).Concat(cluster).ToDictionary(), records, queries, cancel.Token);

        // Before the writes: the cluster's answers are the in-process index's, byte for byte.
        Assert.Equal(single.Take(queries.Length), served.Take(queries.Length));

        // After them: the cluster's answers are the reference's, and every write shows (a replaced or new record is
        // found by its own content, a removed one by nothing).
        using var reference = ClusterHttp.Reference(records, Writes(records));
        for (var q = 0; q < queries.Length; q++)
        {
            Assert.Equal(ClusterHttp.Expected(reference, queries[q], 10), ClusterHttp.Parse(served[queries.Length + q]));
        }

        // Not a vacuous comparison: most lookups found someone, and the writes changed some answers.
        var found = single.Count(body => ClusterHttp.Ids(body).Length > 0);
        Assert.True(found > single.Count / 2, $"most lookups find candidates ({found} of {single.Count})");
        Assert.NotEqual(served.Take(queries.Length), served.Skip(queries.Length));
    }

    /// <summary>Replacements (another person's details under an indexed id), removals, and new ids.</summary>
    private static List<(string Id, PatientRecord? Record)> Writes(PatientRecord[] records)
    {
        var writes = new List<(string, PatientRecord?)>();
        for (var i = 0; i < 40; i++)
        {
            var target = records[(i * 7) % records.Length].Id!;
            writes.Add(i % 3 == 0 ? (target, null)
                : i % 3 == 1 ? (target, records[(i * 13 + 5) % records.Length] with { Id = target })
                : ("new-" + i.ToString(CultureInfo.InvariantCulture), records[i] with { Id = "new-" + i.ToString(CultureInfo.InvariantCulture) }));
        }

        return writes;
    }

    private static Dictionary<string, string> Settings(TempData data) => new(StringComparer.Ordinal)
    {
        ["DataPath"] = data.DbPath,
        ["ApiKey"] = ClusterHttp.ApiKey,
        ["IndexSnapshot"] = "false",
    };

    /// <summary>Loads, restarts, answers the queries, writes, answers them again: every answer's text in order.</summary>
    private static async Task<List<string>> RunAsync(
        IReadOnlyDictionary<string, string> settings, PatientRecord[] records, PatientRecord[] queries, CancellationToken cancellationToken)
    {
        using (var loading = await ServerProcess.StartAsync(settings, cancellationToken))
        {
            using var client = ClusterHttp.Client(loading);
            await ClusterHttp.PutAllAsync([client], records, cancellationToken);
            Assert.Equal(0, loading.Stop());
        }

        using var server = await ServerProcess.StartAsync(settings, cancellationToken);
        using var http = ClusterHttp.Client(server);
        var answers = new List<string>();
        await AnswerAsync(http, queries, answers, cancellationToken);

        foreach (var (id, record) in Writes(records))
        {
            using var response = record is null
                ? await ClusterHttp.DeleteAsync(http, id, cancellationToken)
                : await ClusterHttp.PutAsync(http, record, cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{(record is null ? "DELETE" : "PUT")} {id}: {(int)response.StatusCode}");
        }

        await AnswerAsync(http, queries, answers, cancellationToken);
        Assert.Equal(0, server.Stop());
        return answers;
    }

    private static async Task AnswerAsync(HttpClient client, PatientRecord[] queries, List<string> answers, CancellationToken cancellationToken)
    {
        foreach (var query in queries)
        {
            var (status, body) = await ClusterHttp.MatchAsync(client, query, 10, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, status);
            answers.Add(body!);
        }
    }
}
