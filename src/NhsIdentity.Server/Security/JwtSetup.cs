using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Security;

/// <summary>Registers JWT bearer validation, configured from <see cref="ServerOptions.Jwt"/> when first used. The
/// options are read lazily because the settings are final only once the host is built (tests and
/// <c>nhsid serve</c> add theirs late); <see cref="CredentialMiddleware"/> calls the handler only when tokens are
/// enabled.</summary>
internal static class JwtSetup
{
    /// <summary>The signing key size HS256 needs: 256 bits.</summary>
    public const int MinimumSigningKeyBytes = 32;

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ServerOptions>>((bearer, server) => Configure(bearer, server.Value.Jwt));
    }

    /// <summary>Throws a <see cref="ServerConfigurationException"/> when tokens are enabled but cannot be
    /// validated as configured (checked at start, not at the first request).</summary>
    public static void Validate(IServiceProvider services)
    {
        var jwt = services.GetRequiredService<IOptions<ServerOptions>>().Value.Jwt;
        if (!jwt.IsEnabled)
        {
            return;
        }

        // Resolving the named options runs Configure: a bad key file fails here.
        _ = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }

    private static void Configure(JwtBearerOptions bearer, JwtSettings jwt)
    {
        if (!jwt.IsEnabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            throw new ServerConfigurationException("NhsIdentity:Jwt:Audience is required when bearer tokens are on (an authority or a signing key is set).");
        }

        // Claims keep their token names (sub, azp, client_id) instead of being mapped to long URIs.
        bearer.MapInboundClaims = false;
        bearer.Audience = jwt.Audience;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        var validation = bearer.TokenValidationParameters;
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidAudience = jwt.Audience;
        validation.ValidateLifetime = true;
        validation.RequireExpirationTime = true;
        validation.RequireSignedTokens = true;
        validation.ValidateIssuerSigningKey = true;
        // Five minutes is the library's default; one is enough between machines that keep time.
        validation.ClockSkew = TimeSpan.FromMinutes(1);
        if (!string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            validation.ValidIssuer = jwt.Issuer;
        }

        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            bearer.Authority = jwt.Authority;
        }

        if (!string.IsNullOrWhiteSpace(jwt.SigningKeyFile))
        {
            if (string.IsNullOrWhiteSpace(jwt.Issuer))
            {
                throw new ServerConfigurationException("NhsIdentity:Jwt:Issuer is required with NhsIdentity:Jwt:SigningKeyFile.");
            }

            var key = SecretFile.Read(jwt.SigningKeyFile, "NhsIdentity:Jwt:SigningKeyFile", MinimumSigningKeyBytes);
            validation.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
            validation.ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
        }
    }
}
