using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using NhsIdentity.Matching;
using NhsIdentity.Shared;
using Npgsql;

namespace NhsIdentity.Server.Storage;

/// <summary>The production store: PostgreSQL through Npgsql, every table in one schema (default
/// <see cref="DefaultSchema"/>), so several services, or tests, can share a database. Same semantics as
/// <see cref="SqlitePatientStore"/>: ids in ordinal order, model versions 1, 2, 3... with swap detection, and every
/// write committed (and, with <c>synchronous_commit=on</c> for its sessions, flushed to the WAL) before its method
/// returns.</summary>
internal sealed partial class PostgresPatientStore : IPatientStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema used when none is configured.</summary>
    public const string DefaultSchema = "nhsidentity";

    private const int SchemaVersion = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _quotedSchema;
    private readonly TimeProvider _time;

    /// <param name="connectionString">An Npgsql connection string; a secret (it may hold a password), so it is never
    /// logged or put in an exception message.</param>
    /// <param name="schema">The schema for the tables: lower-case letters, digits and underscores, starting with a
    /// letter or underscore, at most 63 characters (so it needs no quoting rules and cannot carry SQL).</param>
    /// <param name="time">The clock for the updated/recorded timestamps.</param>
    public PostgresPatientStore(string connectionString, string schema, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (schema is null || !SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                "The PostgreSQL schema name must be 1 to 63 lower-case letters, digits or underscores, starting with a letter or underscore.",
                nameof(schema));
        }

        ArgumentNullException.ThrowIfNull(time);
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(WithDurableCommits(connectionString));
        }
        catch (ArgumentException exception)
        {
            // Npgsql's message can quote the part it could not parse, which may be a piece of the password.
            throw new ArgumentException($"The PostgreSQL connection string is not valid ({exception.GetType().Name}).", nameof(connectionString));
        }

        _dataSource = builder.Build();
        _schema = schema;
        _quotedSchema = "\"" + schema + "\"";
        _time = time;
    }

    /// <summary>The connection string with <c>synchronous_commit=on</c> as a session start-up option, unless its
    /// <c>Options</c> already set <c>synchronous_commit</c> (an operator's explicit choice). Durable before acknowledged:
    /// a server, database or role configured with <c>synchronous_commit=off</c> acknowledges commits a crash can still
    /// lose. A start-up option, not a <c>SET</c>: Npgsql resets pooled connections with <c>DISCARD ALL</c>, which
    /// undoes a <c>SET</c> but returns to the start-up value.</summary>
    internal static string WithDurableCommits(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.Options?.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase) != true)
        {
            settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? "-c synchronous_commit=on" : settings.Options + " -c synchronous_commit=on";
        }

        return settings.ConnectionString;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => GuardAsync("initialize", async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two services starting together on an empty database would race to create the same tables; the lock (held
        // to the end of this transaction, keyed by the schema name) makes the second wait and then find them.
        await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1));", connection, transaction))
        {
            lockSchema.Parameters.AddWithValue("nhsidentity.schema:" + _schema);
            await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // When the schema is already there it is left as is, without a CREATE: a production role may own the tables
        // but lack the right to create schemas, and CREATE ... IF NOT EXISTS checks that right first.
        await using (var present = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL;", connection, transaction))
        {
            present.Parameters.AddWithValue(_quotedSchema + ".schema_version");
            if ((bool)(await present.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // Ids sort in ordinal (byte) order, as SQLite's BINARY collation does, whatever the database's collation:
        // COLLATE "C" on the key makes ORDER BY id use the primary key's index in that order.
        var s = _quotedSchema;
        await using (var create = new NpgsqlCommand($"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.schema_version (version integer NOT NULL);
            INSERT INTO {s}.schema_version (version) SELECT {SchemaVersion} WHERE NOT EXISTS (SELECT 1 FROM {s}.schema_version);
            CREATE TABLE IF NOT EXISTS {s}.patients (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                record_json text NOT NULL,
                fhir_json text NULL,
                updated_utc timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS {s}.models (
                version integer NOT NULL PRIMARY KEY,
                model_json text NOT NULL,
                recorded_utc timestamptz NOT NULL);
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    });

    public Task<ModelVersion> RecordModelAsync(string modelJson, CancellationToken cancellationToken) => GuardAsync("record the model", async () =>
    {
        ArgumentNullException.ThrowIfNull(modelJson);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // One start at a time reads the latest model and adds the next version: without the lock two services
        // starting with the same new model would both record a swap. Versions are max + 1 under the lock, not a
        // sequence, so they stay 1, 2, 3... as in SQLite (a sequence leaves gaps after a rolled-back insert).
        await using (var lockModels = new NpgsqlCommand($"LOCK TABLE {_quotedSchema}.models IN EXCLUSIVE MODE;", connection, transaction))
        {
            await lockModels.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int? previous = null;
        await using (var latest = new NpgsqlCommand($"SELECT version, model_json FROM {_quotedSchema}.models ORDER BY version DESC LIMIT 1;", connection, transaction))
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

        var version = (previous ?? 0) + 1;
        await using (var insert = new NpgsqlCommand($"INSERT INTO {_quotedSchema}.models (version, model_json, recorded_utc) VALUES ($1, $2, $3);", connection, transaction))
        {
            insert.Parameters.AddWithValue(version);
            insert.Parameters.AddWithValue(modelJson);
            insert.Parameters.AddWithValue(_time.GetUtcNow());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ModelVersion(version, Swapped: previous is not null);
    });

    public async IAsyncEnumerable<StoredPatient> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An iterator cannot yield inside a try with a catch, so each step that touches the database is guarded.
        var connection = await GuardAsync("read all patients", () => _dataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand($"SELECT id, record_json, fhir_json FROM {_quotedSchema}.patients ORDER BY id;", connection);
            var reader = await GuardAsync("read all patients", () => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await GuardAsync("read all patients", () => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
                {
                    yield return Read(reader);
                }
            }
        }
    }

    public Task<StoredPatient?> GetAsync(string id, CancellationToken cancellationToken) => GuardAsync("read a patient", async () =>
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _dataSource.CreateCommand($"SELECT id, record_json, fhir_json FROM {_quotedSchema}.patients WHERE id = $1;");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    });

    public Task<IReadOnlyDictionary<string, StoredPatient>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var array = ids.ToArray();
        return GuardAsync<IReadOnlyDictionary<string, StoredPatient>>("read patients", async () =>
        {
            var found = new Dictionary<string, StoredPatient>(array.Length, StringComparer.Ordinal);
            if (array.Length == 0)
            {
                return found;
            }

            await using var command = _dataSource.CreateCommand($"SELECT id, record_json, fhir_json FROM {_quotedSchema}.patients WHERE id = ANY($1);");
            command.Parameters.AddWithValue(array);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var patient = Read(reader);
                found[patient.Id] = patient;
            }

            return found;
        });
    }

    public Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return GuardAsync("write a patient", async () =>
        {
            // One autocommitted statement: committed when it returns. xmax is 0 only on a row version this statement
            // inserted, so "added" is decided atomically with the write, even when two writers race on a new id.
            await using var command = _dataSource.CreateCommand($"""
                INSERT INTO {_quotedSchema}.patients AS p (id, record_json, fhir_json, updated_utc) VALUES ($1, $2, $3, $4)
                ON CONFLICT (id) DO UPDATE SET record_json = excluded.record_json, fhir_json = excluded.fhir_json,
                    updated_utc = excluded.updated_utc
                RETURNING (p.xmax = 0);
                """);
            command.Parameters.AddWithValue(patient.Id);
            command.Parameters.AddWithValue(patient.RecordJson);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)patient.FhirJson ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.AddWithValue(_time.GetUtcNow());
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        });
    }

    public Task<BatchWriteCounts> UpsertBatchAsync(IReadOnlyList<StoredPatient> patients, CancellationToken cancellationToken)
    {
        BatchWriteCounts.ThrowIfIdsRepeat(patients);
        var ids = new string[patients.Count];
        var records = new string[patients.Count];
        var fhir = new string?[patients.Count];
        for (var i = 0; i < patients.Count; i++)
        {
            ids[i] = patients[i].Id;
            records[i] = patients[i].RecordJson;
            fhir[i] = patients[i].FhirJson;
        }

        return GuardAsync("write a batch of patients", async () =>
        {
            // One autocommitted statement over three arrays: one round trip for the batch, all rows or none. xmax is 0
            // only on a row version this statement inserted, as in UpsertAsync. Distinct ids (checked above) keep
            // ON CONFLICT from meeting a row twice, which PostgreSQL refuses.
            await using var command = _dataSource.CreateCommand($"""
                INSERT INTO {_quotedSchema}.patients AS p (id, record_json, fhir_json, updated_utc)
                SELECT r.id, r.record_json, r.fhir_json, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS r (id, record_json, fhir_json)
                ON CONFLICT (id) DO UPDATE SET record_json = excluded.record_json, fhir_json = excluded.fhir_json,
                    updated_utc = excluded.updated_utc
                RETURNING (p.xmax = 0);
                """);
            command.Parameters.AddWithValue(ids);
            command.Parameters.AddWithValue(records);
            command.Parameters.Add(new NpgsqlParameter { Value = fhir, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.AddWithValue(_time.GetUtcNow());
            var added = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                added += reader.GetBoolean(0) ? 1 : 0;
            }

            return new BatchWriteCounts(added, patients.Count - added);
        });
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => GuardAsync("delete a patient", async () =>
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_quotedSchema}.patients WHERE id = $1;");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    });

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private static StoredPatient Read(NpgsqlDataReader reader) =>
        StoredPatient.FromRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));

    /// <summary>Runs one store operation, replacing an Npgsql failure with a <see cref="PatientStoreException"/> that names the
    /// operation, the exception type and PostgreSQL's error code (SQLSTATE) only (<see cref="PostgresGuard"/>).</summary>
    private static Task<T> GuardAsync<T>(string operation, Func<Task<T>> action) => PostgresGuard.RunAsync(action, cause => Failure(operation, cause));

    private static Task GuardAsync(string operation, Func<Task> action) => PostgresGuard.RunAsync(action, cause => Failure(operation, cause));

    private static PatientStoreException Failure(string operation, string cause) => new($"The PostgreSQL store could not {operation} ({cause}).");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
