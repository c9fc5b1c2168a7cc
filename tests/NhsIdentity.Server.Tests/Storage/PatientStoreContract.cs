using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;
using NhsIdentity.Server.Tests.TestHelpers;

namespace NhsIdentity.Server.Tests.Storage;

/// <summary>What every <see cref="IPatientStore"/> must do, run once per store by a subclass. Each test class instance
/// has a location of its own (a file, a schema); <see cref="OpenStore"/> opens a new store on it each time, so a
/// second store is a second process, or a restart.</summary>
public abstract class PatientStoreContract : IAsyncLifetime
{
    private readonly List<IPatientStore> _stores = [];

    /// <summary>A new store on this test's location.</summary>
    private protected abstract IPatientStore OpenStore();

    /// <summary>Removes this test's location.</summary>
    private protected abstract Task RemoveLocationAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 awaits IAsyncLifetime.DisposeAsync, not IAsyncDisposable.
    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        await RemoveLocationAsync();
    }

    [StoreFact]
    public async Task Upsert_says_added_for_a_new_id_and_replaced_for_a_known_one_and_get_returns_the_latest()
    {
        var store = await StartAsync();

        Assert.True(await store.UpsertAsync(Patient("p-1", "Ardith"), default));
        Assert.True(await store.UpsertAsync(Patient("p-2", "Brannoc"), default));
        Assert.False(await store.UpsertAsync(Patient("p-1", "Ardetta"), default));

        Assert.Equal("Ardetta", (await store.GetAsync("p-1", default))?.Record.GivenNames);
        Assert.Equal("Brannoc", (await store.GetAsync("p-2", default))?.Record.GivenNames);
        Assert.Null(await store.GetAsync("p-3", default));
        Assert.Equal(2, (await ReadAllAsync(store)).Count);
    }

    [StoreFact]
    public async Task A_record_and_its_fhir_text_come_back_exactly_as_written()
    {
        var store = await StartAsync();
        var record = new PatientRecord
        {
            NhsNumber = Synthetic.NhsNumber(7),
            GivenNames = "Zoë Ðorvin",
            FamilyName = "O'Quellan-Łaskow",
            DateOfBirth = "1959-02-28",
            Sex = "F",
            Postcode = "LS1 4AP",
            Address = "12 Imaginary Row, Leeds",
            LocalIdentifier = "MRN-0042",
            Phone = "0113 496 0000",
            Email = "zoe@example.invalid",
            GpPracticeCode = "B86001",
        };
        // Key order and whitespace as a caller sent them: the store keeps text, not a re-serialised document.
        const string Fhir = "{ \"resourceType\": \"Patient\",\n  \"id\": \"p-7\" ,\"name\":[{\"family\":\"O'Quellan-Łaskow\"}] }";

        await store.UpsertAsync(new StoredPatient("p-7", record, Fhir), default);
        await store.UpsertAsync(new StoredPatient("r-8", record with { LocalIdentifier = null }, fhirJson: null), default);

        var fhir = await OpenStore().GetAsync("p-7", default);
        Assert.Equal(record, fhir?.Record);
        Assert.Equal(Fhir, fhir?.FhirJson);
        var plain = await store.GetAsync("r-8", default);
        Assert.Null(plain?.FhirJson);
        Assert.Null(plain?.Record.LocalIdentifier);

        // Replacing a FHIR-written patient over the plain API leaves no stale resource text behind.
        await store.UpsertAsync(new StoredPatient("p-7", record, fhirJson: null), default);
        Assert.Null((await store.GetAsync("p-7", default))?.FhirJson);
    }

    [StoreFact]
    public async Task Delete_says_whether_there_was_a_patient_with_the_id()
    {
        var store = await StartAsync();
        await store.UpsertAsync(Patient("p-1", "Ardith"), default);

        Assert.True(await store.DeleteAsync("p-1", default));
        Assert.False(await store.DeleteAsync("p-1", default));
        Assert.False(await store.DeleteAsync("never-written", default));
        Assert.Null(await store.GetAsync("p-1", default));
        Assert.Empty(await ReadAllAsync(store));
    }

    [StoreFact]
    public async Task Read_all_gives_every_patient_in_ordinal_id_order()
    {
        var store = await StartAsync();
        // Upper case before lower case, digits before letters, punctuation by code point: ordinal order, which a
        // language collation (en-GB: a A b B) does not give.
        string[] ids = ["b", "a-1", "B", "a", "10", "A", "a.2", "9", "a1", "ab", "Z-1"];
        foreach (var id in ids)
        {
            await store.UpsertAsync(Patient(id, "Given" + id), default);
        }

        var read = await ReadAllAsync(OpenStore());

        Assert.Equal(ids.Order(StringComparer.Ordinal), read.Select(p => p.Id));
        Assert.All(read, p => Assert.Equal("Given" + p.Id, p.Record.GivenNames));
    }

    [StoreFact]
    public async Task Every_write_is_committed_when_it_returns_so_another_store_on_the_same_location_sees_it()
    {
        var writer = await StartAsync();
        var reader = OpenStore();

        await writer.UpsertAsync(Patient("p-1", "Ardith"), default);
        Assert.Equal("Ardith", (await reader.GetAsync("p-1", default))?.Record.GivenNames);
        await writer.UpsertAsync(Patient("p-1", "Ardetta"), default);
        Assert.Equal("Ardetta", (await reader.GetAsync("p-1", default))?.Record.GivenNames);
        await writer.DeleteAsync("p-1", default);
        Assert.Null(await reader.GetAsync("p-1", default));
    }

    [StoreFact]
    public async Task Initialising_again_leaves_an_existing_store_as_it_is()
    {
        var first = await StartAsync();
        await first.RecordModelAsync("{\"model\":1}", default);
        await first.UpsertAsync(Patient("p-1", "Ardith"), default);

        var restarted = OpenStore();
        await restarted.InitializeAsync(default);
        await restarted.InitializeAsync(default);

        Assert.Equal("Ardith", (await restarted.GetAsync("p-1", default))?.Record.GivenNames);
        Assert.Equal(new ModelVersion(1, Swapped: false), await restarted.RecordModelAsync("{\"model\":1}", default));
    }

    [StoreFact]
    public async Task Model_versions_count_up_on_each_swap_and_stay_put_while_the_model_is_unchanged()
    {
        var store = await StartAsync();

        Assert.Equal(new ModelVersion(1, Swapped: false), await store.RecordModelAsync("{\"model\":\"a\"}", default));
        Assert.Equal(new ModelVersion(1, Swapped: false), await store.RecordModelAsync("{\"model\":\"a\"}", default));
        Assert.Equal(new ModelVersion(2, Swapped: true), await store.RecordModelAsync("{\"model\":\"b\"}", default));
        Assert.Equal(new ModelVersion(2, Swapped: false), await OpenStore().RecordModelAsync("{\"model\":\"b\"}", default));
        // Going back to an earlier model is a swap too: a new version, not the old one.
        Assert.Equal(new ModelVersion(3, Swapped: true), await store.RecordModelAsync("{\"model\":\"a\"}", default));
        // Text that differs only in spacing is a different model as far as the record goes: compared exactly.
        Assert.Equal(new ModelVersion(4, Swapped: true), await store.RecordModelAsync("{\"model\": \"a\"}", default));
    }

    [StoreFact]
    public async Task Get_many_returns_the_patients_it_holds_by_id_and_leaves_out_the_rest()
    {
        var store = await StartAsync();
        await store.UpsertAsync(Patient("p-1", "Ardith"), default);
        await store.UpsertAsync(new StoredPatient("p-2", Patient("p-2", "Brannoc").Record, "{\"resourceType\":\"Patient\"}"), default);
        await store.UpsertAsync(Patient("p-3", "Cerys"), default);

        var found = await OpenStore().GetManyAsync(["p-3", "p-2", "never-written"], default);

        Assert.Equal(["p-2", "p-3"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Cerys", found["p-3"].Record.GivenNames);
        Assert.Equal("{\"resourceType\":\"Patient\"}", found["p-2"].FhirJson);
        Assert.Empty(await store.GetManyAsync([], default));
    }

    [StoreFact]
    public async Task A_batch_adds_new_ids_replaces_known_ones_and_says_how_many_of_each()
    {
        var store = await StartAsync();
        await store.UpsertAsync(Patient("p-2", "Brannoc"), default);

        var counts = await store.UpsertBatchAsync([Patient("p-1", "Ardith"), Patient("p-2", "Brannick"), Patient("p-3", "Cerys")], default);

        Assert.Equal(new BatchWriteCounts(Added: 2, Replaced: 1), counts);
        var read = await ReadAllAsync(OpenStore());
        Assert.Equal(["p-1", "p-2", "p-3"], read.Select(p => p.Id));
        Assert.Equal(["Ardith", "Brannick", "Cerys"], read.Select(p => p.Record.GivenNames));
        Assert.All(read, p => Assert.Null(p.FhirJson));

        // A second batch over the same ids replaces every one.
        Assert.Equal(new BatchWriteCounts(Added: 0, Replaced: 3), await store.UpsertBatchAsync([Patient("p-3", "Cerys"), Patient("p-1", "Ardetta"), Patient("p-2", "Brannick")], default));
        Assert.Equal("Ardetta", (await store.GetAsync("p-1", default))?.Record.GivenNames);
    }

    [StoreFact]
    public async Task A_batch_replacing_a_fhir_written_patient_leaves_no_stale_resource_text()
    {
        var store = await StartAsync();
        await store.UpsertAsync(new StoredPatient("p-1", Patient("p-1", "Ardith").Record, "{\"resourceType\":\"Patient\"}"), default);

        await store.UpsertBatchAsync([Patient("p-1", "Ardetta")], default);

        Assert.Null((await store.GetAsync("p-1", default))?.FhirJson);
    }

    [StoreFact]
    public async Task A_batch_with_a_repeated_id_is_refused_whole()
    {
        var store = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertBatchAsync([Patient("p-1", "Ardith"), Patient("p-2", "Brannoc"), Patient("p-1", "Ardetta")], default));

        Assert.Empty(await ReadAllAsync(store));
    }

    [StoreFact]
    public async Task An_empty_batch_writes_nothing()
    {
        var store = await StartAsync();

        Assert.Equal(default, await store.UpsertBatchAsync([], default));
        Assert.Empty(await ReadAllAsync(store));
    }

    /// <summary>A store on this test's location, initialised.</summary>
    private protected async Task<IPatientStore> StartAsync()
    {
        var store = OpenStore();
        await store.InitializeAsync(default);
        return store;
    }

    /// <summary>Remembers a store so it is disposed after the test.</summary>
    private protected T Track<T>(T store)
        where T : IPatientStore
    {
        _stores.Add(store);
        return store;
    }

    private static StoredPatient Patient(string id, string given) =>
        new(id, new PatientRecord { NhsNumber = Synthetic.NhsNumber(id.Length), GivenNames = given, FamilyName = "Quellwater", DateOfBirth = "1961-04-17" }, fhirJson: null);

    private static async Task<List<StoredPatient>> ReadAllAsync(IPatientStore store)
    {
        var all = new List<StoredPatient>();
        await foreach (var patient in store.ReadAllAsync(default))
        {
            all.Add(patient);
        }

        return all;
    }
}
