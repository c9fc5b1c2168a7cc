using System.Diagnostics.Metrics;

namespace NhsIdentity.Server.Hosting;

/// <summary>The service's instruments on the <c>NhsIdentity.Server</c> meter, for an OpenTelemetry exporter (or
/// <c>dotnet-counters</c>) to pick up.</summary>
internal sealed class ServerMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "NhsIdentity.Server";

    private readonly Counter<long> _lookups;
    private readonly Counter<long> _writes;
    private readonly Histogram<double> _lookupDuration;

    public ServerMetrics(IMeterFactory meterFactory, IServedIndex index)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _lookups = meter.CreateCounter<long>("nhsidentity.server.lookups", unit: "{lookup}", description: "Match lookups answered.");
        _writes = meter.CreateCounter<long>("nhsidentity.server.writes", unit: "{write}", description: "Committed writes (add, replace, delete).");
        _lookupDuration = meter.CreateHistogram<double>("nhsidentity.server.lookup.duration", unit: "ms", description: "Time to answer a match lookup.");
        meter.CreateObservableGauge("nhsidentity.server.index.size", () => index.Count, unit: "{record}", description: "Records in the index.");
    }

    public void Lookup(double milliseconds, string api)
    {
        var tag = new KeyValuePair<string, object?>("api", api);
        _lookups.Add(1, tag);
        _lookupDuration.Record(milliseconds, tag);
    }

    public void Write(string operation) => _writes.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
