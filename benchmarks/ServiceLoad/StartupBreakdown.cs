using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NhsIdentity.Matching;

namespace NhsIdentity.ServiceLoad;

/// <summary>Where a start from the snapshot spends its time, step by step in this process with the calls the service
/// makes (IdentityIndex.LoadAsync): the catch-up's read of every stored record in id order, its JSON parsed, and its
/// content hash (the record serialised again and hashed, as IndexSnapshotFile.ContentHash does); and
/// <see cref="TimeLoad"/>, the index loaded from a snapshot.</summary>
internal static class StartupBreakdown
{
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    public static IEnumerable<string> Measure(string dataPath)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={dataPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var (name, parse, hash) in new[] { ("store read in id order", false, false), ("... and each record's JSON parsed", true, false), ("... and each content hash (serialised again, XxHash3)", true, true) })
        {
            clock.Restart();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, record_json, fhir_json FROM patients ORDER BY id;";
            using var reader = command.ExecuteReader();
            ulong sum = 0;
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var json = reader.GetString(1);
                if (parse && JsonSerializer.Deserialize<PatientRecord>(json, RecordJson) is { } record && hash)
                {
                    var hasher = new XxHash3();
                    hasher.Append(Encoding.UTF8.GetBytes(id));
                    hasher.Append([0]);
                    hasher.Append(JsonSerializer.SerializeToUtf8Bytes(record with { Id = null }, RecordJson));
                    sum ^= hasher.GetCurrentHashAsUInt64();
                }
            }

            GC.KeepAlive(sum);
            yield return Line(name, clock.Elapsed);
        }
    }

    /// <summary>Saves the index to a temporary snapshot and times <see cref="PatientIndex.Load(Stream, MatchModel, PatientIndexOptions?)"/>
    /// of it. Its own snapshot, not the service's: a snapshot is bound to the library build that wrote it, and this
    /// program's copy of the library may be another build.</summary>
    public static string TimeLoad(PatientIndex index)
    {
        var path = Path.Combine(Path.GetTempPath(), "serviceload-" + Guid.NewGuid().ToString("N") + ".index");
        try
        {
            using (var file = File.Create(path))
            {
                index.Save(file);
            }

            var clock = Stopwatch.StartNew();
            using var read = File.OpenRead(path);
            using var loaded = PatientIndex.Load(read, MatchModel.Default);
            return Line($"PatientIndex.Load from a snapshot ({loaded.Count:N0} records, {new FileInfo(path).Length / 1048576.0:N0} MiB)", clock.Elapsed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Line(string name, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"| {name} | {elapsed.TotalSeconds:F2} |");
}
