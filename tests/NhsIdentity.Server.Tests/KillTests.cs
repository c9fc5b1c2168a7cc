using System.Globalization;
using Microsoft.Data.Sqlite;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;
using Npgsql;
using Xunit.Abstractions;

namespace NhsIdentity.Server.Tests;

/// <summary>
/// Issue 16's durability proof: the built service, as a child process, killed with SIGKILL during a write storm and
/// restarted on the same store, keeps every acknowledged write, whole (<see cref="KillRounds"/> says what is checked).
/// Two rounds: the first restart rebuilds its index from the store; then a clean stop saves the snapshot, and the
/// second restart loads that snapshot and catches up with the storm's writes after it.
/// </summary>
/// <remarks>
/// The kill point and the writes come from a seed, but not which writes the kill catches in flight: that depends on
/// timing, and every assertion holds whatever it is (a write in flight may have landed or not; only a half-applied,
/// lost or invented one fails). <c>benchmarks/reliability/serve-kill.sh</c> runs the same rounds at scale through
/// the <c>NHSID_SERVE_KILL_*</c> variables.
/// </remarks>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [ServiceProcessFact]
    public async Task Acknowledged_writes_survive_kill_9_and_restarts_on_sqlite()
    {
        var access = new KillRounds.StoreAccess(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["DataPath"] = _data.DbPath },
            _data.DbPath + ".index",
            ReadSqliteAsync,
            () => new SqlitePatientStore(_data.DbPath, TimeProvider.System));

        await RunAsync(access);
    }

    [ServiceProcessFact(needsPostgres: true)]
    public async Task Acknowledged_writes_survive_kill_9_and_restarts_on_postgres()
    {
        var schema = new TestSchema();
        var snapshot = Path.Combine(_data.Folder, "postgres.index");
        var access = new KillRounds.StoreAccess(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PostgresConnectionString"] = TestPostgres.ConnectionString,
                ["PostgresSchema"] = schema.Name,
                ["IndexSnapshotPath"] = snapshot,
            },
            snapshot,
            token => ReadPostgresAsync(schema.Name, token),
            () => new PostgresPatientStore(TestPostgres.ConnectionString, schema.Name, TimeProvider.System));
        try
        {
            await RunAsync(access);
        }
        finally
        {
            await schema.DropAsync();
        }
    }

    private async Task RunAsync(KillRounds.StoreAccess access)
    {
        var settings = new KillRounds.Settings(
            Rounds: Setting("ROUNDS", 2),
            Clients: Setting("CLIENTS", 4),
            WritesPerRound: Setting("WRITES", 200),
            Seed: Setting("SEED", 16),
            CleanStopEvery: Setting("CLEAN_STOP_EVERY", 1),
            IndexSample: Setting("INDEX_SAMPLE", 100));
        var keyFile = Path.Combine(_data.Folder, "api-key");
        await File.WriteAllTextAsync(keyFile, KillRounds.ApiKey);
        var rounds = new KillRounds(settings, access, output.WriteLine);
        // A hang guard per round, far beyond any load: a round that stalls fails with a message instead of hanging.
        var guard = ServerProcess.HangGuard * (settings.Rounds + 1);
        using var hangGuard = new CancellationTokenSource(guard);

        try
        {
            await rounds.RunAsync(keyFile, hangGuard.Token);
        }
        catch (OperationCanceledException) when (hangGuard.IsCancellationRequested)
        {
            Assert.Fail($"hang guard: the kill rounds did not finish within {guard}.");
        }

        var tally = rounds.Tally;
        output.WriteLine(KillTally.Header);
        output.WriteLine(tally.Row);
        if (Environment.GetEnvironmentVariable("NHSID_SERVE_KILL_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, tally.Row + "\n");
        }

        Assert.True(tally.ProblemCount == 0, $"{tally.ProblemCount} problems, first ones:\n{string.Join('\n', tally.Problems)}\n{tally.Row}");
        Assert.Equal(settings.Rounds, tally.Rounds);
        Assert.True(tally.Acknowledged >= settings.Rounds * settings.WritesPerRound / 4, tally.Row);
        Assert.Equal(tally.InFlight, tally.InFlightLanded + tally.InFlightDropped);
        Assert.True(tally.RebuildRestarts >= 1, "No restart after a kill rebuilt its index from the store: " + tally.Row);
        if (settings.Rounds > settings.CleanStopEvery)
        {
            Assert.True(tally.SnapshotRestarts >= 1, "No restart after a kill loaded a snapshot: " + tally.Row);
        }
    }

    /// <summary>A <c>NHSID_SERVE_KILL_*</c> override (the benchmark script's), else the test's own value.</summary>
    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable("NHSID_SERVE_KILL_" + name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The store's rows, read beside the running service (WAL: a reader never blocks its writer), after an
    /// integrity check of the whole file.</summary>
    private async Task<IReadOnlyDictionary<string, string?>> ReadSqliteAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _data.DbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync(cancellationToken));
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, fhir_json FROM patients;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return rows;
    }

    private static async Task<IReadOnlyDictionary<string, string?>> ReadPostgresAsync(string schema, CancellationToken cancellationToken)
    {
        await using var connection = await TestPostgres.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id, fhir_json FROM \"{schema}\".patients;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return rows;
    }
}

/// <summary>A fact that starts the built service as a child process (and, with <see cref="NeedsPostgres"/>, needs the
/// PostgreSQL test server): skipped with the reason where either is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ServiceProcessFactAttribute : FactAttribute
{
    public ServiceProcessFactAttribute(bool needsPostgres = false)
    {
        NeedsPostgres = needsPostgres;
        Skip = ServerProcess.SkipReason ?? (needsPostgres ? TestPostgres.SkipReason : null);
    }

    public bool NeedsPostgres { get; }
}
