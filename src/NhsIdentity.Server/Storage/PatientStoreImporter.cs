using Microsoft.Data.Sqlite;
using NhsIdentity.Matching;

namespace NhsIdentity.Server.Storage;

/// <summary>Loads patients into the service's store (SQLite or PostgreSQL) in batches, one transaction each (<c>nhsid import</c>):
/// a million records in minutes instead of a million HTTP PUTs. Records are stored as <c>PUT /records/{id}</c> stores
/// them, so the next start of the service indexes them; a snapshot left by an earlier run is caught up by content
/// hash as after any other write.</summary>
/// <remarks>A SQLite store is opened in SQLite's exclusive locking mode, so a write fails
/// (<see cref="PatientStoreImportException.StoreInUse"/>) while a running service has the file open: the service's
/// index would not see rows written under it. A service idle long enough for its connection pool to close every
/// connection is not detected: stop the service before importing. A PostgreSQL store cannot tell: a service running
/// on it sees the imported rows only after its next start, so stop it first there too.</remarks>
public sealed class PatientStoreImporter : IAsyncDisposable, IDisposable
{
    private readonly IPatientStore _store;

    /// <summary>The schema the service keeps its tables in on PostgreSQL unless configured otherwise.</summary>
    public const string DefaultPostgresSchema = PostgresPatientStore.DefaultSchema;

    private PatientStoreImporter(IPatientStore store) => _store = store;

    /// <summary>Opens (and creates when absent) the SQLite store at <paramref name="dataPath"/>.</summary>
    /// <param name="dataPath">The service's <c>--data</c> file.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An importer writing to that store.</returns>
    /// <exception cref="PatientStoreImportException">The file cannot be opened as the store.</exception>
    public static async Task<PatientStoreImporter> OpenSqliteAsync(string dataPath, CancellationToken cancellationToken)
    {
        var store = new SqlitePatientStore(dataPath, TimeProvider.System, exclusive: true);
        await GuardAsync(() => store.InitializeAsync(cancellationToken)).ConfigureAwait(false);
        return new PatientStoreImporter(store);
    }

    /// <summary>Opens (and creates when absent) the service's tables in a PostgreSQL database, as <c>nhsid serve</c> with
    /// <c>NhsIdentity:PostgresConnectionString</c> uses them.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>).</param>
    /// <param name="schema">The schema holding the tables (the service's default is <c>nhsidentity</c>).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An importer writing to that store; dispose it to close its connections.</returns>
    /// <exception cref="ArgumentException">The schema is not a plain lower-case SQL name.</exception>
    /// <exception cref="PatientStoreImportException">The database cannot be reached or its tables made; the message
    /// names the failure's type and SQLSTATE, never the connection string.</exception>
    public static async Task<PatientStoreImporter> OpenPostgresAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        PostgresPatientStore store;
        try
        {
            store = new PostgresPatientStore(connectionString, schema, TimeProvider.System);
        }
        catch (ArgumentException exception) when (exception.ParamName != nameof(schema))
        {
            // Npgsql's message about a malformed connection string can quote it (a password included): type only.
            throw new PatientStoreImportException("The PostgreSQL connection string cannot be read (" + exception.GetType().Name + ").", storeInUse: false);
        }

        var importer = new PatientStoreImporter(store);
        try
        {
            await GuardAsync(() => store.InitializeAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            await importer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return importer;
    }

    /// <summary>Closes the store's connections.</summary>
    /// <returns>When they are closed.</returns>
    public ValueTask DisposeAsync() => _store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Closes the store's connections (for callers that are not async).</summary>
    public void Dispose() => (_store as IDisposable)?.Dispose();

    /// <summary>Adds or replaces these records, committed together before it returns. Each record's
    /// <see cref="PatientRecord.Id"/> is its id in the store; ids must be present and distinct.</summary>
    /// <param name="records">The batch.</param>
    /// <param name="cancellationToken">Cancels the batch (then none of it is written).</param>
    /// <returns>How many were added and replaced.</returns>
    /// <exception cref="ArgumentException">A record has no id, or two share one.</exception>
    /// <exception cref="PatientStoreImportException">The store refused the write (in use, full, read-only).</exception>
    public Task<BatchWriteCounts> WriteAsync(IReadOnlyList<PatientRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var patients = new StoredPatient[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var id = records[i].Id;
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException($"The record at position {i} has no id.", nameof(records));
            }

            patients[i] = new StoredPatient(id, records[i], fhirJson: null);
        }

        return GuardAsync(() => _store.UpsertBatchAsync(patients, cancellationToken));
    }

    private static async Task GuardAsync(Func<Task> action) => await GuardAsync(async () =>
    {
        await action().ConfigureAwait(false);
        return 0;
    }).ConfigureAwait(false);

    private static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another connection has the file.
            throw new PatientStoreImportException(
                "The store is in use by another process (a running nhsid serve?); stop it and import again.", storeInUse: true);
        }
        catch (SqliteException exception)
        {
            // The code only: SQLite's message can quote a constraint's value.
            throw new PatientStoreImportException($"The store could not be written (SQLite error {exception.SqliteErrorCode}).", storeInUse: false);
        }
        catch (PatientStoreException exception)
        {
            // The PostgreSQL store's own message: the operation, the exception type and SQLSTATE only.
            throw new PatientStoreImportException(exception.Message, storeInUse: false);
        }
    }
}
