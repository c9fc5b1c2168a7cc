namespace NhsIdentity.Server.Storage;

/// <summary>The durable store under the index: the source of truth. The in-memory <c>PatientIndex</c> is a cache
/// rebuilt from it on start. SQLite is the embedded implementation, PostgreSQL the production one
/// (<see cref="PatientStoreFactory"/> chooses); the same contract tests run against both.</summary>
/// <remarks>Every write method returns only after its change is committed, so a write the service acknowledges
/// survives a crash.</remarks>
internal interface IPatientStore
{
    /// <summary>Creates the schema when it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Records the model in use and returns its version: the latest version when the model is unchanged,
    /// a new version (a recorded swap) when it differs. Nothing stored is re-scored: records hold raw fields.</summary>
    Task<ModelVersion> RecordModelAsync(string modelJson, CancellationToken cancellationToken);

    /// <summary>Every stored patient, in id order.</summary>
    IAsyncEnumerable<StoredPatient> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The stored patient with this id, or <see langword="null"/>.</summary>
    Task<StoredPatient?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The stored patients with these ids, by id, in one query (a <c>$match</c> bundle's candidates); ids the
    /// store does not hold are absent.</summary>
    Task<IReadOnlyDictionary<string, StoredPatient>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a patient; <see langword="true"/> when it was added.</summary>
    Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a batch of patients in one transaction (a bulk load: <c>nhsid import</c>): all of
    /// them are committed when it returns, or none. Ids within a batch must be distinct.</summary>
    /// <returns>How many were added and how many replaced.</returns>
    /// <exception cref="ArgumentException">Two patients in the batch have the same id.</exception>
    Task<BatchWriteCounts> UpsertBatchAsync(IReadOnlyList<StoredPatient> patients, CancellationToken cancellationToken);

    /// <summary>Removes a patient; <see langword="false"/> when there was none with this id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

/// <summary>The stored model's version, and whether this start recorded a swap from an earlier model.</summary>
internal readonly record struct ModelVersion(int Version, bool Swapped);
