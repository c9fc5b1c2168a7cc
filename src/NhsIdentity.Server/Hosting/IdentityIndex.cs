using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Hosting;

/// <summary>The in-memory <see cref="PatientIndex"/> as a cache of the store. Writes go to the store first (committed)
/// and only then to the index, one writer at a time, so the index never holds what the store does not (and after a
/// store write fails, the index is set to what the store then holds for that id). Beside the
/// index it keeps each record's content hash (about 40 bytes a record), so a snapshot written on stop can be caught up
/// with the store on the next start (<see cref="IndexSnapshotFile"/>).</summary>
internal sealed class IdentityIndex : IServedIndex, IDisposable
{
    private readonly IPatientStore _store;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, ulong> _hashes = new(StringComparer.Ordinal);
    private PatientIndex? _index;
    private volatile bool _disposed;

    public IdentityIndex(IPatientStore store) => _store = store;

    /// <summary>Completes when the index has been rebuilt from the store (faults when loading failed).</summary>
    public Task Loaded => _loaded.Task;

    public bool IsReady => _loaded.Task.IsCompletedSuccessfully;

    public int ModelVersion { get; private set; }

    public int Count => _index?.Count ?? 0;

    public PatientIndex Index => _index ?? throw new InvalidOperationException("The index is not loaded yet.");

    public IPatientStore Store => _store;

    public MatchModel Model => Index.Model;

    public RecordSetOptions Preparation => Index.Options.RecordSetOptions;

