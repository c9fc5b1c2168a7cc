using Microsoft.Extensions.Options;
using NhsIdentity.Matching;
using NhsIdentity.Orleans;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Cluster;

/// <summary>Opens the cluster's index once this node's silo has started: the first node of a cluster measures the term
/// frequencies over the service's store, publishes the snapshot and loads every record; a node joining (or restarting
/// into) a running cluster adopts the published snapshot and loads nothing (the buckets load themselves from the
/// cluster's store). Then, every <see cref="RepairInterval"/>, it re-applies writes some bucket missed.</summary>
internal sealed partial class ClusterIndexLoader(
    ClusterServedIndex served, IPatientStore store, IGrainFactory grains, ClusterSettings settings, IOptions<ServerOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ClusterIndexLoader> logger) : BackgroundService
{
    /// <summary>How often unacknowledged writes are re-applied (a write whose bucket was unreachable after its commit).</summary>
    private static readonly TimeSpan RepairInterval = TimeSpan.FromSeconds(15);

    /// <summary>Records per load call: large enough to keep every bucket busy, small enough to bound the memory of one.</summary>
    private const int LoadBatch = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClusterPatientIndex index;
        try
        {
            // The silo starts with the host; grains can be called once every hosted service has started.
            await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = Hosting.IndexLoader.LoadModel(options.Value.ModelPath);
            await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
            var version = await store.RecordModelAsync(model.ToJson(), stoppingToken).ConfigureAwait(false);
            var layout = new ClusterIndexOptions { Buckets = settings.Buckets, RecoveryWait = settings.RecoveryWait };
            index = await ClusterPatientIndex.OpenAsync(grains, model, MeasureAsync, layout, cancellationToken: stoppingToken).ConfigureAwait(false);
            var count = index.PublishedSnapshot
                ? await LoadAsync(index, stoppingToken).ConfigureAwait(false)
                : await CountAsync(stoppingToken).ConfigureAwait(false);
            served.Ready(index, model, version.Version, count);
            var (snapshot, published, seconds) = (index.SnapshotVersion, index.PublishedSnapshot, clock.Elapsed.TotalSeconds);
            LogReady(logger, count, snapshot, published, seconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            served.Fail(exception);
            var type = exception.GetType().Name;
            LogFailed(logger, type);
            return;
        }

        using var timer = new PeriodicTimer(RepairInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await index.RepairAsync(stoppingToken).ConfigureAwait(false) is > 0 and var repaired)
                {
                    LogRepaired(logger, repaired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var type = exception.GetType().Name;
                LogRepairFailed(logger, type); // the next tick tries again
            }
        }
    }

    /// <summary>The term frequencies over every stored record: read once, only by the node that publishes.</summary>
    private async Task<TermFrequencyTable> MeasureAsync(CancellationToken cancellationToken)
    {
        var records = new List<PatientRecord>();
        await foreach (var stored in store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(stored.Record with { Id = stored.Id });
        }

        return TermFrequencyTable.Measure(new RecordSet(records, PatientIndexOptions.Default.RecordSetOptions));
    }

    private async Task<int> LoadAsync(ClusterPatientIndex index, CancellationToken cancellationToken)
    {
        var batch = new List<PatientRecord>(LoadBatch);
        var count = 0;
        await foreach (var stored in store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(stored.Record with { Id = stored.Id });
            if (batch.Count == LoadBatch)
            {
                count += await FlushAsync(index, batch, cancellationToken).ConfigureAwait(false);
            }
        }

        return count + await FlushAsync(index, batch, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> FlushAsync(ClusterPatientIndex index, List<PatientRecord> batch, CancellationToken cancellationToken)
    {
        var written = batch.Count;
        if (written > 0)
        {
            await index.AddRangeAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Clear();
        }

        return written;
    }

    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: {Count} records in the service's store, served from the cluster with snapshot {Snapshot} (published and loaded by this node: {Published}), in {Seconds:F2} s.")]
    private static partial void LogReady(ILogger logger, int count, string snapshot, bool published, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Opening the cluster index failed ({ExceptionType}); the service stays not ready.")]
    private static partial void LogFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-applied {Count} writes some bucket had not acknowledged.")]
    private static partial void LogRepaired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The repair sweep failed ({ExceptionType}); it runs again shortly.")]
    private static partial void LogRepairFailed(ILogger logger, string exceptionType);
}
