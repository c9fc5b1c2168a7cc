using NhsIdentity.Matching;
using Microsoft.Extensions.Options;

namespace NhsIdentity.Server.Hosting;

/// <summary>Rebuilds the index from the store in the background, so <c>/health/live</c> answers at once and
/// <c>/health/ready</c> turns ready when loading is done.</summary>
internal sealed partial class IndexLoader(IdentityIndex index, IOptions<ServerOptions> options, ILogger<IndexLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var model = LoadModel(options.Value.ModelPath);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var start = await index.LoadAsync(model, options.Value.ResolvedSnapshotPath, stoppingToken).ConfigureAwait(false);
            if (start.SnapshotRefused is { } reason)
            {
                LogSnapshotRefused(logger, reason);
            }

            if (start.FromSnapshot)
            {
                LogLoadedFromSnapshot(logger, index.Count, start.Updated, start.Removed, clock.Elapsed.TotalSeconds);
            }

            LogLoaded(logger, index.Count, index.ModelVersion, index.ModelSwapped, clock.Elapsed.TotalSeconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message of a store or model failure names files and SQL, never patient values.
            index.Fail(exception);
            var type = exception.GetType().Name;
            LogLoadFailed(logger, type);
        }
    }

    /// <summary>Saves the index snapshot when the service stops (after the host has stopped taking requests).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.ResolvedSnapshotPath is not { } path || !index.IsReady)
        {
            return;
        }

        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await index.SaveSnapshotAsync(path, cancellationToken).ConfigureAwait(false);
            LogSnapshotSaved(logger, index.Count, clock.Elapsed.TotalSeconds);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OperationCanceledException or ObjectDisposedException)
        {
            // The next start rebuilds from the store: slower, never wrong.
            LogSnapshotSaveFailed(logger, exception.GetType().Name);
        }
    }

    internal static MatchModel LoadModel(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return MatchModel.Default;
        }

        using var stream = File.OpenRead(path);
        return MatchModel.Load(stream);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: {Count} records, model version {ModelVersion} (swapped on this start: {Swapped}), in {Seconds:F2} s.")]
    private static partial void LogLoaded(ILogger logger, int count, int modelVersion, bool swapped, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index started from its snapshot: {Count} records, {Updated} updated and {Removed} removed to match the store, in {Seconds:F2} s.")]
    private static partial void LogLoadedFromSnapshot(ILogger logger, int count, int updated, int removed, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index snapshot was not used ({Reason}); the index is rebuilt from the store.")]
    private static partial void LogSnapshotRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index snapshot saved: {Count} records in {Seconds:F2} s.")]
    private static partial void LogSnapshotSaved(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index snapshot could not be saved ({ExceptionType}); the next start rebuilds from the store.")]
    private static partial void LogSnapshotSaveFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Loading the index from the store failed ({ExceptionType}); the service stays not ready.")]
    private static partial void LogLoadFailed(ILogger logger, string exceptionType);
}
