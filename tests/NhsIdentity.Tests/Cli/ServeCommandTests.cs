using System.Globalization;
using System.Net;
using System.Text;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Reliability;
using NhsIdentity.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid serve</c>: the built tool hosts the service on a loopback port, answers a write and a
/// <c>$match</c> over the socket, and stops cleanly on Ctrl+C; settings that cannot work stop it before it listens.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private const string ApiKey = "serve-test-key-not-a-secret";
    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    [LinuxFact]
    public async Task Serve_answers_a_put_and_a_match_over_a_loopback_socket_and_stops_cleanly_on_ctrl_c()
    {
        var keyFile = _temp.Write("api.key", ApiKey + "\n");
        var data = _temp.PathOf("mpi.db");
        using var child = NhsidProcess.Start(["serve", "--data", data, "--urls", "http://127.0.0.1:0", "--api-key-file", keyFile]);
        Assert.True(child.WaitForLine("listening on "), "nhsid serve ended before listening: " + child.Error);
        var address = new Uri(child.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]["listening on ".Length..].Trim());
        Assert.True(child.WaitForLine("ready: "), "nhsid serve ended before ready: " + child.Error);

        using var client = new HttpClient { BaseAddress = address };
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var nhsNumber = new NhsNumberGenerator(41, NhsNumberRegion.Test).Next().ToString("N", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsync(new Uri("/fhir/Patient/cli-1", UriKind.Relative), Fhir(Patient(nhsNumber, "cli-1")))).StatusCode);

        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var put = await client.PutAsync(new Uri("/fhir/Patient/cli-1", UriKind.Relative), Fhir(Patient(nhsNumber, "cli-1")));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var match = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative),
            Fhir($$"""{"resourceType":"Parameters","parameter":[{"name":"resource","resource":{{Patient(nhsNumber, id: null)}}}]}"""));
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        var bundle = await match.Content.ReadAsStringAsync();
        Assert.Contains("\"searchset\"", bundle, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"cli-1\"", bundle, StringComparison.Ordinal);

        child.Signal("INT");
        var exitCode = child.WaitForExit();

        Assert.True(exitCode == 0, $"exit {exitCode}: {child.Error}");
        Assert.Contains("stopped.", child.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, child.Error + await child.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(data));
    }

    [Fact]
    public void Serve_without_credentials_refuses_to_start_with_exit_2()
    {
        var result = CliRunner.Run("serve", "--data", _temp.PathOf("mpi.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api-key-file", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.PathOf("mpi.db")));
    }

    [Fact]
    public void Serve_takes_no_api_key_argument_and_does_not_echo_it()
    {
        var result = CliRunner.Run("serve", "--api-key", "plainsecretvalue");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("plainsecretvalue", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/some/path")]
    public void Serve_refuses_a_url_it_cannot_listen_on_with_exit_2(string urls)
    {
        var keyFile = _temp.Write("api.key", ApiKey);

        var result = CliRunner.Run("serve", "--data", _temp.PathOf("mpi.db"), "--urls", urls, "--api-key-file", keyFile);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--urls", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_with_an_unreadable_model_stops_with_exit_1_instead_of_staying_not_ready()
    {
        var keyFile = _temp.Write("api.key", ApiKey);
        var model = _temp.Write("model.json", "{ this is not a model");

        var result = CliRunner.Run("serve", "--data", _temp.PathOf("mpi.db"), "--urls", "http://127.0.0.1:0", "--api-key-file", keyFile, "--model", model);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not be loaded", result.Error, StringComparison.Ordinal);
    }

    private static string Patient(string nhsNumber, string? id) =>
        $$"""{"resourceType":"Patient",{{(id is null ? string.Empty : $"\"id\":\"{id}\",")}}"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{nhsNumber}}"}],"name":[{"family":"Quellwater","given":["Ardith"]}],"gender":"female","birthDate":"1961-04-17","address":[{"postalCode":"LS1 4AP"}]}""";

    private static StringContent Fhir(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fhir+json");
        return content;
    }
}
