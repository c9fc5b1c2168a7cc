using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Matching;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;
using FhirModel = Hl7.Fhir.Model;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>
/// Rounds of write storm, SIGKILL, restart and check, on one store (issue 16: "a kill -9 of the server during a write
/// storm, then restart: every acknowledged write is present, nothing half-applied"). Every few rounds the service is
/// also stopped cleanly, so it saves its index snapshot and later restarts load that snapshot and catch up with the
/// writes made after it; the first restart has no snapshot and rebuilds from the store.
/// </summary>
/// <remarks>
/// <para>After each restart: the store itself (read directly, beside the service) must hold, for every id, the last
/// acknowledged content or the content of the write in flight at the kill, byte for byte (anything else is lost or
/// torn), and no id that was never written (extra). The service's reads of the ids written in the round must agree
/// with the store, its index must count the store's records, and its answers to <c>/match</c> (ids straight from the
/// index) must equal, id for id and weight for weight, those of an index rebuilt from the store alone, for queries by
/// the round's records and a sample of older ones.</para>
/// <para>SIGKILL is a process crash: the operating system keeps every byte the service wrote. It does not test a power
/// cut, where only what was synced survives (see benchmarks/results/Reliability.md).</para>
/// </remarks>
internal sealed class KillRounds(KillRounds.Settings settings, KillRounds.StoreAccess store, Action<string> log)
{
    public const string ApiKey = "kill-test-key-not-a-secret";

    /// <summary>How many rounds, how big a storm, how often a clean stop; the seed picks each round's kill point
    /// (between a quarter and three quarters of the storm's requests) and the clients' writes.</summary>
    public sealed record Settings(int Rounds, int Clients, int WritesPerRound, int Seed, int CleanStopEvery, int IndexSample);

    /// <summary>The service's settings for this store (without the key file), where its snapshot is (if any), a
    /// direct reader of what the store holds (id to the stored FHIR resource), and the store as the service opens it,
    /// for an index rebuilt from it alone.</summary>
    public sealed record StoreAccess(IReadOnlyDictionary<string, string> ServiceSettings, string? SnapshotPath,
        Func<CancellationToken, Task<IReadOnlyDictionary<string, string?>>> ReadAsync, Func<IPatientStore> CreateStore);

    /// <summary>As many candidates as <c>/match</c> gives.</summary>
    private const int MatchCount = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private readonly WriteLedger _ledger = new();
    private readonly Random _random = new(settings.Seed);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>A progress line with the time since the start (for reading a slow run; nothing is asserted on it).</summary>
    private void Log(string text) => log(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds,7:F2} s  {text}"));

    public KillTally Tally { get; } = new();

    public async Task RunAsync(string keyFile, CancellationToken cancellationToken)
    {
        var service = new Dictionary<string, string>(store.ServiceSettings, StringComparer.Ordinal) { ["ApiKeyFile"] = keyFile };
        var server = await ServerProcess.StartAsync(service, cancellationToken);
        try
        {
            for (var round = 1; round <= settings.Rounds; round++)
            {
                var plan = new WriteStorm.Plan(round, settings.Clients, settings.WritesPerRound,
                    _random.Next(settings.WritesPerRound / 4, (settings.WritesPerRound * 3 / 4) + 1), settings.Seed);
                var storm = await WriteStorm.RunAsync(server, ApiKey, _ledger, plan, cancellationToken);
                Log($"round {round}: killed after {storm.Acknowledged} acknowledged writes ({plan.KillAfter} planned), {storm.InFlightAtKill} in flight");
                Tally.Rounds++;
                Tally.Acknowledged += storm.Acknowledged;
                Tally.InFlight += storm.InFlightAtKill;
                server.Dispose();

                server = await ServerProcess.StartAsync(service, cancellationToken);
                if (server.SnapshotRefused)
                {
                    Tally.Problem($"round {round}: the snapshot was refused after a kill (a clean stop writes it whole, a kill never writes it)");
                }

                if (server.StartedFromSnapshot)
                {
                    Tally.SnapshotRestarts++;
                }
                else
                {
                    Tally.RebuildRestarts++;
                }

                Log($"round {round}: restarted ({(server.StartedFromSnapshot ? "from the snapshot" : "from the store")})");
                await CheckAsync(server, round, cancellationToken);
                Log($"round {round}: checked");

                if (round % settings.CleanStopEvery == 0 && round < settings.Rounds)
                {
                    var exit = server.Stop();
                    Assert.True(exit == 0, $"round {round}: the clean stop exited with {exit}. The service's last lines:\n{server.Tail()}");
                    Assert.True(store.SnapshotPath is null || File.Exists(store.SnapshotPath), $"round {round}: the clean stop saved no snapshot.");
                    server.Dispose();
                    server = await ServerProcess.StartAsync(service, cancellationToken);
                    Assert.True(store.SnapshotPath is null || server.StartedFromSnapshot, $"round {round}: the start after a clean stop did not use its snapshot:\n{server.Tail()}");
                    Log($"round {round}: stopped cleanly and started from the snapshot");
                }
            }
        }
        finally
        {
            server.Dispose();
        }
    }

