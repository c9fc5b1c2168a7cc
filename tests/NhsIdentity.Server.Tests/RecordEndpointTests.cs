using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class RecordEndpointTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Match_with_explain_gives_each_comparison_level_and_weight()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var nhs = Synthetic.NhsNumber(31);
        var record = new { nhsNumber = nhs, givenNames = "Tamsin", familyName = "Wrenfield", dateOfBirth = "1983-06-21", sex = "F", postcode = "NE1 4ST" };
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync(new Uri("/records/r-31", UriKind.Relative), record)).StatusCode);

        using var plain = JsonDocument.Parse(await (await client.PostAsJsonAsync(new Uri("/match", UriKind.Relative), record)).Content.ReadAsStringAsync());
        using var explained = JsonDocument.Parse(await (await client.PostAsJsonAsync(new Uri("/match?explain=true", UriKind.Relative), record)).Content.ReadAsStringAsync());

        var candidate = plain.RootElement.GetProperty("matches")[0];
        Assert.Equal("r-31", candidate.GetProperty("id").GetString());
        Assert.Equal("Match", candidate.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("explanation").ValueKind);

        var explanation = explained.RootElement.GetProperty("matches")[0].GetProperty("explanation");
        var comparisons = explanation.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.NotEmpty(comparisons);
        var nhsComparison = Assert.Single(comparisons, c => c.GetProperty("comparison").GetString() == "NhsNumber");
        Assert.NotEqual("Missing", nhsComparison.GetProperty("level").GetString());
        Assert.True(nhsComparison.GetProperty("weight").GetDouble() > 0);
        var sum = explanation.GetProperty("priorWeight").GetDouble() + comparisons.Sum(c => c.GetProperty("weight").GetDouble());
        Assert.Equal(explanation.GetProperty("weight").GetDouble(), sum, 6);
    }

    [Fact]
    public async System.Threading.Tasks.Task Delete_record_removes_it_from_matching()
    {
        using var factory = new ServerFactory(_data.DbPath);
        using var client = await factory.ReadyClientAsync();
        var record = new { nhsNumber = Synthetic.NhsNumber(32), givenNames = "Oswin", familyName = "Larkmoor", dateOfBirth = "1949-01-08" };
        await client.PutAsJsonAsync(new Uri("/records/r-32", UriKind.Relative), record);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/records/r-32", UriKind.Relative))).StatusCode);

        using var after = JsonDocument.Parse(await (await client.PostAsJsonAsync(new Uri("/match", UriKind.Relative), record)).Content.ReadAsStringAsync());
        Assert.Equal(0, after.RootElement.GetProperty("matches").GetArrayLength());
    }
}
