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
            await index.LoadAsync(model, stoppingToken).ConfigureAwait(false);
            LogLoaded(logger, index.Count, index.ModelVersion, index.ModelSwapped);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message of a store or model failure names files and SQL, never patient values.
            index.Fail(exception);
            var type = exception.GetType().Name;
            LogLoadFailed(logger, type);
        }
    }

    private static MatchModel LoadModel(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return MatchModel.Default;
        }

        using var stream = File.OpenRead(path);
        return MatchModel.Load(stream);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index loaded from the store: {Count} records, model version {ModelVersion} (swapped on this start: {Swapped}).")]
    private static partial void LogLoaded(ILogger logger, int count, int modelVersion, bool swapped);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Loading the index from the store failed ({ExceptionType}); the service stays not ready.")]
    private static partial void LogLoadFailed(ILogger logger, string exceptionType);
}