    private async Task CheckAsync(ServerProcess server, int round, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(cancellationToken);
        CheckStore(stored, round);

        using var client = server.Client(ApiKey);
        var touched = _ledger.Touched;
        foreach (var id in touched)
        {
            using var read = await client.GetAsync(new Uri("/fhir/Patient/" + id, UriKind.Relative), cancellationToken);
            var served = read.StatusCode == HttpStatusCode.OK ? await read.Content.ReadAsStringAsync(cancellationToken)
                : read.StatusCode == HttpStatusCode.NotFound ? null
                : throw new InvalidOperationException($"round {round}: reading {id} answered {(int)read.StatusCode}.");
            if (!string.Equals(served, stored.GetValueOrDefault(id), StringComparison.Ordinal))
            {
                Tally.Problem($"round {round}: the service's read of {id} disagrees with its store");
            }
        }

        using (var ready = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken)))
        {
            var indexed = ready.RootElement.GetProperty("records").GetInt32();
            if (indexed != stored.Count)
            {
                Tally.IndexDisagreements++;
                Tally.Problem($"round {round}: the index holds {indexed} records, the store {stored.Count}");
            }
        }

        await CompareIndexAsync(client, stored, touched, round, cancellationToken);
        _ledger.Settle(stored);
    }

    /// <summary>Lost, torn and extra records: the store against the ledger.</summary>
    private void CheckStore(IReadOnlyDictionary<string, string?> stored, int round)
    {
        foreach (var state in _ledger.Ids)
        {
            var found = stored.GetValueOrDefault(state.Id);
            if (string.Equals(found, state.Settled, StringComparison.Ordinal))
            {
                if (state.InFlight is not null && !string.Equals(found, state.InFlight.Content, StringComparison.Ordinal))
                {
                    Tally.InFlightDropped++;
                }

                continue;
            }

            if (state.InFlight is not null && string.Equals(found, state.InFlight.Content, StringComparison.Ordinal))
            {
                Tally.InFlightLanded++;
                continue;
            }

            if (found is not null && !state.Sent.Contains(found))
            {
                Tally.Torn++;
                Tally.Problem($"round {round}: {state.Id} holds content that was never sent for it (torn)");
            }
            else
            {
                Tally.Lost++;
                Tally.Problem($"round {round}: {state.Id} lost its acknowledged {(state.Settled is null ? "delete" : found is null ? "write (absent)" : "write (an older version)")}");
            }
        }

        foreach (var id in stored.Keys.Where(id => !_ledger.Contains(id)))
        {
            Tally.Extra++;
            Tally.Problem($"round {round}: {id} is stored but was never written");
        }
    }

    /// <summary>The restarted service's <c>/match</c> answers against those of an index rebuilt from the store alone
    /// (the service's own <see cref="IdentityIndex"/>, loaded here without a snapshot), for the round's ids and a
    /// sample of older ones: each query is a record's stored content (or, for an absent id, the last content sent for
    /// it, which must then be found nowhere).</summary>
    private async Task CompareIndexAsync(HttpClient restarted, IReadOnlyDictionary<string, string?> stored,
        IReadOnlyCollection<string> touched, int round, CancellationToken cancellationToken)
    {
        var older = _ledger.Ids.Select(s => s.Id).Where(id => !touched.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var queries = touched.Concat(older.OrderBy(_ => _random.Next()).Take(settings.IndexSample)).ToList();

        var referenceStore = store.CreateStore();
        try
        {
            using var reference = new IdentityIndex(referenceStore);
            await reference.LoadAsync(MatchModel.Default, snapshotPath: null, cancellationToken);
            foreach (var id in queries)
            {
                var content = stored.GetValueOrDefault(id) ?? _ledger[id].LastSent;
                if (content is null)
                {
                    continue;
                }

                var record = FhirPatientMapper.ToPatientRecord(Strict.Deserialize<FhirModel.Patient>(content)) with { Id = null };
                var answer = await MatchAsync(restarted, record, cancellationToken);
                List<(string Id, double Weight)> expected = [.. reference.Index.FindMatches(record, MatchCount)
                    .Select(m => (m.Id!, m.Score.Weight)).OrderByDescending(m => m.Weight).ThenBy(m => m.Item1, StringComparer.Ordinal)];
                var present = stored.ContainsKey(id);
                if (!answer.SequenceEqual(expected))
                {
                    Tally.IndexDisagreements++;
                    Tally.Problem($"round {round}: the match by {id}'s record differs from a rebuilt index's ([{string.Join(", ", answer)}] against [{string.Join(", ", expected)}])");
                }
                else if (present != answer.Any(m => m.Id == id) || answer.Any(m => !stored.ContainsKey(m.Id)))
                {
                    Tally.IndexDisagreements++;
                    Tally.Problem($"round {round}: the match by {id}'s record {(present ? "misses it" : "finds it although it is not stored")} or names a record the store lacks");
                }
            }
        }
        finally
        {
            (referenceStore as IDisposable)?.Dispose();
        }

        Log($"round {round}: {queries.Count} matches compared with an index rebuilt from the store");
    }

    private static async Task<List<(string Id, double Weight)>> MatchAsync(HttpClient client, PatientRecord record, CancellationToken cancellationToken)
    {
        using var query = JsonContent.Create(record, options: Json);
        using var response = await client.PostAsync(new Uri("/match?count=" + MatchCount.ToString(CultureInfo.InvariantCulture), UriKind.Relative), query, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. json.RootElement.GetProperty("matches").EnumerateArray()
            .Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("weight").GetDouble()))
            .OrderByDescending(m => m.Item2).ThenBy(m => m.Item1, StringComparer.Ordinal)];
    }
}

