using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>
/// The index's posting table (open addressing, backward-shift deletion) against a dictionary of lists: after any
/// sequence of adds, removes and moves, every key finds exactly the positions the oracle holds. Keys come from a
/// small set, so the table stays small: probe runs collide and wrap around its end, and deletions happen inside them;
/// now and then the table is reserved larger or trimmed.
/// </summary>
public sealed class PostingTableProperties
{
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 200)]
    public Property Finds_what_a_dictionary_of_lists_holds() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var table = new PatientIndex.PostingTable();
            var oracle = new Dictionary<ulong, List<int>>();
            var keys = Enumerable.Range(0, 1 + random.Next(60)).Select(_ => (ulong)random.NextInt64(1, long.MaxValue)).ToArray();
            var nextPosition = 0;
            var operations = random.Next(1, 400);
            for (var op = 0; op < operations; op++)
            {
                if (random.Next(20) == 0)
                {
                    // Resizing in either direction keeps every key findable.
                    if (random.Next(2) == 0)
                    {
                        table.Reserve(random.Next(200));
                    }
                    else
                    {
                        table.TrimExcess();
                    }
                }

                var key = keys[random.Next(keys.Length)];
                oracle.TryGetValue(key, out var held);
                switch (random.Next(4))
                {
                    case 0 when held is { Count: > 0 }:
                        var removed = held[random.Next(held.Count)];
                        table.Remove(key, removed);
                        held.Remove(removed);
                        break;
                    case 1 when held is { Count: > 0 }:
                        var from = held[random.Next(held.Count)];
                        var to = nextPosition++;
                        table.Move(key, from, to);
                        held[held.IndexOf(from)] = to;
                        break;
                    default:
                        var position = nextPosition++;
                        table.Add(key, position);
                        (oracle.TryGetValue(key, out var list) ? list : oracle[key] = []).Add(position);
                        break;
                }
            }

            foreach (var key in keys)
            {
                var expected = oracle.TryGetValue(key, out var list) ? list.Order().ToArray() : [];
                var count = table.Find(key, out var single, out var found);
                var actual = (found is null ? (count == 1 ? [single] : []) : found.Take(count)).Order().ToArray();
                if (!expected.SequenceEqual(actual))
                {
                    return false.Label("key " + Array.IndexOf(keys, key) + ": expected " + expected.Length + " positions, found " + actual.Length);
                }
            }

            return (table.Find(0, out _, out _) == 0).Label("key 0 is never held");
        });
}
