using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class ErrorOutcomeTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("/match?count=abc", HttpStatusCode.BadRequest)]
    [InlineData("/match?count=0", HttpStatusCode.BadRequest)]
    [InlineData("/no/such/endpoint", HttpStatusCode.NotFound)]
    public async System.Threading.Tasks.Task Errors_are_operation_outcomes(string path, HttpStatusCode expected)
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();

        var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { familyName = "Venterly" });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = await Synthetic.ReadAsync<OperationOutcome>(response);
        Assert.Single(outcome.Issue);
        Assert.DoesNotContain("Venterly", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Match_parameters_without_a_patient_are_refused()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var parameters = new Parameters();
        parameters.Add("count", new Integer(5));

        var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(parameters));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Invalid, Assert.Single((await Synthetic.ReadAsync<OperationOutcome>(response)).Issue).Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async System.Threading.Tasks.Task A_patient_posted_where_parameters_belong_or_a_repeated_parameter_is_a_400_not_a_500(bool fastPath)
    {
        using var factory = new ServerFactory(_data.DbPath, settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["NhsIdentity:FhirFastPath"] = fastPath ? "true" : "false" });
        using var client = await factory.ReadyClientAsync();
        var patient = new Patient { Name = [new HumanName { Family = "Venterly", Given = ["Ardith"] }], BirthDate = "1961-04-17" };
        var repeated = new Parameters();
        repeated.Add("resource", patient);
        repeated.Add("resource", patient);
        var twoCounts = new Parameters();
        twoCounts.Add("resource", patient);
        twoCounts.Add("count", new Integer(5));
        twoCounts.Add("count", new Integer(6));

        foreach (var body in new[] { Synthetic.Fhir(patient), Synthetic.Fhir(repeated), Synthetic.Fhir(twoCounts) })
        {
            var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(OperationOutcome.IssueType.Invalid, Assert.Single((await Synthetic.ReadAsync<OperationOutcome>(response)).Issue).Code);
            Assert.DoesNotContain("Venterly", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