/// <summary>What the kill rounds found, and the markdown row the benchmark script prints.</summary>
internal sealed class KillTally
{
    private const int KeptProblems = 20;
    private readonly List<string> _problems = [];

    public int Rounds { get; set; }

    public int Acknowledged { get; set; }

    public int InFlight { get; set; }

    public int InFlightLanded { get; set; }

    public int InFlightDropped { get; set; }

    public int Lost { get; set; }

    public int Torn { get; set; }

    public int Extra { get; set; }

    public int IndexDisagreements { get; set; }

    public int SnapshotRestarts { get; set; }

    public int RebuildRestarts { get; set; }

    public int ProblemCount { get; private set; }

    public IReadOnlyList<string> Problems => _problems;

    public void Problem(string text)
    {
        ProblemCount++;
        if (_problems.Count < KeptProblems)
        {
            _problems.Add(text);
        }
    }

    public static string Header =>
        "| rounds | acknowledged writes | in flight at the kill (landed / not) | lost | torn | extra | index ≠ store | restarts from snapshot / from store |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Rounds} | {Acknowledged} | {InFlight} ({InFlightLanded} / {InFlightDropped}) | {Lost} | {Torn} | {Extra} | {IndexDisagreements} | {SnapshotRestarts} / {RebuildRestarts} |");
}
