using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Server.Endpoints;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>The fast <c>$match</c> path (System.Text.Json reader and writer) against the SDK path it stands in for
/// (<c>NhsIdentity:FhirFastPath=false</c>): on the same store, every request gets the same status, content type and
/// body text, errors included.</summary>
public sealed class FhirFastPathTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Both_paths_answer_every_request_alike()
    {
        var bodies = Bodies();
        var fast = await AnswersAsync(fastPath: true, bodies, seed: true);
        var sdk = await AnswersAsync(fastPath: false, bodies, seed: false);

        Assert.Equal(bodies.Count, fast.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            Assert.Equal(sdk[i], fast[i]);
        }

        // Not vacuous: lookups that found candidates, of both stored kinds, and errors of each kind.
        Assert.Contains(fast, a => a.Status == HttpStatusCode.OK && a.Body.Contains("\"extension\":[{\"url\":\"" + UkCoreSystems.NhsNumberVerificationStatusExtension, StringComparison.Ordinal));
        Assert.Contains(fast, a => a.Status == HttpStatusCode.OK && a.Body.Contains("\"id\":\"r-2\"", StringComparison.Ordinal));
        Assert.Contains(fast, a => a.Status == HttpStatusCode.BadRequest && a.Body.Contains(OperationOutcomes.InvalidCount, StringComparison.Ordinal));
        Assert.Contains(fast, a => a.Status == HttpStatusCode.BadRequest && a.Body.Contains(OperationOutcomes.InvalidParameters, StringComparison.Ordinal));
    }

    [Fact]
    public void The_fast_reader_takes_the_common_bodies_and_leaves_the_rest()
    {
        var common = Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(1)), count: 5, onlyCertain: true).ToJson();
        Assert.True(FhirMatchMessages.TryReadFast(Encoding.UTF8.GetBytes(common), out var query));
        Assert.Null(FhirMatchMessages.ReadWithSdk(common, out var expected));
        Assert.Equal(expected, query);

        // In the subset but a count the SDK path refuses: left to it, so the error is its own.
        var tooMany = Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(1)), count: 101).ToJson();
        Assert.False(FhirMatchMessages.TryReadFast(Encoding.UTF8.GetBytes(tooMany), out _));
        Assert.NotNull(FhirMatchMessages.ReadWithSdk(tooMany, out _));
    }

    private static List<string> Bodies()
    {
        var bodies = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var nhs = Synthetic.NhsNumber(i);
            bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(nhs)).ToJson());
            bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(nhs, family: "Quelwater"), count: 1).ToJson());
            bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(nhs), count: 100, onlyCertain: true).ToJson());
            bodies.Add(Synthetic.MatchParameters(Synthetic.Patient("9990000018", given: "Ardith", family: "Quellwater"), onlyCertain: false).ToJson());
        }

        var withExtension = Synthetic.Patient(Synthetic.NhsNumber(1));
        withExtension.Extension.Add(new Extension("http://example.org/x", new FhirString("a")));
        bodies.Add(Synthetic.MatchParameters(withExtension).ToJson()); // valid, outside the subset
        bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(2)), count: 0).ToJson());
        bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(2)), count: 101).ToJson());
        var countAsText = Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(2)));
        countAsText.Add("count", new FhirString("5"));
        bodies.Add(countAsText.ToJson());
        bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(2), birthDate: "1961-04-17")).ToJson().Replace("1961-04-17", "1961-02-30", StringComparison.Ordinal));
        bodies.Add(Synthetic.MatchParameters(Synthetic.Patient(Synthetic.NhsNumber(2))).ToJson() + " trailing");
        bodies.Add("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"count\",\"valueInteger\":5}]}");
        bodies.Add("not json");
        bodies.Add("");
        return bodies;
    }

    private async Task<List<Answer>> AnswersAsync(bool fastPath, List<string> bodies, bool seed)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["NhsIdentity:FhirFastPath"] = fastPath ? "true" : "false" };
        using var factory = new ServerFactory(_data.DbPath, settings: settings);
        using var client = await factory.ReadyClientAsync();
        if (seed)
        {
            // Stored both ways: a resource sent over FHIR (kept as the SDK wrote it) and a plain record.
            for (var i = 1; i <= 3; i++)
            {
                var patient = Synthetic.Patient(Synthetic.NhsNumber(i));
                patient.Identifier[0].Extension.Add(new Extension(UkCoreSystems.NhsNumberVerificationStatusExtension,
                    new CodeableConcept(UkCoreSystems.NhsNumberVerificationStatusCodeSystem, "01")));
                patient.Active = true;
                Assert.Equal(HttpStatusCode.Created, (await client.PutAsync(new Uri("/fhir/Patient/p-" + i, UriKind.Relative), Synthetic.Fhir(patient))).StatusCode);
            }

            for (var i = 1; i <= 4; i++)
            {
                var record = new { nhsNumber = Synthetic.NhsNumber(i), givenNames = "Ardith", familyName = "Quellwater", dateOfBirth = "17/04/1961", sex = "F", postcode = "ls1 4ap", address = "12 Imaginary Row, Leeds" };
                Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync(new Uri("/records/r-" + i, UriKind.Relative), record)).StatusCode);
            }
        }

        var answers = new List<Answer>();
        foreach (var body in bodies)
        {
            using var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(body));
            answers.Add(new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentLength, await response.Content.ReadAsStringAsync()));
        }

        return answers;
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentType, long? ContentLength, string Body);
}
