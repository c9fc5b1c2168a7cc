using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <inheritdoc cref="IIndexSnapshotGrain"/>
internal sealed class IndexSnapshotGrain(IClusterRecordStore store) : Grain, IIndexSnapshotGrain
{
    private IndexSnapshot? _snapshot;

    public async Task PublishAsync(IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Version != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("A snapshot is published under its own version.", nameof(snapshot));
        }

        // Stored before it is served: a snapshot grain lost with its silo reads it back on its next activation.
        await store.SaveSnapshotAsync(snapshot.Version, snapshot.ToBytes(), CancellationToken.None);
        _snapshot ??= snapshot; // content-addressed: a second publication of this version is the same snapshot
    }

    public async Task<IndexSnapshot?> GetAsync()
    {
        if (_snapshot is null && await store.ReadSnapshotAsync(this.GetPrimaryKeyString(), CancellationToken.None) is { } content)
        {
            _snapshot = IndexSnapshot.FromBytes(content);
        }

        return _snapshot;
    }
}
