using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NhsIdentity.Matching;

namespace NhsIdentity.Server.Storage;

/// <summary>The embedded store: one SQLite file. WAL journal with <c>synchronous=FULL</c>, so a committed
/// transaction is on disk before the write is acknowledged.</summary>
internal sealed class SqlitePatientStore : IPatientStore
{

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly bool _exclusive;

    /// <param name="path">The database file (created when absent).</param>
    /// <param name="time">The clock for the updated/recorded timestamps.</param>
    /// <param name="exclusive">Open every connection in SQLite's exclusive locking mode, unpooled (a bulk load): the
    /// first write fails with SQLite's "database is locked" (SQLITE_BUSY, after the busy timeout) while another process, a running server, has the file
    /// open, instead of writing under an index that would not see the rows.</param>
    public SqlitePatientStore(string path, TimeProvider time, bool exclusive = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Exclusive mode lasts as long as the connection: a pooled one would keep the file locked after the load.
            Pooling = !exclusive,
        }.ToString();
        _time = time;
        _exclusive = exclusive;
    }

    /// <remarks>The patients table is a <c>WITHOUT ROWID</c> table: rows are stored in id order, so the start-up read
    /// (<see cref="ReadAllAsync"/>, in id order) walks the file front to back. In a rowid table it went through the id
    /// index and fetched each row from wherever it had been appended: at a million rows bulk-loaded in file order, about
    /// 7 s of a 9 s read instead of 2 s (benchmarks/results/ServiceLoad.md). A store created before keeps its rowid
    /// table, which answers every query the same, only slower to read whole.</remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
            INSERT INTO schema_version (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_version);
            CREATE TABLE IF NOT EXISTS patients (
                id TEXT NOT NULL PRIMARY KEY,
                record_json TEXT NOT NULL,
                fhir_json TEXT NULL,
                updated_utc TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS models (
                version INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                model_json TEXT NOT NULL,
                recorded_utc TEXT NOT NULL);
            """, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ModelVersion> RecordModelAsync(string modelJson, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var latest = connection.CreateCommand();
        latest.Transaction = transaction;
        latest.CommandText = "SELECT version, model_json FROM models ORDER BY version DESC LIMIT 1;";
        int? previous = null;
        await using (var reader = await latest.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(reader.GetString(1), modelJson, StringComparison.Ordinal))
                {
                    return new ModelVersion(reader.GetInt32(0), Swapped: false);
                }

                previous = reader.GetInt32(0);
            }
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO models (model_json, recorded_utc) VALUES ($json, $utc); SELECT last_insert_rowid();";
        insert.Parameters.AddWithValue("$json", modelJson);
        insert.Parameters.AddWithValue("$utc", Now());
        var version = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ModelVersion(version, Swapped: previous is not null);
    }

    public async IAsyncEnumerable<StoredPatient> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, record_json, fhir_json FROM patients ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    public async Task<StoredPatient?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, record_json, fhir_json FROM patients WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyDictionary<string, StoredPatient>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, StoredPatient>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var name = "$id" + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, id);
        }

        command.CommandText = "SELECT id, record_json, fhir_json FROM patients WHERE id IN (" + string.Join(", ", names) + ");";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var patient = Read(reader);
            found[patient.Id] = patient;
        }

        return found;
    }

    public async Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT COUNT(*) FROM patients WHERE id = $id;";
        exists.Parameters.AddWithValue("$id", patient.Id);
        var added = Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0;

        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO patients (id, record_json, fhir_json, updated_utc) VALUES ($id, $record, $fhir, $utc)
            ON CONFLICT(id) DO UPDATE SET record_json = excluded.record_json, fhir_json = excluded.fhir_json,
                updated_utc = excluded.updated_utc;
            """;
        upsert.Parameters.AddWithValue("$id", patient.Id);
        upsert.Parameters.AddWithValue("$record", patient.RecordJson);
        upsert.Parameters.AddWithValue("$fhir", (object?)patient.FhirJson ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$utc", Now());
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<BatchWriteCounts> UpsertBatchAsync(IReadOnlyList<StoredPatient> patients, CancellationToken cancellationToken)
    {
        BatchWriteCounts.ThrowIfIdsRepeat(patients);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two statements prepared once and bound per row: an insert that leaves a known id alone (one change when the
        // id was new) and an update for the ids it left. Counting changes needs no lookup before each write.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO patients (id, record_json, fhir_json, updated_utc) VALUES ($id, $record, $fhir, $utc) ON CONFLICT(id) DO NOTHING;";
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE patients SET record_json = $record, fhir_json = $fhir, updated_utc = $utc WHERE id = $id;";
        var insertParameters = RowParameters(insert);
        var updateParameters = RowParameters(update);
        insert.Prepare();
        update.Prepare();

        var now = Now();
        var added = 0;
        foreach (var patient in patients)
        {
            var record = patient.RecordJson;
            Bind(insertParameters, patient, record, now);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                added++;
                continue;
            }

            Bind(updateParameters, patient, record, now);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchWriteCounts(added, patients.Count - added);
    }

    private static SqliteParameter[] RowParameters(SqliteCommand command) =>
    [
        command.Parameters.Add("$id", SqliteType.Text),
        command.Parameters.Add("$record", SqliteType.Text),
        command.Parameters.Add("$fhir", SqliteType.Text),
        command.Parameters.Add("$utc", SqliteType.Text),
    ];

    private static void Bind(SqliteParameter[] parameters, StoredPatient patient, string record, string now)
    {
        parameters[0].Value = patient.Id;
        parameters[1].Value = record;
        parameters[2].Value = (object?)patient.FhirJson ?? DBNull.Value;
        parameters[3].Value = now;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM patients WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static StoredPatient Read(SqliteDataReader reader) =>
        StoredPatient.FromRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (_exclusive)
            {
                // Before the connection first touches the WAL: then SQLite keeps no shared-memory index and a write
                // needs every other connection to the file closed.
                await ExecuteAsync(connection, "PRAGMA locking_mode=EXCLUSIVE;", cancellationToken).ConfigureAwait(false);
            }

            // FULL: the WAL is synced at every commit, so an acknowledged write survives power loss, not only a crash.
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
