using System.Globalization;

namespace NhsIdentity.Orleans.Storage;

/// <summary>One bucket of one blocking rule: where a record's key under <see cref="Rule"/> falls
/// (<c>hash(rule, key) mod B</c>).</summary>
/// <param name="Rule">The blocking rule's position in <see cref="ClusterIndexOptions.Index"/>'s rules.</param>
/// <param name="Bucket">The bucket, 0 to <see cref="ClusterIndexOptions.Buckets"/> - 1.</param>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.BucketAddress")]
public readonly record struct BucketAddress([property: Id(0)] int Rule, [property: Id(1)] int Bucket)
{
    /// <summary>Returns <c>rule/bucket</c>.</summary>
    /// <returns>The address as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rule}/{Bucket}");
}
