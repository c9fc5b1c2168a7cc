using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class AuditLogTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Audit_lines_name_caller_operation_and_ids_but_hold_no_patient_values()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var nhs = Synthetic.NhsNumber(21);
        var patient = Synthetic.Patient(nhs, "Ysolde", "Thornquill", "1958-11-02", "YO1 7HH");
        await client.PutAsync(new Uri("/fhir/Patient/p-21", UriKind.Relative), Synthetic.Fhir(patient));
        await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative), Synthetic.Fhir(Synthetic.MatchParameters(patient)));
        await client.PostAsJsonAsync(new Uri("/match", UriKind.Relative), new { nhsNumber = nhs, givenNames = "Ysolde", familyName = "Thornquill", dateOfBirth = "1958-11-02", postcode = "YO1 7HH" });
        await client.DeleteAsync(new Uri("/fhir/Patient/p-21", UriKind.Relative));

        var audit = factory.Logs.LinesOf(AuditMiddleware.Category);

        Assert.Equal(4, audit.Count);
        Assert.Contains(audit, l => l.Contains("operation=fhir.put", StringComparison.Ordinal) && l.Contains("records=p-21", StringComparison.Ordinal) && l.Contains("decision=created", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("operation=fhir.match", StringComparison.Ordinal) && l.Contains("caller=api-key", StringComparison.Ordinal) && l.Contains("decision=Match", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("nhsNumber=*** *** " + nhs[6..], StringComparison.Ordinal));
        var formatted = NhsNumber.Parse(nhs, CultureInfo.InvariantCulture).ToString("S", CultureInfo.InvariantCulture);
        string[] secrets = ["Ysolde", "Thornquill", "1958-11-02", "02/11/1958", "19581102", "1958-11", "YO1", "7HH", "Imaginary"];

        // Numbers are looked for as whole numbers: a timing such as 32.1958ms holds digits of anything by chance.
        string[] numbers = [nhs, formatted, nhs[..6], "1958"];
        foreach (var line in factory.Logs.Lines.Select(l => l.Message))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var number in numbers)
            {
                Assert.DoesNotMatch(@"(?<![0-9.])" + Regex.Escape(number) + "(?![0-9])", line);
            }
        }
    }
}
