using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Hosting;

/// <summary>The index the endpoints serve: the in-process <see cref="IdentityIndex"/> (one node), or
/// <see cref="Cluster.ClusterServedIndex"/> (<c>nhsid serve --cluster</c>: the index partitioned over an Orleans
/// cluster). Either way the store is written first and the index is a cache of it, so the endpoints do not know which
/// they have.</summary>
internal interface IServedIndex
{
    /// <summary>Completes when the index can answer (faults when loading failed).</summary>
    Task Loaded { get; }

    /// <summary>Whether <see cref="Loaded"/> completed successfully.</summary>
    bool IsReady { get; }

    /// <summary>The store's version of the model in use.</summary>
    int ModelVersion { get; }

    /// <summary>The records in the index (on a cluster: those this node loaded or saw at start, plus its own writes).</summary>
    int Count { get; }

    /// <summary>The source of truth the index is a cache of.</summary>
    IPatientStore Store { get; }

    /// <summary>The model that scores lookups (for explanations).</summary>
    MatchModel Model { get; }

    /// <summary>How records are prepared (for explanations).</summary>
    RecordSetOptions Preparation { get; }

    /// <summary>The best matches, as <see cref="PatientIndex.FindMatches(PatientRecord, int)"/> orders them.</summary>
    /// <exception cref="IndexRecoveringException">Part of a cluster's index did not answer in time: no partial answer
    /// is returned.</exception>
    ValueTask<IReadOnlyList<IndexMatch>> FindMatchesAsync(PatientRecord query, int count, CancellationToken cancellationToken);

    /// <summary>Commits the patient to the store, then applies it to the index.</summary>
    /// <returns><see langword="true"/> when added, <see langword="false"/> when replaced.</returns>
    Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken);

    /// <summary>Deletes the patient from the store, then from the index.</summary>
    /// <returns><see langword="false"/> when there was no such patient.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
