namespace NhsIdentity.Server.Hosting;

/// <summary>Part of a cluster's index did not answer within its recovery wait (a silo was lost and its buckets are
/// reloading): the service answers 503 rather than a partial answer. The message holds no patient data.</summary>
internal sealed class IndexRecoveringException : Exception
{
    public IndexRecoveringException()
        : base("Part of the index is recovering after a node was lost.")
    {
    }

    public IndexRecoveringException(string message)
        : base(message)
    {
    }

    public IndexRecoveringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
