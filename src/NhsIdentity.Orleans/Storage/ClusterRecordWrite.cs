using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Storage;

/// <summary>One write to commit: a record's new content and the buckets its keys fall in, or its removal.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Record">The record's new content, or <see langword="null"/> to remove it.</param>
/// <param name="Buckets">The buckets the new content's keys fall in (one per rule it has a key for, distinct); empty
/// for a removal.</param>
public sealed record ClusterRecordWrite(string Id, PatientRecord? Record, IReadOnlyList<BucketAddress> Buckets);
