using System.Globalization;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.OrleansMemory;

/// <summary>What the two parts of the cluster layout cost, each alone in this process: the records' rows as a row
/// shard holds them (a <see cref="PatientIndex"/> with one blocking rule), and their id entries as the key buckets
/// hold them (one <see cref="KeyPostings"/> per rule, holding every record, as the buckets of one rule hold them
/// between them).</summary>
internal static class PartsRun
{
    public static Task<int> RunAsync(int count)
    {
        var records = Records.Generate(count);
        var all = records.Enumerate().ToArray();
        var rules = PatientIndexOptions.Default.BlockingRules;
        var before = Memory.Measure();
        var rows = new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with { BlockingRules = [rules[0]] });
        foreach (var record in all)
        {
            rows.AddOrUpdate(record);
        }

        rows.RefreshTermFrequencies();
        var afterRows = Memory.Measure();

        var keys = Keys(all, rules);
        // Fresh id strings, as the buckets receive them (each deserialised on its own), not the records' own.
        var ids = all.Select(record => new string(record.Id.AsSpan())).ToArray();
        var beforeKeys = Memory.Measure();
        var postings = new KeyPostings[rules.Count];
        var entries = 0L;
        for (var r = 0; r < rules.Count; r++)
        {
            postings[r] = new KeyPostings();
            for (var i = 0; i < ids.Length; i++)
            {
                if (keys[r][i] != 0)
                {
                    postings[r].Apply(new string(ids[i].AsSpan()), 1, present: true, keys[r][i]);
                    entries++;
                }
            }
        }

        var afterKeys = Memory.Measure();

        // The term-frequency table every silo holds once (parsed, and as the snapshot's bytes).
        var table = TermFrequencyTable.Measure(new RecordSet(all));
        using var bytes = new MemoryStream();
        table.WriteTo(bytes);
        var snapshotBytes = bytes.ToArray();
        bytes.SetLength(0);
        var beforeTable = Memory.Measure();
        using var copy = new MemoryStream(snapshotBytes, writable: false);
        var parsed = TermFrequencyTable.ReadFrom(copy);
        var afterTable = Memory.Measure();
        var rowBytes = afterRows.HeapBytes - before.HeapBytes;
        var keyBytes = afterKeys.HeapBytes - beforeKeys.HeapBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {all.Length:N0} | {rowBytes / (double)all.Length:N0} | {entries:N0} ({entries / (double)all.Length:N2} a record) | {keyBytes / (double)entries:N0} | {(rowBytes + keyBytes) / (double)all.Length:N0} | {Memory.MiB(afterTable.HeapBytes - beforeTable.HeapBytes)} parsed + {Memory.MiB(snapshotBytes.Length)} serialised |"));
        GC.KeepAlive(parsed);
        GC.KeepAlive(snapshotBytes);
        GC.KeepAlive(rows);
        GC.KeepAlive(postings);
        GC.KeepAlive(all);
        GC.KeepAlive(ids);
        return Task.FromResult(0);
    }

    private static ulong[][] Keys(PatientRecord[] all, IReadOnlyList<Matching.Blocking.BlockingRule> rules)
    {
        var prepared = new RecordSet(all);
        var keys = new ulong[rules.Count][];
        for (var r = 0; r < rules.Count; r++)
        {
            keys[r] = new ulong[all.Length];
            for (var i = 0; i < all.Length; i++)
            {
                keys[r][i] = rules[r].GetKey(prepared, i);
            }
        }

        return keys;
    }
}
