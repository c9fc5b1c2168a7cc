namespace NhsIdentity.Orleans.Grains;

/// <inheritdoc cref="IIndexSnapshotGrain"/>
internal sealed class IndexSnapshotGrain : Grain, IIndexSnapshotGrain
{
    private IndexSnapshot? _snapshot;

    public Task PublishAsync(IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Version != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("A snapshot is published under its own version.", nameof(snapshot));
        }

        _snapshot ??= snapshot; // content-addressed: a second publication of this version is the same snapshot
        return Task.CompletedTask;
    }

    public Task<IndexSnapshot?> GetAsync() => Task.FromResult(_snapshot);
}
