using System.Text;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <inheritdoc cref="IIndexCatalogGrain"/>
internal sealed class IndexCatalogGrain(IClusterRecordStore store) : Grain, IIndexCatalogGrain
{
    private string? _current;

    public async Task<string?> CurrentAsync()
    {
        if (_current is null && await store.ReadSnapshotAsync(PointerKey, CancellationToken.None) is { } content)
        {
            _current = Encoding.UTF8.GetString(content);
        }

        return _current;
    }

    public async Task<string> AdoptAsync(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        if (await CurrentAsync() is { } current)
        {
            return current;
        }

        // Insert-if-absent in the store, then read back: a second node racing through another activation (a silo
        // lost mid-call) cannot make two snapshots current.
        await store.SaveSnapshotAsync(PointerKey, Encoding.UTF8.GetBytes(version), CancellationToken.None);
        return await CurrentAsync() ?? throw new InvalidOperationException("The store did not keep the index's snapshot pointer.");
    }

    /// <summary>The pointer's key in the snapshot table; snapshot versions are hex, so it cannot collide with one.</summary>
    private string PointerKey => "current:" + this.GetPrimaryKeyString();
}
