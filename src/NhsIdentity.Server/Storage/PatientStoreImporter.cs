using Microsoft.Data.Sqlite;
using NhsIdentity.Matching;

namespace NhsIdentity.Server.Storage;

/// <summary>Loads patients into the service's SQLite store in batches, one transaction each (<c>nhsid import</c>):
/// a million records in minutes instead of a million HTTP PUTs. Records are stored as <c>PUT /records/{id}</c> stores
/// them, so the next start of the service indexes them; a snapshot left by an earlier run is caught up by content
/// hash as after any other write.</summary>
/// <remarks>The store is opened in SQLite's exclusive locking mode, so a write fails
/// (<see cref="PatientStoreImportException.StoreInUse"/>) while a running service has the file open: the service's
/// index would not see rows written under it. A service idle long enough for its connection pool to close every
/// connection is not detected: stop the service before importing.</remarks>
public sealed class PatientStoreImporter
{
    private readonly SqlitePatientStore _store;

    private PatientStoreImporter(SqlitePatientStore store) => _store = store;

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
    }
}
