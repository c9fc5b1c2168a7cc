using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class MetricsTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Lookups_writes_latency_and_index_size_are_measured()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var meterFactory = factory.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests run their own hosts in parallel.
            if (instrument.Meter.Name == "NhsIdentity.Server" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, old) => old + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, old) => old + 1));
        listener.Start();

        var record = new { nhsNumber = Synthetic.NhsNumber(51), givenNames = "Isolde", familyName = "Brackenridge", dateOfBirth = "2001-08-09" };
        await client.PutAsJsonAsync(new Uri("/records/r-51", UriKind.Relative), record);
        await client.PutAsJsonAsync(new Uri("/records/r-52", UriKind.Relative), record with { nhsNumber = Synthetic.NhsNumber(52) });
        await client.PostAsJsonAsync(new Uri("/match", UriKind.Relative), record);
        listener.RecordObservableInstruments();

        Assert.Equal(2, measured["nhsidentity.server.writes"]);
        Assert.Equal(1, measured["nhsidentity.server.lookups"]);
        Assert.Equal(1, measured["nhsidentity.server.lookup.duration"]);
        Assert.Equal(2, measured["nhsidentity.server.index.size"]);
    }
}
