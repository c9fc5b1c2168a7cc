using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Hosting;

/// <summary>The in-memory <see cref="PatientIndex"/> as a cache of the store. Writes go to the store first (committed)
/// and only then to the index, one writer at a time, so the index never holds what the store does not.</summary>
internal sealed class IdentityIndex : IDisposable
{
    private readonly IPatientStore _store;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PatientIndex? _index;

    public IdentityIndex(IPatientStore store) => _store = store;

    /// <summary>Completes when the index has been rebuilt from the store (faults when loading failed).</summary>
    public Task Loaded => _loaded.Task;

    public bool IsReady => _loaded.Task.IsCompletedSuccessfully;

    public int ModelVersion { get; private set; }

    public int Count => _index?.Count ?? 0;

    public PatientIndex Index => _index ?? throw new InvalidOperationException("The index is not loaded yet.");

    public IPatientStore Store => _store;

    /// <summary>Creates the schema, records the model, and rebuilds the index from every stored record.</summary>
    public async Task LoadAsync(MatchModel model, CancellationToken cancellationToken)
    {
        try
        {
            await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var version = await _store.RecordModelAsync(model.ToJson(), cancellationToken).ConfigureAwait(false);
            var index = new PatientIndex(model);
            await foreach (var stored in _store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                index.AddOrUpdate(stored.Record with { Id = stored.Id });
            }

            index.RefreshTermFrequencies();
            ModelVersion = version.Version;
            ModelSwapped = version.Swapped;
            _index = index;
            _loaded.TrySetResult();
        }
        catch (Exception exception)
        {
            _loaded.TrySetException(exception);
            throw;
        }
    }

    public bool ModelSwapped { get; private set; }

    /// <summary>Marks loading failed before <see cref="LoadAsync"/> could start (an unreadable model file), so
    /// <see cref="Loaded"/> faults and readiness reports "failed" instead of "loading" for ever.</summary>
    public void Fail(Exception exception) => _loaded.TrySetException(exception);

    /// <summary>Commits the patient to the store, then applies it to the index.</summary>
    /// <returns><see langword="true"/> when the patient was added, <see langword="false"/> when replaced.</returns>
    public async Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var added = await _store.UpsertAsync(patient, cancellationToken).ConfigureAwait(false);
            Index.AddOrUpdate(patient.Record with { Id = patient.Id });
            return added;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Deletes the patient from the store, then from the index.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var removed = await _store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            Index.Remove(id);
            return removed;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _index?.Dispose();
    }
}
