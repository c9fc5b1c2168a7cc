using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class SecurityTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async System.Threading.Tasks.Task Requests_without_the_api_key_get_401_operation_outcome(string? key)
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var response = await client.GetAsync(new Uri("/fhir/Patient/anyone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var outcome = await Synthetic.ReadAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueType.Login, Assert.Single(outcome.Issue).Code);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_authorization_apikey_scheme_is_accepted()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientWithoutKeyAsync();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "ApiKey " + ServerFactory.ApiKey);

        var response = await client.GetAsync(new Uri("/fhir/Patient/anyone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_oversize_body_gets_413_operation_outcome()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var big = new StringContent("{\"familyName\":\"" + new string('x', 100_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await client.PutAsync(new Uri("/records/r-1", UriKind.Relative), big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/fhir/Patient/r-1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void The_service_refuses_to_start_without_an_api_key()
    {
        using var factory = new ServerFactory(_data.DbPath, settings: new Dictionary<string, string?> { ["NhsIdentity:ApiKey"] = string.Empty });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("API key", error.Message, StringComparison.Ordinal);
    }
}
