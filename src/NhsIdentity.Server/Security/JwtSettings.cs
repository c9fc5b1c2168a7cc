namespace NhsIdentity.Server.Security;

/// <summary>Bearer token settings (<c>NhsIdentity:Jwt:*</c>). Either an <see cref="Authority"/> (an OpenID Connect
/// issuer whose metadata gives the issuer name and signing keys) or, for tests and closed networks only, a shared
/// <see cref="SigningKeyFile"/> with an <see cref="Issuer"/>. The audience, issuer, lifetime and signature of every
/// token are checked.</summary>
internal sealed class JwtSettings
{
    /// <summary>The OpenID Connect authority (<c>https://login.example.nhs.uk/tenant</c>); its
    /// <c>/.well-known/openid-configuration</c> supplies the issuer and the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience every token must name (this service's client id or URI). Required when tokens are on.</summary>
    public string? Audience { get; set; }

    /// <summary>A file whose text is a shared HMAC key (at least 32 bytes) for HS256 tokens: NOT for production,
    /// where anyone holding the key can mint tokens. Needs <see cref="Issuer"/>.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The issuer tokens signed with <see cref="SigningKeyFile"/> must carry; with an
    /// <see cref="Authority"/>, the metadata's issuer is used unless this is set.</summary>
    public string? Issuer { get; set; }

    /// <summary>Whether the authority's metadata must come over HTTPS; default on. Off only for a test authority on
    /// loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether bearer tokens are accepted at all.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKeyFile);
}
