using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Reliability;
using NhsIdentity.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid import</c>: a patient extract loaded into the service's store, found by the service it then
/// serves; rows it cannot store set aside by row number, counts that reconcile, no patient value in a message.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string ApiKey = "import-test-key-not-a-secret";
    private readonly TempCsv _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [LinuxFact]
    public async Task Imported_records_are_found_by_the_service_started_on_the_store()
    {
        var extract = _temp.Write("pas.csv", Csv(
            Row("RX1001", Nhs(1), "Ardith", "QUELLWATER", "17/04/1961", "F", "LS1 4AP"),
            Row("RX1002", Nhs(2), "Brennick", "OAKHOLLOW", "03/02/1990", "M", "M1 1AE"),
            Row("RX1003", Nhs(3), "Corvina", "MISTLEDGE", "30/09/1975", "F", "BS1 5TR")));
        var data = _temp.PathOf("mpi.db");

        var import = CliRunner.Run("import", extract, "--data", data, "--quiet");

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal("3 rows = 3 added + 0 replaced + 0 rejected + 0 without an id", import.Output.Trim());
        SqliteConnection.ClearAllPools();

        var keyFile = _temp.Write("api.key", ApiKey);
        using var child = NhsidProcess.Start(["serve", "--data", data, "--urls", "http://127.0.0.1:0", "--api-key-file", keyFile]);
        Assert.True(child.WaitForLine("listening on "), "nhsid serve ended before listening: " + child.Error);
        var address = new Uri(child.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]["listening on ".Length..].Trim());
        Assert.True(child.WaitForLine("ready: "), "nhsid serve ended before ready: " + child.Error);
        Assert.Contains("ready: 3 records", child.Error, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        // The second person, as another system holds them: the NHS number without spaces, an ISO date, a lower-case name.
        var query = JsonSerializer.Serialize(new { nhsNumber = Nhs(2), givenNames = "Brennick", familyName = "Oakhollow", dateOfBirth = "1990-02-03", postcode = "M1 1AE" });
        using var response = await client.PostAsync(new Uri("/match", UriKind.Relative), new StringContent(query, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var matches = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("RX1002", matches.RootElement.GetProperty("matches")[0].GetProperty("id").GetString());

        child.Signal("INT");
        Assert.Equal(0, child.WaitForExit());
    }

    [Fact]
    public void Rows_it_cannot_store_are_set_aside_by_row_number_and_the_counts_reconcile()
    {
        var extract = _temp.Write("pas.csv", Csv(
            Row("RX1001", Nhs(1), "Ardith", "QUELLWATER", "17/04/1961", "F", "LS1 4AP"),
            Row("RX1002", Nhs(2), "Brennick", "OAKHOLLOW", "03/02/1990", "M", "M1 1AE"),
            Row("RX1001", Nhs(1), "Ardith", "QUELLWATER", "17/04/1961", "F", "LS1 4AP"), // row 3: repeats row 1's id
            Row("", Nhs(4), "Delphine", "HARROWGATE", "01/01/1980", "F", "LS2 9JT"), // row 4: no id
            Row("RX1005", Nhs(5), "Evander", "TOLLBRIDGE", "05/05/1955", "M", "LS3 1AA") + ",surplus")); // row 5: too many fields
        var data = _temp.PathOf("mpi.db");

        var result = CliRunner.Run("import", extract, "--data", data, "--quiet");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("5 rows = 2 added + 0 replaced + 2 rejected + 1 without an id", result.Output.Trim());
        Assert.Contains("rejected row 3", result.Error, StringComparison.Ordinal);
        Assert.Contains("rejected row 5", result.Error, StringComparison.Ordinal);
        Assert.Contains("set aside row 4: no id", result.Error, StringComparison.Ordinal);
        Assert.Equal(["row,reason", "4,no id"], File.ReadAllLines(_temp.PathOf("mpi.records.no-id.csv")));
        // The reader's rejects file holds the two rejected rows verbatim, under the header.
        Assert.Equal(3, File.ReadAllLines(_temp.PathOf("mpi.records.rejects.csv")).Length);
        Assert.Equal(["RX1001", "RX1002"], StoredIds(data));
        foreach (var value in new[] { Nhs(1), Nhs(4), "Ardith", "QUELLWATER", "Delphine", "HARROWGATE", "17/04/1961" })
        {
            Assert.DoesNotContain(value, result.Error + result.Output, StringComparison.Ordinal);
        }
    }

    [WithoutPostgresSettingFact]
    public void Postgres_without_its_connection_string_in_the_environment_is_a_usage_error_and_reads_nothing()
    {
        var extract = _temp.Write("pas.csv", Csv(Row("RX1001", Nhs(1), "Ardith", "QUELLWATER", "17/04/1961", "F", "LS1 4AP")));

        var result = CliRunner.Run("import", extract, "--postgres", "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(ImportCommand.PostgresVariable, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("rows", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.PathOf("pas.records.no-id.csv")));
    }

    [Fact]
    public void Importing_again_replaces_by_id_instead_of_adding()
    {
        var first = _temp.Write("first.csv", Csv(Row("RX1001", Nhs(1), "Ardith", "QUELLWATER", "17/04/1961", "F", "LS1 4AP")));
        var second = _temp.Write("second.csv", Csv(
            Row("RX1001", Nhs(1), "Ardetta", "QUELLWATER", "17/04/1961", "F", "LS1 4AP"),
            Row("RX1002", Nhs(2), "Brennick", "OAKHOLLOW", "03/02/1990", "M", "M1 1AE")));
        var data = _temp.PathOf("mpi.db");

        Assert.Equal(0, CliRunner.Run("import", first, "--data", data, "--quiet").ExitCode);
        var again = CliRunner.Run("import", second, "--data", data, "--quiet", "--batch-size", "1");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal("2 rows = 1 added + 1 replaced + 0 rejected + 0 without an id", again.Output.Trim());
        Assert.Equal(["RX1001", "RX1002"], StoredIds(data));
    }

    [Fact]
    public void A_file_without_an_id_column_is_refused_with_exit_2_and_nothing_stored()
    {
        var extract = _temp.Write("noid.csv", "NHS_NO,Forename,Surname,DOB\n" + Nhs(1) + ",Ardith,QUELLWATER,17/04/1961\n");
        var data = _temp.PathOf("mpi.db");

        var result = CliRunner.Run("import", extract, "--data", data, "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--map id=COLUMN", result.Error, StringComparison.Ordinal);
        Assert.Empty(StoredIds(data));
    }

    [Fact]
    public void A_store_another_process_has_open_is_refused_with_exit_1_before_anything_is_written()
    {
        var extract = _temp.Write("pas.csv", Csv(Row("RX1001", Nhs(1), "Ardith", "QUELLWATER", "17/04/1961", "F", "LS1 4AP")));
        var data = _temp.PathOf("mpi.db");
        Assert.Equal(0, CliRunner.Run("import", extract, "--data", data, "--quiet").ExitCode);
        var more = _temp.Write("more.csv", Csv(Row("RX1002", Nhs(2), "Brennick", "OAKHOLLOW", "03/02/1990", "M", "M1 1AE")));

        int exitCode;
        string error;
        // A running service's open connection (unpooled, so another test clearing the pools cannot close it).
        using (var service = new SqliteConnection($"Data Source={data};Pooling=False"))
        {
            service.Open();
            using (var read = service.CreateCommand())
            {
                read.CommandText = "SELECT COUNT(*) FROM patients;";
                Assert.Equal(1L, read.ExecuteScalar());
            }

            var result = CliRunner.Run("import", more, "--data", data, "--quiet");
            (exitCode, error) = (result.ExitCode, result.Error);
        }

        Assert.Equal(1, exitCode);
        Assert.Contains("in use", error, StringComparison.Ordinal);
        Assert.Equal(["RX1001"], StoredIds(data));
    }

    private static string Nhs(int seed) => new NhsNumberGenerator(seed, NhsNumberRegion.Test).Next().ToString("N", CultureInfo.InvariantCulture);

    private static string Row(string id, string nhs, string given, string family, string dob, string sex, string postcode) =>
        string.Join(',', id, nhs, given, family, dob, sex, postcode);

    private static string Csv(params string[] rows) => "PatientID,NHS_NO,Forename,Surname,DOB,Gender,PostCode\n" + string.Join('\n', rows) + "\n";

    private static List<string> StoredIds(string data)
    {
        var ids = new List<string>();
        using var connection = new SqliteConnection($"Data Source={data};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM patients ORDER BY id;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}

/// <summary>A fact that runs only where <c>NhsIdentity__PostgresConnectionString</c> is unset: where it is set (a
/// developer's own database), <c>nhsid import --postgres</c> would write to it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WithoutPostgresSettingFactAttribute : FactAttribute
{
    public WithoutPostgresSettingFactAttribute()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ImportCommand.PostgresVariable)))
        {
            Skip = ImportCommand.PostgresVariable + " is set in this environment: the test would import into that database";
        }
    }
}
