using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans;

/// <summary>Which failures a call retries: those a lost silo or a busy store cause (the grain is reactivating
/// elsewhere, the message was rejected, the call timed out, the store was unreachable), not those a wrong call causes
/// (a bad argument, another snapshot), which would fail the same way again.</summary>
internal static class Transient
{
    public static bool Is(Exception exception) =>
        exception is OrleansException or TimeoutException or ClusterRecordStoreException;
}
