namespace NhsIdentity.Orleans.Storage;

/// <summary>The checks every store makes on a batch of writes before touching anything, so both stores refuse the
/// same batches with the same errors.</summary>
internal static class ClusterRecordWriteChecks
{
    public static void ThrowIfInvalid(string index, IReadOnlyList<ClusterRecordWrite> writes)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentNullException.ThrowIfNull(writes);
        var ids = new HashSet<string>(writes.Count, StringComparer.Ordinal);
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            if (string.IsNullOrEmpty(write.Id))
            {
                throw new ArgumentException("Every write needs an id.", nameof(writes));
            }

            if (!ids.Add(write.Id))
            {
                throw new ArgumentException("Two writes in one batch name the same id.", nameof(writes));
            }

            if (write.Record is { } record && !string.Equals(record.Id, write.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException("A write's record must carry the write's id.", nameof(writes));
            }

            ArgumentNullException.ThrowIfNull(write.Buckets, nameof(writes));
            if (write.Record is null && write.Buckets.Count > 0)
            {
                throw new ArgumentException("A removal has no buckets.", nameof(writes));
            }

            if (write.Buckets.Distinct().Count() != write.Buckets.Count)
            {
                throw new ArgumentException("A write names one bucket twice.", nameof(writes));
            }
        }
    }
}
