using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Tests;

/// <summary>One write of a test's script: a record's new content, or (with no record) its removal.</summary>
internal sealed record WriteOp(string Id, PatientRecord? Record, WriteKind Kind);

internal enum WriteKind
{
    /// <summary>A record the index has not held: a stranger under a new id.</summary>
    Insert,

    /// <summary>An indexed record with a few fields changed (a clerical correction): some keys change.</summary>
    Correct,

    /// <summary>An indexed record given another person's every field: all its keys change, so it must leave every
    /// bucket it was in.</summary>
    Move,

    /// <summary>A removal.</summary>
    Remove,

    /// <summary>A removed id written again: its version continues from its tombstone.</summary>
    Readd,
}

/// <summary>Seeded scripts of inserts, corrections, moves, removals and re-adds over an initial set of records, and
/// the single-node index given the same operations (the oracle's side).</summary>
internal static class WriteScript
{
    /// <summary>Operations on one id are at least this far apart in the script, so a retried write cannot be
    /// overtaken by the next write to its id.</summary>
    private const int Spacing = 40;

    public static WriteOp[] Generate(IReadOnlyList<PatientRecord> initial, int count, int seed)
    {
        var random = new Random(seed);
        var live = initial.ToDictionary(record => record.Id!, StringComparer.Ordinal);
        var removed = new List<string>();
        var lastTouched = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = initial.Select(record => record.Id!).ToList();
        var ops = new List<WriteOp>(count);
        var inserted = 0;
        while (ops.Count < count)
        {
            var pick = random.Next(100);
            if (pick < 20)
            {
                var stranger = OracleData.Strangers[random.Next(OracleData.Strangers.Length)];
                var id = "new-" + inserted++;
                Add(new WriteOp(id, stranger with { Id = id }, WriteKind.Insert));
                ids.Add(id);
                continue;
            }

            if (pick < 30 && removed.Count > 0)
            {
                var id = removed[random.Next(removed.Count)];
                if (Free(id))
                {
                    removed.Remove(id);
                    var stranger = OracleData.Strangers[random.Next(OracleData.Strangers.Length)];
                    Add(new WriteOp(id, stranger with { Id = id }, WriteKind.Readd));
                }

                continue;
            }

            var target = ids[random.Next(ids.Count)];
            if (!live.TryGetValue(target, out var current) || !Free(target))
            {
                continue;
            }

            if (pick < 45)
            {
                removed.Add(target);
                Add(new WriteOp(target, null, WriteKind.Remove));
            }
            else if (pick < 60)
            {
                var other = OracleData.Strangers[random.Next(OracleData.Strangers.Length)];
                Add(new WriteOp(target, other with { Id = target }, WriteKind.Move));
            }
            else
            {
                var donor = initial[random.Next(initial.Count)];
                var corrected = random.Next(3) switch
                {
                    0 => current with { FamilyName = donor.FamilyName },
                    1 => current with { Postcode = donor.Postcode, Address = donor.Address },
                    _ => current with { DateOfBirth = donor.DateOfBirth, GivenNames = donor.GivenNames },
                };
                Add(new WriteOp(target, corrected, WriteKind.Correct));
            }
        }

        return [.. ops];

        bool Free(string id) => !lastTouched.TryGetValue(id, out var at) || ops.Count - at >= Spacing;

        void Add(WriteOp op)
        {
            lastTouched[op.Id] = ops.Count;
            if (op.Record is null)
            {
                live.Remove(op.Id);
            }
            else
            {
                live[op.Id] = op.Record;
            }

            ops.Add(op);
        }
    }

    /// <summary>The single-node index holding <paramref name="initial"/> after <paramref name="ops"/>, in order, with
    /// the whole index's term-frequency table every bucket applies.</summary>
    public static PatientIndex SingleNode(IEnumerable<PatientRecord> initial, IEnumerable<WriteOp> ops, PatientIndexOptions options)
    {
        var index = new PatientIndex(MatchModel.Default, options);
        foreach (var record in initial)
        {
            index.AddOrUpdate(record);
        }

        foreach (var op in ops)
        {
            if (op.Record is null)
            {
                index.Remove(op.Id);
            }
            else
            {
                index.AddOrUpdate(op.Record);
            }
        }

        index.ApplyTermFrequencies(OracleData.TermFrequencies);
        return index;
    }

    /// <summary>Each id's final content after the script (null when removed), for the acknowledged-write checks.</summary>
    public static Dictionary<string, PatientRecord?> FinalContent(IEnumerable<WriteOp> ops)
    {
        var final = new Dictionary<string, PatientRecord?>(StringComparer.Ordinal);
        foreach (var op in ops)
        {
            final[op.Id] = op.Record;
        }

        return final;
    }
}
