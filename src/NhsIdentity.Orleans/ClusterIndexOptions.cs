using NhsIdentity.Matching;

namespace NhsIdentity.Orleans;

/// <summary>How a <see cref="ClusterPatientIndex"/> is laid out over the cluster. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>. The layout is
/// fixed for a deployment: every client of one index must use the same options (the snapshot it publishes carries
/// them to the silos), and changing <see cref="Buckets"/> or the blocking rules means loading the index again.</remarks>
public sealed record ClusterIndexOptions
{
    /// <summary>The default <see cref="Buckets"/>: 256.</summary>
    public const int DefaultBuckets = 256;

    /// <summary>The options used when none are given.</summary>
    public static ClusterIndexOptions Default { get; } = new();

    /// <summary>Gets the single-node options whose answers the cluster reproduces: blocking rules, preparation,
    /// <see cref="PatientIndexOptions.MaxCandidates"/> and <see cref="PatientIndexOptions.MinimumDecision"/>. Default
    /// <see cref="PatientIndexOptions.Default"/>.</summary>
    public PatientIndexOptions Index { get; init; } = PatientIndexOptions.Default;

    /// <summary>
    /// Gets the number of buckets per blocking rule, B, which is also the number of row shards: a record's key under
    /// rule r lives in key bucket <c>hash(r, key) mod B</c> and its prepared row in row shard <c>hash(id) mod B</c>,
    /// one grain each. Default <see cref="DefaultBuckets"/> (256, the figure SCALE.md starts from): enough grains to
    /// spread over dozens of silos, few enough that each holds thousands of records at national scale. Between 1 and
    /// 65,536.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 65,536.</exception>
    public int Buckets
    {
        get => _buckets;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxBuckets);
            _buckets = value;
        }
    }

    /// <summary>Gets the index's name, which prefixes its grains' keys so that one cluster can hold several indexes.
    /// Default <c>patients</c>. Letters, digits, '-' and '_' only (it is part of a grain key).</summary>
    /// <exception cref="ArgumentException">The value is empty or has another character.</exception>
    public string Name
    {
        get => _name;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            foreach (var c in value)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                {
                    throw new ArgumentException("An index name has letters, digits, '-' and '_' only.", nameof(value));
                }
            }

            _name = value;
        }
    }

    /// <summary>The default <see cref="RecoveryWait"/>: 10 seconds.</summary>
    /// <remarks>A property, not a field: <see cref="Default"/> is built during static initialisation, before a static
    /// field declared after it would be set.</remarks>
    public static TimeSpan DefaultRecoveryWait => TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets how long a call waits for buckets (and owners) whose silo was lost to reactivate elsewhere and reload from
    /// the store, retrying with a growing backoff. When it runs out a lookup returns what the other buckets found,
    /// flagged <see cref="ClusterMatchResult.IsDegraded"/>. A write waits up to this long to be committed and up to
    /// this long again for its buckets: committed, it is acknowledged (with <see cref="ClusterWriteResult.IsApplied"/>
    /// false if some bucket did not answer); not committed in time, it throws (it may still be committed later;
    /// writing it again is safe). Default <see cref="DefaultRecoveryWait"/> (10 s): longer than a
    /// lost silo's buckets take to come back once Orleans has declared it dead, short enough for an interactive
    /// caller. Between 0 (no waiting: one try) and 10 minutes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 10 minutes.</exception>
    public TimeSpan RecoveryWait
    {
        get => _recoveryWait;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxRecoveryWait);
            _recoveryWait = value;
        }
    }

    private const int MaxBuckets = 65_536;
    private static readonly TimeSpan MaxRecoveryWait = TimeSpan.FromMinutes(10);
    private readonly TimeSpan _recoveryWait = DefaultRecoveryWait;
    private readonly int _buckets = DefaultBuckets;
    private readonly string _name = "patients";
}
