using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>JWT bearer beside the API key: a valid token is accepted and named in the audit line; an expired one, one
/// for another audience or issuer, or one signed with another key gets a 401 OperationOutcome.</summary>
public sealed class BearerTokenTests : IDisposable
{
    private static readonly Uri AnyPatient = new("/fhir/Patient/nobody", UriKind.Relative);
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task A_valid_token_is_accepted_and_the_audit_line_names_its_client_not_the_token()
    {
        using var factory = new ServerFactory(_data.DbPath, settings: Tokens.SymmetricSettings(_data.Folder));
        using var client = await factory.ReadyClientWithoutKeyAsync();
        var token = Tokens.Create();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(AnyPatient);

        // 404: past the credential check, and no such patient.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var audit = Assert.Single(factory.Logs.LinesOf(AuditMiddleware.Category));
        Assert.Contains("caller=token:client-a ", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Message.Contains(token, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "expired", Tokens.Create(expires: DateTime.UtcNow.AddHours(-1)) },
        { "wrong audience", Tokens.Create(audience: "someone-else") },
        { "wrong issuer", Tokens.Create(issuer: "https://elsewhere.test.invalid") },
        { "wrong key", Tokens.Create(key: Tokens.OtherKey) },
        { "not a token", "not.a.jwt" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async System.Threading.Tasks.Task A_token_that_fails_validation_gets_401_operation_outcome(string why, string token)
    {
        using var factory = new ServerFactory(_data.DbPath, settings: Tokens.SymmetricSettings(_data.Folder));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(AnyPatient);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why + ": " + response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var outcome = await Synthetic.ReadAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueType.Login, Assert.Single(outcome.Issue).Code);
        Assert.Contains("caller=unauthenticated ", Assert.Single(factory.Logs.LinesOf(AuditMiddleware.Category)), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_api_key_still_works_when_tokens_are_on()
    {
        using var factory = new ServerFactory(_data.DbPath, settings: Tokens.SymmetricSettings(_data.Folder));
        using var client = await factory.ReadyClientWithoutKeyAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AnyPatient)).StatusCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_token_is_refused_when_tokens_are_not_configured()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create());

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AnyPatient)).StatusCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task Tokens_alone_are_enough_credentials_to_start()
    {
        var settings = Tokens.SymmetricSettings(_data.Folder);
        settings["NhsIdentity:ApiKey"] = string.Empty;
        using var factory = new ServerFactory(_data.DbPath, settings: settings);
        using var client = await factory.ReadyClientWithoutKeyAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AnyPatient)).StatusCode);
    }

    [Theory]
    [InlineData("NhsIdentity:Jwt:Issuer", "", "Issuer")]
    [InlineData("NhsIdentity:Jwt:Audience", "", "Audience")]
    public void Incomplete_token_settings_stop_the_start(string key, string value, string named)
    {
        var settings = Tokens.SymmetricSettings(_data.Folder);
        settings[key] = value;
        using var factory = new ServerFactory(_data.DbPath, settings: settings);

        var error = Assert.Throws<ServerConfigurationException>(() => factory.CreateClient());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_signing_key_stops_the_start_without_showing_it()
    {
        var settings = Tokens.SymmetricSettings(_data.Folder);
        File.WriteAllText(settings["NhsIdentity:Jwt:SigningKeyFile"]!, "short-key");
        using var factory = new ServerFactory(_data.DbPath, settings: settings);

        var error = Assert.Throws<ServerConfigurationException>(() => factory.CreateClient());
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", error.Message, StringComparison.Ordinal);
    }
}
