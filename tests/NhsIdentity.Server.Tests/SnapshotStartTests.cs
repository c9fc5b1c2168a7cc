using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Server.Hosting;
using Hl7.Fhir.Model;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests;

/// <summary>
/// The index snapshot written when the service stops: the next start loads it and catches up with the store, so a
/// snapshot that is stale (writes after it, then a crash) still gives the store's answers, and one that cannot be
/// read is set aside with a warning and the index rebuilt from the store.
/// </summary>
public sealed class SnapshotStartTests : IDisposable
{
    private readonly TempData _data = new();

    public void Dispose() => _data.Dispose();

    private string SnapshotPath => _data.DbPath + ".index";

    [Fact]
    public async System.Threading.Tasks.Task A_stop_writes_the_snapshot_and_the_next_start_uses_it()
    {
        using (var first = new ServerFactory(_data.DbPath))
        {
            using var client = await first.ReadyClientAsync();
            await Put(client, "p-1", Synthetic.NhsNumber(1), "Ardith");
            await Put(client, "p-2", Synthetic.NhsNumber(2), "Bellamy");
        }

        Assert.True(File.Exists(SnapshotPath));

        using var second = new ServerFactory(_data.DbPath);
        using var restarted = await second.ReadyClientAsync();
        Assert.Equal(new IdentityIndex.IndexStart(FromSnapshot: true, Records: 2, Updated: 0, Removed: 0, SnapshotRefused: null), Started(second));
        Assert.Equal("p-2", await BestMatch(restarted, Synthetic.NhsNumber(2), "Bellamy"));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_stale_snapshot_is_caught_up_with_the_store()
    {
        using (var first = new ServerFactory(_data.DbPath))
        {
            using var client = await first.ReadyClientAsync();
            await Put(client, "p-1", Synthetic.NhsNumber(1), "Ardith");
            await Put(client, "p-2", Synthetic.NhsNumber(2), "Bellamy");
        }

        var stale = SnapshotPath + ".stale";
        File.Copy(SnapshotPath, stale);
        using (var second = new ServerFactory(_data.DbPath))
        {
            using var client = await second.ReadyClientAsync();
            await Put(client, "p-1", Synthetic.NhsNumber(11), "Corisande"); // replaced: another person's details
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/fhir/Patient/p-2", UriKind.Relative))).StatusCode);
            await Put(client, "p-3", Synthetic.NhsNumber(3), "Delphine");
        }

        // As if the service had crashed after those writes: the snapshot on disk is the one from before them.
        File.Copy(stale, SnapshotPath, overwrite: true);
        using var third = new ServerFactory(_data.DbPath);
        using var restarted = await third.ReadyClientAsync();
        Assert.Equal(new IdentityIndex.IndexStart(FromSnapshot: true, Records: 2, Updated: 2, Removed: 1, SnapshotRefused: null), Started(third));
        Assert.Equal("p-1", await BestMatch(restarted, Synthetic.NhsNumber(11), "Corisande"));
        Assert.Null(await BestMatch(restarted, Synthetic.NhsNumber(1), "Ardith"));
        Assert.Null(await BestMatch(restarted, Synthetic.NhsNumber(2), "Bellamy"));
        Assert.Equal("p-3", await BestMatch(restarted, Synthetic.NhsNumber(3), "Delphine"));
    }

    [Fact]
    public async System.Threading.Tasks.Task An_unreadable_snapshot_is_set_aside_and_the_index_rebuilt()
    {
        using (var first = new ServerFactory(_data.DbPath))
        {
            using var client = await first.ReadyClientAsync();
            await Put(client, "p-1", Synthetic.NhsNumber(1), "Ardith");
        }

        var bytes = await File.ReadAllBytesAsync(SnapshotPath);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(SnapshotPath, bytes);

        using var second = new ServerFactory(_data.DbPath);
        using var restarted = await second.ReadyClientAsync();
        Assert.Equal(new IdentityIndex.IndexStart(FromSnapshot: false, Records: 1, Updated: 1, Removed: 0, SnapshotRefused: "Corrupt"), Started(second));
        Assert.Equal("p-1", await BestMatch(restarted, Synthetic.NhsNumber(1), "Ardith"));
    }

    [Fact]
    public async System.Threading.Tasks.Task Snapshots_can_be_turned_off()
    {
        var off = new Dictionary<string, string?> { ["NhsIdentity:IndexSnapshot"] = "false" };
        using (var first = new ServerFactory(_data.DbPath, settings: off))
        {
            using var client = await first.ReadyClientAsync();
            await Put(client, "p-1", Synthetic.NhsNumber(1), "Ardith");
        }

        Assert.False(File.Exists(SnapshotPath));
    }

    private static IdentityIndex.IndexStart? Started(ServerFactory factory) => factory.Services.GetRequiredService<IdentityIndex>().Start;

    private static async System.Threading.Tasks.Task Put(HttpClient client, string id, string nhs, string given) =>
        Assert.True((await client.PutAsync(new Uri("/fhir/Patient/" + id, UriKind.Relative), Synthetic.Fhir(Synthetic.Patient(nhs, given)))).IsSuccessStatusCode);

    /// <summary>The id of the best match for a person with these details, or null when there is none.</summary>
    private static async System.Threading.Tasks.Task<string?> BestMatch(HttpClient client, string nhs, string given)
    {
        var response = await client.PostAsync(new Uri("/fhir/Patient/$match", UriKind.Relative),
            Synthetic.Fhir(Synthetic.MatchParameters(Synthetic.Patient(nhs, given), onlyCertain: true)));
        var bundle = await Synthetic.ReadAsync<Bundle>(response);
        return bundle.Entry.FirstOrDefault()?.Resource?.Id;
    }
}