    public ValueTask<IReadOnlyList<IndexMatch>> FindMatchesAsync(PatientRecord query, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<IndexMatch>>(Index.FindMatches(query, count));

    /// <summary>Creates the schema, records the model, and builds the index: from the snapshot when there is a usable
    /// one, caught up with every stored record, or else from every stored record.</summary>
    /// <returns>How the index was built.</returns>
    public async Task<IndexStart> LoadAsync(MatchModel model, string? snapshotPath, CancellationToken cancellationToken)
    {
        try
        {
            await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var version = await _store.RecordModelAsync(model.ToJson(), cancellationToken).ConfigureAwait(false);
            var (index, snapshotHashes, refused) = ReadSnapshot(snapshotPath, model);
            var start = snapshotHashes is null
                ? await RebuildAsync(index, cancellationToken).ConfigureAwait(false)
                : await CatchUpAsync(index, snapshotHashes, cancellationToken).ConfigureAwait(false);
            ModelVersion = version.Version;
            ModelSwapped = version.Swapped;
            _index = index;
            Start = start with { SnapshotRefused = refused };
            _loaded.TrySetResult();
            return Start.Value;
        }
        catch (Exception exception)
        {
            _loaded.TrySetException(exception);
            throw;
        }
    }

    /// <summary>Saves the index and its content hashes to the snapshot file, between writes.</summary>
    public async Task SaveSnapshotAsync(string path, CancellationToken cancellationToken)
    {
        if (_index is null)
        {
            return; // never loaded: nothing to save, and an older snapshot stays as good as it was
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            IndexSnapshotFile.Write(path, _index, _hashes);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The snapshot's index and hashes, or a new empty index and the reason the snapshot was not used
    /// (<see langword="null"/> when there was none).</summary>
    private static (PatientIndex Index, Dictionary<string, ulong>? Hashes, string? Refused) ReadSnapshot(string? path, MatchModel model)
    {
        if (path is null || !File.Exists(path))
        {
            return (new PatientIndex(model), null, null);
        }

        try
        {
            var (index, hashes) = IndexSnapshotFile.Read(path, model);
            return (index, hashes, null);
        }
        catch (PatientIndexSnapshotException refused)
        {
            return (new PatientIndex(model), null, refused.Error.ToString());
        }
        catch (Exception unreadable) when (unreadable is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return (new PatientIndex(model), null, unreadable.GetType().Name);
        }
    }

    private async Task<IndexStart> RebuildAsync(PatientIndex index, CancellationToken cancellationToken)
    {
        await foreach (var stored in _store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            index.AddOrUpdate(stored.Record with { Id = stored.Id });
            _hashes[stored.Id] = IndexSnapshotFile.ContentHash(stored);
        }

        index.RefreshTermFrequencies();
        return new IndexStart(FromSnapshot: false, index.Count, Updated: index.Count, Removed: 0, SnapshotRefused: null);
    }

    /// <summary>Applies what the store holds that the snapshot does not: new and changed records (by content hash),
    /// and removes what the store no longer holds.</summary>
    private async Task<IndexStart> CatchUpAsync(PatientIndex index, Dictionary<string, ulong> snapshotHashes, CancellationToken cancellationToken)
    {
        var updated = 0;
        await foreach (var stored in _store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var content = IndexSnapshotFile.ContentHash(stored);
            _hashes[stored.Id] = content;
            if (!snapshotHashes.Remove(stored.Id, out var held) || held != content || !index.Contains(stored.Id))
            {
                index.AddOrUpdate(stored.Record with { Id = stored.Id });
                updated++;
            }
        }

        // Left over: in the snapshot, gone from the store.
        foreach (var gone in snapshotHashes.Keys)
        {
            index.Remove(gone);
        }

        if (updated + snapshotHashes.Count > 0)
        {
            index.RefreshTermFrequencies();
        }

        return new IndexStart(FromSnapshot: true, index.Count, updated, snapshotHashes.Count, SnapshotRefused: null);
    }

    public bool ModelSwapped { get; private set; }

    /// <summary>How this start built the index; set before <see cref="Loaded"/> completes.</summary>
    public IndexStart? Start { get; private set; }

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
            bool added;
            try
            {
                // Not cancelled once it has its turn: see FollowStoreAsync.
                added = await _store.UpsertAsync(patient, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception failure) when (IsStoreFailure(failure))
            {
                await FollowStoreAsync(patient.Id).ConfigureAwait(false);
                throw;
            }

            Index.AddOrUpdate(patient.Record with { Id = patient.Id });
            _hashes[patient.Id] = IndexSnapshotFile.ContentHash(patient);
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
            bool removed;
            try
            {
                removed = await _store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception failure) when (IsStoreFailure(failure))
            {
                await FollowStoreAsync(id).ConfigureAwait(false);
                throw;
            }

            Index.Remove(id);
            _hashes.Remove(id);
            return removed;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>After a store write failed: makes the index hold what the store holds for this id, as far as the store
    /// can say. A failed write is not always a write that did not happen: a connection lost after PostgreSQL committed
    /// but before its answer arrived, or a cancellation racing the commit, leaves the row written and the caller told
    /// otherwise. Without this the index would miss (or keep) that row until the next start; the caller still gets
    /// the failure, and retrying a PUT or DELETE is harmless. For the same reason a write is never cancelled once it
    /// has its turn (the caller hanging up does not stop it): cancelling only while it waits for the writer.</summary>
    private async Task FollowStoreAsync(string id)
    {
        try
        {
            if (await _store.GetAsync(id, CancellationToken.None).ConfigureAwait(false) is { } stored)
            {
                Index.AddOrUpdate(stored.Record with { Id = id });
                _hashes[id] = IndexSnapshotFile.ContentHash(stored);
            }
            else
            {
                Index.Remove(id);
                _hashes.Remove(id);
            }
        }
        catch (Exception unreadable) when (IsStoreFailure(unreadable))
        {
            // The store cannot answer either: the index stays as it was, and the next start catches it up.
        }
    }

    /// <summary>What a store operation throws when it fails (the stores' own type, or the database driver's).</summary>
    private static bool IsStoreFailure(Exception exception) =>
        exception is PatientStoreException or System.Data.Common.DbException or IOException or TimeoutException or OperationCanceledException or InvalidOperationException;

    /// <summary>How a start built the index: from a snapshot (with how many records it had to update or remove to
    /// match the store) or from the store alone, and why a snapshot present was not used.</summary>
    public readonly record struct IndexStart(bool FromSnapshot, int Records, int Updated, int Removed, string? SnapshotRefused);

    /// <summary>Waits for a write or a snapshot save in progress (the host may dispose services while a stopping
    /// service is still saving), then releases the index. The writer's semaphore is not disposed: it holds no handle
    /// of its own, and a save that lost the race must find it usable.</summary>
    public void Dispose()
    {
        if (_writer.Wait(TimeSpan.FromSeconds(30)))
        {
            _disposed = true;
            _writer.Release();
        }

        _index?.Dispose();
    }
}
