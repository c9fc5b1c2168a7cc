using System.Net;
using System.Text.Json;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: behind the same credentials as the API, and listing
/// every endpoint callers use.</summary>
public sealed class OpenApiTests : IDisposable
{
    private static readonly Uri Document = new("/openapi/v1.json", UriKind.Relative);
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task The_document_lists_the_fhir_and_plain_json_endpoints()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();

        var response = await client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/fhir/Patient/$match").TryGetProperty("post", out _));
        var patient = paths.GetProperty("/fhir/Patient/{id}");
        Assert.True(patient.TryGetProperty("put", out _) && patient.TryGetProperty("get", out _) && patient.TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/match").TryGetProperty("post", out _));
        var records = paths.GetProperty("/records/{id}");
        Assert.True(records.TryGetProperty("put", out _) && records.TryGetProperty("delete", out _));
    }

    [Fact]
    public async System.Threading.Tasks.Task The_document_needs_credentials()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Document)).StatusCode);
    }
}
