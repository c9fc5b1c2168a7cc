using NhsIdentity.Matching;
using NhsIdentity.Orleans;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Cluster;

/// <summary>The index of <c>nhsid serve --cluster</c>: lookups and writes go to a <see cref="ClusterPatientIndex"/>
/// instead of an in-process <see cref="PatientIndex"/>. As on one node, the service's store is written first and is
/// what reads (<c>GET</c>, the resources of a <c>$match</c> bundle) come from; the cluster's own store then holds the
/// index's records and versions.</summary>
/// <remarks>Writes to one id through this node are taken in turn (a lock per id stripe), so the store and the cluster
/// see them in one order. Two nodes writing one id at the same moment can still commit to the two stores in different
/// orders; a later write of the id sets both again (see the package README, "Not yet").</remarks>
internal sealed class ClusterServedIndex(IPatientStore store) : IServedIndex
{
    private const int Stripes = 64;

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private ClusterPatientIndex? _index;
    private MatchModel? _model;
    private int _count;

    public Task Loaded => _loaded.Task;

    public bool IsReady => _loaded.Task.IsCompletedSuccessfully;

    public int ModelVersion { get; private set; }

    public int Count => Volatile.Read(ref _count);

    public IPatientStore Store => store;

    public MatchModel Model => _model ?? throw new InvalidOperationException("The index is not loaded yet.");

    public RecordSetOptions Preparation => Index.Options.Index.RecordSetOptions;

    /// <summary>The cluster's index; for the loader and tests.</summary>
    public ClusterPatientIndex Index => _index ?? throw new InvalidOperationException("The index is not loaded yet.");

    /// <summary>Makes the index ready to serve.</summary>
    public void Ready(ClusterPatientIndex index, MatchModel model, int modelVersion, int count)
    {
        _index = index;
        _model = model;
        ModelVersion = modelVersion;
        Volatile.Write(ref _count, count);
        _loaded.TrySetResult();
    }

    /// <summary>Marks loading failed, so readiness reports "failed".</summary>
    public void Fail(Exception exception) => _loaded.TrySetException(exception);

    public async ValueTask<IReadOnlyList<IndexMatch>> FindMatchesAsync(PatientRecord query, int count, CancellationToken cancellationToken)
    {
        var result = await Index.FindMatchesAsync(query, count).WaitAsync(cancellationToken).ConfigureAwait(false);
        // Never a silently partial answer: the caller gets 503 and asks again once the lost buckets have reloaded.
        return result.IsDegraded ? throw new IndexRecoveringException() : result.Matches;
    }

    public async Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken)
    {
        var stripe = StripeOf(patient.Id);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Not cancelled once it has its turn (as on one node): the store's commit and the cluster's must both happen.
            var added = await store.UpsertAsync(patient, CancellationToken.None).ConfigureAwait(false);
            await ApplyAsync(() => Index.UpsertAsync(patient.Record with { Id = patient.Id })).ConfigureAwait(false);
            if (added)
            {
                Interlocked.Increment(ref _count);
            }

            return added;
        }
        finally
        {
            stripe.Release();
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var stripe = StripeOf(id);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var removed = await store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            // Removed from the cluster even when the store had no such row: harmless, and it heals an earlier write that
            // reached the cluster but not the store's answer.
            await ApplyAsync(() => Index.RemoveAsync(id)).ConfigureAwait(false);
            if (removed)
            {
                Interlocked.Decrement(ref _count);
            }

            return removed;
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>A cluster write that did not commit within the recovery wait is a 503 (writing again is safe); a write
    /// committed but not yet applied to every bucket is acknowledged (lost buckets reload it, a repair sweep re-applies
    /// it to unreachable ones).</summary>
    private static async Task ApplyAsync(Func<Task<ClusterWriteResult>> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (TimeoutException timeout)
        {
            throw new IndexRecoveringException("A write to the index was not committed in time; writing it again is safe.", timeout);
        }
    }

    private SemaphoreSlim StripeOf(string id) =>
        _stripes[(int)(System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(id)) % Stripes)];
}
