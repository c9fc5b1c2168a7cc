using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class HealthTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Ready_only_once_the_index_is_loaded_from_the_store_while_live_answers_at_once()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var factory = new ServerFactory(_data.DbPath, services =>
            services.AddSingleton<IPatientStore>(new GatedStore(new SqlitePatientStore(_data.DbPath, TimeProvider.System), gate.Task)));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.ApiKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var early = await client.PostAsJsonAsync(new Uri("/match", UriKind.Relative), new { familyName = "Anyone" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        // A read during start-up: the store may have no schema yet, so "not ready" rather than a 500.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/fhir/Patient/anyone", UriKind.Relative))).StatusCode);

        gate.SetResult();
        await factory.Services.GetRequiredService<IdentityIndex>().Loaded;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    /// <summary>Holds the start-up read of the store until the test opens the gate.</summary>
    private sealed class GatedStore(IPatientStore inner, System.Threading.Tasks.Task gate) : IPatientStore
    {
        public System.Threading.Tasks.Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public System.Threading.Tasks.Task<ModelVersion> RecordModelAsync(string modelJson, CancellationToken cancellationToken) => inner.RecordModelAsync(modelJson, cancellationToken);

        public async IAsyncEnumerable<StoredPatient> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            await foreach (var patient in inner.ReadAllAsync(cancellationToken))
            {
                yield return patient;
            }
        }

        public System.Threading.Tasks.Task<StoredPatient?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public System.Threading.Tasks.Task<bool> UpsertAsync(StoredPatient patient, CancellationToken cancellationToken) => inner.UpsertAsync(patient, cancellationToken);

        public System.Threading.Tasks.Task<IReadOnlyDictionary<string, StoredPatient>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetManyAsync(ids, cancellationToken);

        public System.Threading.Tasks.Task<BatchWriteCounts> UpsertBatchAsync(IReadOnlyList<StoredPatient> patients, CancellationToken cancellationToken) => inner.UpsertBatchAsync(patients, cancellationToken);

        public System.Threading.Tasks.Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);
    }
}
