using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NhsIdentity.Matching;
using NhsIdentity.Shared;
using Npgsql;
using NpgsqlTypes;

namespace NhsIdentity.Orleans.Storage;

/// <summary>
/// The production <see cref="IClusterRecordStore"/>: PostgreSQL through Npgsql, its tables in one schema (default
/// <see cref="DefaultSchema"/>, apart from the identity service's own tables). Every write is one transaction,
/// committed (and, with <c>synchronous_commit=on</c> for its sessions, flushed to the WAL) before its method returns.
/// </summary>
/// <remarks>
/// <para>Tables: <c>cluster_records</c> (index, id, version, acknowledged version, the record's raw fields as JSON or
/// NULL once removed), <c>cluster_members</c> (index, rule, bucket, id, version, present: one row per bucket a record
/// is or was in, so a bucket reloads with one index range scan and keeps its tombstones), and
/// <c>cluster_snapshots</c> (version, content).</para>
/// <para>Writes to one id serialise on its record row: the upsert's <c>ON CONFLICT DO UPDATE</c> (or the removal's
/// <c>UPDATE</c>) locks it, and the membership statements that follow in the same transaction read the version it
/// set. Thread-safe; nothing it throws contains patient data or the connection string.</para>
/// </remarks>
public sealed partial class PostgresClusterRecordStore : IClusterRecordStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema used when none is given: <c>nhsidentity_cluster</c>.</summary>
    public const string DefaultSchema = "nhsidentity_cluster";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _s;

    /// <summary>Creates a store over a PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string; a secret (it may hold a password), so it is never
    /// logged or put in an exception message.</param>
    /// <param name="schema">The schema for the tables: lower-case letters, digits and underscores, starting with a
    /// letter or underscore, at most 63 characters; <see langword="null"/> for <see cref="DefaultSchema"/>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or not valid, or the schema name is not
    /// allowed.</exception>
    public PostgresClusterRecordStore(string connectionString, string? schema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        schema ??= DefaultSchema;
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                "The PostgreSQL schema name must be 1 to 63 lower-case letters, digits or underscores, starting with a letter or underscore.",
                nameof(schema));
        }

        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            if (settings.Options?.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase) != true)
            {
                // Durable before acknowledged, whatever the server's default (as the identity service's store does).
                settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? "-c synchronous_commit=on" : settings.Options + " -c synchronous_commit=on";
            }

            _dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
        }
        catch (ArgumentException exception)
        {
            // Npgsql's message can quote the part it could not parse, which may be a piece of the password.
            throw new ArgumentException($"The PostgreSQL connection string is not valid ({exception.GetType().Name}).", nameof(connectionString));
        }

        _s = "\"" + schema + "\"";
    }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) => GuardAsync("initialize", async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two silos starting together on an empty database would race to create the same tables: the lock makes the
        // second wait and then find them.
        await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1));", connection, transaction))
        {
            lockSchema.Parameters.AddWithValue("nhsidentity.cluster.schema:" + _s);
            await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Ids in ordinal (byte) order whatever the database's collation (COLLATE "C").
        await using (var create = new NpgsqlCommand($"""
            CREATE SCHEMA IF NOT EXISTS {_s};
            CREATE TABLE IF NOT EXISTS {_s}.cluster_snapshots (
                version text COLLATE "C" NOT NULL PRIMARY KEY,
                content bytea NOT NULL);
            CREATE TABLE IF NOT EXISTS {_s}.cluster_records (
                index_name text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                applied_version bigint NOT NULL DEFAULT 0,
                record_json text NULL,
                PRIMARY KEY (index_name, id));
            CREATE INDEX IF NOT EXISTS cluster_records_unapplied ON {_s}.cluster_records (index_name, id) WHERE applied_version < version;
            CREATE TABLE IF NOT EXISTS {_s}.cluster_members (
                index_name text COLLATE "C" NOT NULL,
                rule integer NOT NULL,
                bucket integer NOT NULL,
                id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                present boolean NOT NULL,
                PRIMARY KEY (index_name, rule, bucket, id));
            CREATE INDEX IF NOT EXISTS cluster_members_by_id ON {_s}.cluster_members (index_name, id);
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc/>
    public Task SaveSnapshotAsync(string version, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentNullException.ThrowIfNull(content);
        return GuardAsync("save a snapshot", async () =>
        {
            await using var command = _dataSource.CreateCommand($"INSERT INTO {_s}.cluster_snapshots (version, content) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING;");
            command.Parameters.AddWithValue(version);
            command.Parameters.AddWithValue(content);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        });
    }

    /// <inheritdoc/>
    public Task<byte[]?> ReadSnapshotAsync(string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return GuardAsync("read a snapshot", async () =>
        {
            await using var command = _dataSource.CreateCommand($"SELECT content FROM {_s}.cluster_snapshots WHERE version = $1;");
            command.Parameters.AddWithValue(version);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClusterRecordCommit>> CommitAsync(string index, IReadOnlyList<ClusterRecordWrite> writes, CancellationToken cancellationToken)
    {
        ClusterRecordWriteChecks.ThrowIfInvalid(index, writes);
        return GuardAsync<IReadOnlyList<ClusterRecordCommit>>("commit writes", async () =>
        {
            var upsertIds = new List<string>();
            var upsertJson = new List<string>();
            var removeIds = new List<string>();
            var arriveIds = new List<string>();
            var arriveRules = new List<int>();
            var arriveBuckets = new List<int>();
            foreach (var write in writes)
            {
                if (write.Record is null)
                {
                    removeIds.Add(write.Id);
                    continue;
                }

                upsertIds.Add(write.Id);
                upsertJson.Add(StoredRecordJson.Write(write.Record));
                foreach (var bucket in write.Buckets)
                {
                    arriveIds.Add(write.Id);
                    arriveRules.Add(bucket.Rule);
                    arriveBuckets.Add(bucket.Bucket);
                }
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var versions = new Dictionary<string, long>(writes.Count, StringComparer.Ordinal);

            // 1. The records: each changed row's version + 1 (locking it until the commit). Rows are taken in id order
            // so two batches over the same ids lock them in one order.
            await using (var upsert = new NpgsqlCommand($"""
                INSERT INTO {_s}.cluster_records AS r (index_name, id, version, record_json)
                SELECT $1, w.id, 1, w.json FROM unnest($2::text[], $3::text[]) AS w (id, json) ORDER BY w.id
                ON CONFLICT (index_name, id) DO UPDATE SET version = r.version + 1, record_json = excluded.record_json
                RETURNING r.id, r.version;
                """, connection, transaction))
            {
                upsert.Parameters.AddWithValue(index);
                upsert.Parameters.AddWithValue(upsertIds.ToArray());
                upsert.Parameters.AddWithValue(upsertJson.ToArray());
                await ReadVersionsAsync(upsert, versions, cancellationToken).ConfigureAwait(false);
            }

            await using (var remove = new NpgsqlCommand($"""
                UPDATE {_s}.cluster_records SET version = version + 1, record_json = NULL
                WHERE index_name = $1 AND id = ANY($2) AND record_json IS NOT NULL
                RETURNING id, version;
                """, connection, transaction))
            {
                remove.Parameters.AddWithValue(index);
                remove.Parameters.AddWithValue(removeIds.ToArray());
                await ReadVersionsAsync(remove, versions, cancellationToken).ConfigureAwait(false);
            }

            var changedIds = versions.Keys.ToArray();

            // 2. Memberships: every present row of a changed record becomes a tombstone at its new version, then its
            // new buckets are present at that version (a bucket it keeps goes tombstone and back in one transaction).
            await using (var members = new NpgsqlBatch(connection, transaction))
            {
                var depart = new NpgsqlBatchCommand($"""
                    UPDATE {_s}.cluster_members AS m SET present = false, version = r.version
                    FROM {_s}.cluster_records AS r
                    WHERE r.index_name = $1 AND r.id = ANY($2) AND m.index_name = $1 AND m.id = r.id AND m.present;
                    """);
                depart.Parameters.AddWithValue(index);
                depart.Parameters.AddWithValue(changedIds);
                var arrive = new NpgsqlBatchCommand($"""
                    INSERT INTO {_s}.cluster_members AS m (index_name, rule, bucket, id, version, present)
                    SELECT $1, a.rule, a.bucket, a.id, r.version, true
                    FROM unnest($2::text[], $3::integer[], $4::integer[]) AS a (id, rule, bucket)
                    JOIN {_s}.cluster_records AS r ON r.index_name = $1 AND r.id = a.id
                    ON CONFLICT (index_name, rule, bucket, id) DO UPDATE SET version = excluded.version, present = true;
                    """);
                arrive.Parameters.AddWithValue(index);
                arrive.Parameters.AddWithValue(arriveIds.ToArray());
                arrive.Parameters.AddWithValue(arriveRules.ToArray());
                arrive.Parameters.AddWithValue(arriveBuckets.ToArray());
                members.BatchCommands.Add(depart);
                members.BatchCommands.Add(arrive);
                await members.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // 3. What the buckets must apply: every membership changed since the acknowledged version.
            var pending = await ReadPendingAsync(connection, transaction, index, changedIds, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

            var commits = new ClusterRecordCommit[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                commits[i] = pending.TryGetValue(write.Id, out var commit)
                    ? commit
                    : new ClusterRecordCommit(write.Id, 0, null, Changed: false, []); // removing an absent record
            }

            return commits;
        });
    }

    /// <inheritdoc/>
    public Task MarkAppliedAsync(string index, IReadOnlyList<KeyValuePair<string, long>> applied, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentNullException.ThrowIfNull(applied);
        if (applied.Count == 0)
        {
            return Task.CompletedTask;
        }

        return GuardAsync("mark writes applied", async () =>
        {
            await using var command = _dataSource.CreateCommand($"""
                UPDATE {_s}.cluster_records AS r SET applied_version = LEAST(r.version, a.version)
                FROM unnest($2::text[], $3::bigint[]) AS a (id, version)
                WHERE r.index_name = $1 AND r.id = a.id AND r.applied_version < a.version;
                """);
            command.Parameters.AddWithValue(index);
            command.Parameters.AddWithValue(applied.Select(pair => pair.Key).ToArray());
            command.Parameters.AddWithValue(applied.Select(pair => pair.Value).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClusterRecordCommit>> ReadUnappliedAsync(string index, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return GuardAsync<IReadOnlyList<ClusterRecordCommit>>("read unapplied writes", async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var ids = new List<string>();
            await using (var find = new NpgsqlCommand(
                $"SELECT id FROM {_s}.cluster_records WHERE index_name = $1 AND applied_version < version ORDER BY id LIMIT $2;", connection, transaction))
            {
                find.Parameters.AddWithValue(index);
                find.Parameters.AddWithValue(limit);
                await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }
            }

            var pending = await ReadPendingAsync(connection, transaction, index, [.. ids], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return [.. ids.Select(id => pending[id])];
        });
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ClusterBucketEntry> ReadBucketAsync(string index, BucketAddress bucket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        // An iterator cannot yield inside a try with a catch, so each step that touches the database is guarded.
        var connection = await GuardAsync("read a bucket", () => _dataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand($"""
                SELECT m.id, m.version, CASE WHEN m.present THEN r.record_json END
                FROM {_s}.cluster_members AS m
                JOIN {_s}.cluster_records AS r ON r.index_name = m.index_name AND r.id = m.id
                WHERE m.index_name = $1 AND m.rule = $2 AND m.bucket = $3;
                """, connection);
            command.Parameters.AddWithValue(index);
            command.Parameters.AddWithValue(bucket.Rule);
            command.Parameters.AddWithValue(bucket.Bucket);
            var reader = await GuardAsync("read a bucket", () => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await GuardAsync("read a bucket", () => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
                {
                    yield return new ClusterBucketEntry(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : StoredRecordJson.Read(reader.GetString(2)));
                }
            }
        }
    }

    /// <inheritdoc/>
    public Task<ClusterBucketEntry?> GetAsync(string index, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentNullException.ThrowIfNull(id);
        return GuardAsync("read a record", async () =>
        {
            await using var command = _dataSource.CreateCommand($"SELECT version, record_json FROM {_s}.cluster_records WHERE index_name = $1 AND id = $2;");
            command.Parameters.AddWithValue(index);
            command.Parameters.AddWithValue(id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new ClusterBucketEntry(id, reader.GetInt64(0), reader.IsDBNull(1) ? null : StoredRecordJson.Read(reader.GetString(1)))
                : (ClusterBucketEntry?)null;
        });
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private static async Task ReadVersionsAsync(NpgsqlCommand command, Dictionary<string, long> versions, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    /// <summary>Each record's latest version and content with its memberships changed since its acknowledged version.</summary>
    private async Task<Dictionary<string, ClusterRecordCommit>> ReadPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string index, string[] ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (long Version, PatientRecord? Record, List<ClusterBucketChange> Changes)>(ids.Length, StringComparer.Ordinal);
        await using (var records = new NpgsqlCommand(
            $"SELECT id, version, record_json FROM {_s}.cluster_records WHERE index_name = $1 AND id = ANY($2);", connection, transaction))
        {
            records.Parameters.AddWithValue(index);
            records.Parameters.AddWithValue(ids);
            await using var reader = await records.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows[reader.GetString(0)] = (reader.GetInt64(1), reader.IsDBNull(2) ? null : StoredRecordJson.Read(reader.GetString(2)), []);
            }
        }

        await using (var changes = new NpgsqlCommand($"""
            SELECT m.id, m.rule, m.bucket, m.present, m.version
            FROM {_s}.cluster_members AS m
            JOIN {_s}.cluster_records AS r ON r.index_name = m.index_name AND r.id = m.id
            WHERE m.index_name = $1 AND m.id = ANY($2) AND m.version > r.applied_version;
            """, connection, transaction))
        {
            changes.Parameters.AddWithValue(index);
            changes.Parameters.AddWithValue(ids);
            await using var reader = await changes.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows[reader.GetString(0)].Changes.Add(new ClusterBucketChange(
                    new BucketAddress(reader.GetInt32(1), reader.GetInt32(2)), reader.GetBoolean(3), reader.GetInt64(4)));
            }
        }

        return rows.ToDictionary(
            pair => pair.Key,
            pair => new ClusterRecordCommit(pair.Key, pair.Value.Version, pair.Value.Record, Changed: true, pair.Value.Changes),
            StringComparer.Ordinal);
    }

    /// <summary>Runs one store operation, replacing an Npgsql failure with a <see cref="ClusterRecordStoreException"/> that names the
    /// operation, the exception type and PostgreSQL's error code (SQLSTATE) only (<see cref="PostgresGuard"/>).</summary>
    private static Task<T> GuardAsync<T>(string operation, Func<Task<T>> action) => PostgresGuard.RunAsync(action, cause => Failure(operation, cause));

    private static Task GuardAsync(string operation, Func<Task> action) => PostgresGuard.RunAsync(action, cause => Failure(operation, cause));

    private static ClusterRecordStoreException Failure(string operation, string cause) => new($"The PostgreSQL cluster store could not {operation} ({cause}).");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
