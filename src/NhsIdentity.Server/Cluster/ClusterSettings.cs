namespace NhsIdentity.Server.Cluster;

/// <summary>The settings of <c>nhsid serve --cluster</c>, section <c>NhsIdentity:Cluster</c>. The PostgreSQL
/// connection string for membership and the index's store is not among them: it is read from the environment variable
/// <see cref="ConnectionVariable"/> only, so it never appears in a command line, a settings file or a log.</summary>
internal sealed class ClusterSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "NhsIdentity:Cluster";

    /// <summary>The environment variable holding the Npgsql connection string for several nodes. Absent: one node with
    /// localhost clustering and the index's store in memory (reloaded from the service's store on every start).</summary>
    public const string ConnectionVariable = "NHSID_CLUSTER_POSTGRES";

    /// <summary>Whether the service hosts a silo and serves the index from the cluster; default off.</summary>
    public bool Enabled { get; set; }

    /// <summary>The port silos talk to each other on; default 11111 (Orleans' own default).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to; default 30000 (Orleans' own default).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address this silo advertises to the others; default 127.0.0.1 (loopback: nodes on one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The cluster's id: nodes with the same id and store form one cluster; default <c>nhsidentity</c>.</summary>
    public string ClusterId { get; set; } = "nhsidentity";

    /// <summary>Buckets per blocking rule (<see cref="Orleans.ClusterIndexOptions.Buckets"/>); default 256. Every node
    /// of one cluster must use the same (a node with another layout refuses to start).</summary>
    public int Buckets { get; set; } = NhsIdentity.Orleans.ClusterIndexOptions.DefaultBuckets;

    /// <summary>How long a lookup waits for buckets of a lost node to come back before the service answers 503
    /// (<see cref="Orleans.ClusterIndexOptions.RecoveryWait"/>); default 10 s.</summary>
    public TimeSpan RecoveryWait { get; set; } = NhsIdentity.Orleans.ClusterIndexOptions.DefaultRecoveryWait;
}
