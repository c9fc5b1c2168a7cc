using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>Bearer tokens for tests, signed with a shared test key (or another key, to be refused).</summary>
internal static class Tokens
{
    public const string Issuer = "https://issuer.test.invalid";
    public const string Audience = "nhsidentity-test";
    public const string SigningKey = "test-signing-key-0123456789abcdef-not-a-secret";
    public const string OtherKey = "another-key-0123456789abcdef-0123456789-not-ours";

    public static string Create(
        string key = SigningKey, string issuer = Issuer, string audience = Audience, DateTime? expires = null, string clientId = "client-a") =>
        Create(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256, issuer, audience, expires, clientId);

    public static string Create(SecurityKey key, string algorithm, string issuer, string audience, DateTime? expires, string clientId)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "user-7"), new Claim("client_id", clientId)]),
            // An expired token must also have been issued before it expired.
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>The settings that turn tokens on with the shared test key, written to a file under <paramref name="folder"/>.</summary>
    public static Dictionary<string, string?> SymmetricSettings(string folder)
    {
        var keyFile = Path.Combine(folder, "jwt.key");
        File.WriteAllText(keyFile, SigningKey + "\n");
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NhsIdentity:Jwt:SigningKeyFile"] = keyFile,
            ["NhsIdentity:Jwt:Issuer"] = Issuer,
            ["NhsIdentity:Jwt:Audience"] = Audience,
        };
    }
}
