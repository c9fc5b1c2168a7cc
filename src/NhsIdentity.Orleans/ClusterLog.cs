using Microsoft.Extensions.Logging;

namespace NhsIdentity.Orleans;

/// <summary>Every log line the package writes, in one place: counts, grain keys (index name, rule and bucket), index
/// names, milliseconds and failure types only, never a record's content.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Grain {Grain} loaded {Records} records and {Tombstones} tombstones from the store in {Milliseconds} ms")]
    public static partial void BucketLoaded(ILogger logger, string grain, int records, int tombstones, long milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bucket {Bucket} of index {Index} did not acknowledge {Count} committed writes ({Reason}); it repairs on reload or by a repair sweep")]
    public static partial void BucketMissedWrites(ILogger logger, string bucket, string index, int count, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not record {Count} writes as applied ({Reason}); a repair sweep will apply them again, harmlessly")]
    public static partial void MarkAppliedFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Repair of index {Index}: {Applied} of {Found} unacknowledged writes applied")]
    public static partial void Repaired(ILogger logger, string index, int applied, int found);
}
