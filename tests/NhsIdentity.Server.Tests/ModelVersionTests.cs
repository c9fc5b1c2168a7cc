using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NhsIdentity.Matching;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

public sealed class ModelVersionTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task A_start_with_a_different_model_records_a_new_version_and_keeps_the_records()
    {
        var modelPath = Path.Combine(Path.GetDirectoryName(_data.DbPath)!, "model.json");
        var document = JsonNode.Parse(MatchModel.Default.ToJson())!.AsObject();
        var prior = document.First(p => string.Equals(p.Key, "priorMatchProbability", StringComparison.OrdinalIgnoreCase)).Key;
        document[prior] = 2e-5;
        await File.WriteAllTextAsync(modelPath, document.ToJsonString());
        var record = new { nhsNumber = Synthetic.NhsNumber(41), givenNames = "Perrin", familyName = "Ashcombe", dateOfBirth = "1966-03-12" };

        using (var first = new ServerFactory(_data.DbPath))
        {
            using var client = await first.ReadyClientAsync();
            await client.PutAsJsonAsync(new Uri("/records/r-41", UriKind.Relative), record);
            Assert.Equal(1, await ModelVersionAsync(client));
        }

        using (var same = new ServerFactory(_data.DbPath))
        {
            using var client = await same.ReadyClientAsync();
            Assert.Equal(1, await ModelVersionAsync(client));
        }

        using var swapped = new ServerFactory(_data.DbPath, settings: new Dictionary<string, string?> { ["NhsIdentity:ModelPath"] = modelPath });
        using var swappedClient = await swapped.ReadyClientAsync();
        Assert.Equal(2, await ModelVersionAsync(swappedClient));
        Assert.Contains(swapped.Logs.Lines, l => l.Message.Contains("model version 2 (swapped on this start: True)", StringComparison.Ordinal));
        using var match = JsonDocument.Parse(await (await swappedClient.PostAsJsonAsync(new Uri("/match", UriKind.Relative), record)).Content.ReadAsStringAsync());
        Assert.Equal("r-41", match.RootElement.GetProperty("matches")[0].GetProperty("id").GetString());
    }

    private static async System.Threading.Tasks.Task<int> ModelVersionAsync(HttpClient client)
    {
        using var ready = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        return ready.RootElement.GetProperty("modelVersion").GetInt32();
    }
}
