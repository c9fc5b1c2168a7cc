using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>A minimal OpenID Connect authority on a loopback port: its discovery document and one RSA signing key
/// (JWKS), so the service's <c>NhsIdentity:Jwt:Authority</c> path is exercised as in production, metadata included.</summary>
internal sealed class TestAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RSA _rsa;

    private TestAuthority(WebApplication app, RSA rsa, string issuer)
    {
        _app = app;
        _rsa = rsa;
        Issuer = issuer;
        Key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
    }

    /// <summary>The authority's URL, which is also its issuer name.</summary>
    public string Issuer { get; }

    /// <summary>The key the JWKS publishes.</summary>
    public RsaSecurityKey Key { get; }

    public static async Task<TestAuthority> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        string? issuer = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object?>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = issuer + "/jwks",
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key-1", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } }));
        await app.StartAsync();
        issuer = Assert.Single(app.Urls);
        return new TestAuthority(app, rsa, issuer);
    }

    public Dictionary<string, string?> Settings() => new(StringComparer.Ordinal)
    {
        ["NhsIdentity:Jwt:Authority"] = Issuer,
        ["NhsIdentity:Jwt:Audience"] = Tokens.Audience,
        // Plain HTTP metadata is allowed for this loopback test authority only.
        ["NhsIdentity:Jwt:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
