using System.Net;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>The service over a real loopback socket (Kestrel, not TestServer): readiness, a write, a match, and the
/// 401 without a key, end to end through the HTTP stack.</summary>
public sealed class SocketTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Over_a_socket_the_service_gets_ready_stores_a_patient_and_matches_it()
    {
        await using var host = await SocketHost.StartAsync(_data.DbPath);
        using var client = host.Client();
        Assert.Equal("127.0.0.1", host.Address.Host);
        Assert.NotEqual(0, host.Address.Port);

        // Readiness is polled, as a load balancer would, until the index has loaded from the (empty) store.
        HttpResponseMessage ready;
        while ((ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            await System.Threading.Tasks.Task.Delay(20);
        }

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var nhsNumber = Synthetic.NhsNumber(31);
        var put = await client.PutAsync(new Uri("/fhir/Patient/sock-1", UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(nhsNumber)));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var match = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(nhsNumber))));

        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.Equal("application/fhir+json", match.Content.Headers.ContentType?.MediaType);
        var bundle = await Synthetic.ReadAsync<Bundle>(match);
        Assert.Equal("sock-1", Assert.Single(bundle.Entry).Resource?.Id);
    }

    [Fact]
    public async System.Threading.Tasks.Task Over_a_socket_a_request_without_the_key_gets_401_operation_outcome()
    {
        await using var host = await SocketHost.StartAsync(_data.DbPath);
        using var client = host.Client(withKey: false);

        var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(32)))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var outcome = await Synthetic.ReadAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueType.Login, Assert.Single(outcome.Issue).Code);
    }
}
