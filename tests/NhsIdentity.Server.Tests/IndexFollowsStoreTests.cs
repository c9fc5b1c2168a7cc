using NhsIdentity.Matching;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>
/// A store write that fails is not always a write that did not happen: PostgreSQL can commit and the answer be lost
/// with the connection, or a cancellation race the commit. The index must then follow what the store holds, not what
/// the caller was told, or it misses (or keeps) that record until the next start. Found while building the kill test
/// (issue 16): the restart always agreed with the store, the running service did not.
/// </summary>
public sealed class IndexFollowsStoreTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_write_the_store_committed_but_reported_failed_is_in_the_index()
    {
        var store = new AnswerLostStore(new SqlitePatientStore(_data.DbPath, TimeProvider.System));
        using var index = await LoadedAsync(store);
        store.LoseAnswers = true;

        await Assert.ThrowsAsync<PatientStoreException>(() => index.UpsertAsync(Patient("p-1", 1, "Ardith"), CancellationToken.None));

        Assert.NotNull(await store.GetAsync("p-1", CancellationToken.None));
        Assert.True(index.Index.Contains("p-1"));
        Assert.Equal("p-1", Assert.Single(index.Index.FindMatches(Record(1, "Ardith"), 5)).Id);
    }

    [Fact]
    public async Task A_delete_the_store_committed_but_reported_failed_is_gone_from_the_index()
    {
        var store = new AnswerLostStore(new SqlitePatientStore(_data.DbPath, TimeProvider.System));
        using var index = await LoadedAsync(store);
        await index.UpsertAsync(Patient("p-1", 1, "Ardith"), CancellationToken.None);
        store.LoseAnswers = true;

        await Assert.ThrowsAsync<PatientStoreException>(() => index.DeleteAsync("p-1", CancellationToken.None));

        Assert.Null(await store.GetAsync("p-1", CancellationToken.None));
        Assert.False(index.Index.Contains("p-1"));
    }

    [Fact]
    public async Task A_caller_hanging_up_during_a_write_does_not_leave_the_index_behind_the_store()
    {
        using var hangUp = new CancellationTokenSource();
        // As a driver may do: the commit goes through, then the cancellation that arrived meanwhile is reported.
        var store = new AnswerLostStore(new SqlitePatientStore(_data.DbPath, TimeProvider.System)) { OnCommitted = hangUp.Cancel };
        using var index = await LoadedAsync(store);

        try
        {
            await index.UpsertAsync(Patient("p-1", 1, "Ardith"), hangUp.Token);
        }
        catch (OperationCanceledException)
        {
            // Either answer is fine for a caller who has gone; the index must agree with the store whichever it is.
        }

        Assert.NotNull(await store.GetAsync("p-1", CancellationToken.None));
        Assert.True(index.Index.Contains("p-1"));
    }

    private static async Task<IdentityIndex> LoadedAsync(IPatientStore store)
    {
        var index = new IdentityIndex(store);
        await index.LoadAsync(MatchModel.Default, snapshotPath: null, CancellationToken.None);
        return index;
    }

    private static PatientRecord Record(int seed, string given) =>
        new() { NhsNumber = Synthetic.NhsNumber(seed), GivenNames = given, FamilyName = "Quellwater", DateOfBirth = "1961-04-17", Postcode = "LS1 4AP" };

    private static StoredPatient Patient(string id, int seed, string given) => new(id, Record(seed, given) with { Id = id }, fhirJson: null);

    /// <summary>A store whose writes commit and then fail: the answer lost (<see cref="LoseAnswers"/>), or a
    /// cancellation that arrived during the commit reported after it (<see cref="OnCommitted"/>).</summary>
    private sealed class AnswerLostStore(IPatientStore inner) : IPatientStore
    {
        public bool LoseAnswers { get; set; }

        public Action? OnCommitted { get; init; }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<ModelVersion> RecordModelAsync(string modelJson, CancellationToken cancellationToken) => inner.RecordModelAsync(modelJson, cancellationToken);

        public IAsyncEnumerable<StoredPatient> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

        public Task<StoredPatient?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<string, StoredPatient>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            inner.GetManyAsync(ids, cancellationToken);

        public Task<BatchWriteCounts> UpsertBatchAsync(IReadOnlyList<StoredPatient> patients, CancellationToken cancellationToken) =>
            inner.UpsertBatchAsync(patients, cancellationToken);

        public async Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken)
        {
            var added = await inner.UpsertAsync(patient, CancellationToken.None);
            return Answer(added, cancellationToken);
        }

        public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
        {
            var removed = await inner.DeleteAsync(id, CancellationToken.None);
            return Answer(removed, cancellationToken);
        }

        private bool Answer(bool result, CancellationToken cancellationToken)
        {
            OnCommitted?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            return LoseAnswers ? throw new PatientStoreException("The connection was lost before the answer (test).") : result;
        }
    }
}
