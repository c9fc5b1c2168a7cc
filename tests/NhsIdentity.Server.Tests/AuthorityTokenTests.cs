using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>Tokens from an OpenID Connect authority (<c>NhsIdentity:Jwt:Authority</c>): the signing key and issuer come
/// from its metadata, so a token it signed is accepted and one signed by another key, or naming another issuer, is
/// refused.</summary>
public sealed class AuthorityTokenTests : IDisposable
{
    private static readonly Uri AnyPatient = new("/fhir/Patient/nobody", UriKind.Relative);
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task A_token_signed_by_the_authority_is_accepted_and_others_are_refused()
    {
        await using var authority = await TestAuthority.StartAsync();
        var settings = authority.Settings();
        settings["NhsIdentity:ApiKey"] = string.Empty;
        using var factory = new ServerFactory(_data.DbPath, settings: settings);
        using var client = await factory.ReadyClientWithoutKeyAsync();
        using var otherRsa = RSA.Create(2048);
        var other = new RsaSecurityKey(otherRsa) { KeyId = "test-key-1" };

        var accepted = await GetWithAsync(client, Tokens.Create(authority.Key, SecurityAlgorithms.RsaSha256, authority.Issuer, Tokens.Audience, null, "rsa-client"));
        var wrongKey = await GetWithAsync(client, Tokens.Create(other, SecurityAlgorithms.RsaSha256, authority.Issuer, Tokens.Audience, null, "rsa-client"));
        var wrongIssuer = await GetWithAsync(client, Tokens.Create(authority.Key, SecurityAlgorithms.RsaSha256, "https://elsewhere.test.invalid", Tokens.Audience, null, "rsa-client"));

        Assert.Equal(HttpStatusCode.NotFound, accepted);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongIssuer);
    }

    private static async System.Threading.Tasks.Task<HttpStatusCode> GetWithAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AnyPatient);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
