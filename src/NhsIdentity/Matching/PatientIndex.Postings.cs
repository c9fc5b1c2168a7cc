using System.Runtime.CompilerServices;
using NhsIdentity.Internal;

namespace NhsIdentity.Matching;

// Posting lists: for one blocking rule, the positions of the records that have each key. Most keys belong to a
// single record, so an entry holds that position itself; only a shared key gets a list. Lists are unordered (removal
// swaps the last entry in).
//
// The table is open addressing with linear probing rather than a Dictionary: a lookup asks every rule's table for
// its key, and at a million records each probe is a cache miss. Here the slot a key hashes to is known before the
// probe, so a lookup asks for all the rules' slots at once (Prefetch) and their misses overlap; an entry is one
// 16-byte slot (key, position or list number, count), where a Dictionary probe is two dependent misses (bucket, then
// entry) plus one for a list's count.
public sealed partial class PatientIndex
{
    internal sealed class PostingTable
    {
        /// <summary>Grow when more than this share of the slots, in quarters, is used: linear probing stays short
        /// below three quarters.</summary>
        private const int MaxLoadQuarters = 3;

        private readonly Stack<int> _freeLists = new();
        private Entry[] _entries = new Entry[16];
        private int _shift = 64 - 4;
        private int _used;
        private int[][] _lists = new int[16][];
        private int _listCount;

        /// <summary>Grows the table, if need be, so that <paramref name="keys"/> distinct keys fit without growing again.</summary>
        public void Reserve(int keys)
        {
            var size = (long)_entries.Length;
            while (keys * 4L > size * MaxLoadQuarters)
            {
                size *= 2;
            }

            if (size > _entries.Length)
            {
                Rehash((int)size); // once, not once per doubling
            }
        }

        /// <summary>Shrinks the table to the smallest size that holds its keys under the load limit (after a bulk fill
        /// sized for more keys than turned out distinct).</summary>
        public void TrimExcess()
        {
            var size = 16;
            while (_used * 4L > size * (long)MaxLoadQuarters)
            {
                size *= 2;
            }

            if (size < _entries.Length)
            {
                Rehash(size);
            }
        }

        /// <summary>Asks the processor to start loading the slot where <paramref name="key"/> would be.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Prefetch(ulong key)
        {
            if (key != 0)
            {
                CachePrefetch.Lines(in _entries[Home(key)], Unsafe.SizeOf<Entry>());
            }
        }

        /// <summary>The positions with this key: one in <paramref name="single"/>, or the first
        /// <c>count</c> of <paramref name="list"/>.</summary>
        /// <returns>How many there are (0 for key 0 or an unknown key).</returns>
        public int Find(ulong key, out int single, out int[]? list)
        {
            list = null;
            single = -1;
            if (key == 0)
            {
                return 0;
            }

            var slot = Probe(key);
            ref readonly var entry = ref _entries[slot];
            if (entry.Key == 0)
            {
                return 0;
            }

            if (entry.Count == 1)
            {
                single = entry.Value;
                return 1;
            }

            list = _lists[entry.Value];
            return entry.Count;
        }

        public void Add(ulong key, int position)
        {
            if (key == 0)
            {
                return;
            }

            var slot = Probe(key);
            ref var entry = ref _entries[slot];
            if (entry.Key == 0)
            {
                entry = new Entry { Key = key, Value = position, Count = 1 };
                if (++_used * 4 > _entries.Length * MaxLoadQuarters)
                {
                    Grow();
                }

                return;
            }

            if (entry.Count == 1)
            {
                entry.Value = NewList(entry.Value);
            }

            ref var items = ref _lists[entry.Value];
            if (entry.Count == items.Length)
            {
                Array.Resize(ref items, entry.Count * 2);
            }

            items[entry.Count++] = position;
        }

        public void Remove(ulong key, int position)
        {
            if (key == 0)
            {
                return;
            }

            var slot = Probe(key);
            ref var entry = ref _entries[slot];
            if (entry.Key == 0)
            {
                return;
            }

            if (entry.Count == 1)
            {
                Delete(slot);
                return;
            }

            var items = _lists[entry.Value];
            var last = --entry.Count;
            items[Array.IndexOf(items, position, 0, last + 1)] = items[last];
            if (last == 1)
            {
                // Back to a single position: the list's array is dropped so a million churned keys hold no lists.
                _lists[entry.Value] = [];
                _freeLists.Push(entry.Value);
                entry.Value = items[0];
            }
        }

        /// <summary>Renames a position (the record at <paramref name="from"/> moved to <paramref name="to"/>).</summary>
        public void Move(ulong key, int from, int to)
        {
            if (key == 0)
            {
                return;
            }

            ref var entry = ref _entries[Probe(key)];
            if (entry.Key == 0)
            {
                return;
            }

            if (entry.Count == 1)
            {
                entry.Value = to;
                return;
            }

            var items = _lists[entry.Value];
            items[Array.IndexOf(items, from, 0, entry.Count)] = to;
        }

        /// <summary>The slot a key hashes to: Fibonacci hashing, whose multiplier spreads every bit of the key into the
        /// top bits taken.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

        /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Probe(ulong key)
        {
            var entries = _entries;
            var mask = entries.Length - 1;
            var slot = Home(key);
            while (entries[slot].Key != key && entries[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }

        /// <summary>Empties a slot and moves later entries of its probe run back, so no search stops early at a gap
        /// (backward-shift deletion: no tombstones to accumulate under churn).</summary>
        private void Delete(int slot)
        {
            var entries = _entries;
            var mask = entries.Length - 1;
            var gap = slot;
            var next = slot;
            while (true)
            {
                next = (next + 1) & mask;
                if (entries[next].Key == 0)
                {
                    break;
                }

                // The entry at next may fill the gap unless its home lies cyclically after the gap, up to next.
                var home = Home(entries[next].Key);
                var stays = gap <= next ? home > gap && home <= next : home > gap || home <= next;
                if (!stays)
                {
                    entries[gap] = entries[next];
                    gap = next;
                }
            }

            entries[gap] = default;
            _used--;
        }

        private void Grow() => Rehash(_entries.Length * 2);

        private void Rehash(int size)
        {
            var old = _entries;
            _entries = new Entry[size];
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
            foreach (var entry in old)
            {
                if (entry.Key != 0)
                {
                    _entries[Probe(entry.Key)] = entry;
                }
            }
        }

        private int NewList(int first)
        {
            if (!_freeLists.TryPop(out var id))
            {
                id = _listCount++;
                if (id == _lists.Length)
                {
                    Array.Resize(ref _lists, id * 2);
                }
            }

            _lists[id] = new int[4];
            _lists[id][0] = first;
            return id;
        }

        /// <summary>One key's postings: a single position, or (when <see cref="Count"/> is above 1) the number of
        /// its list.</summary>
        private struct Entry
        {
            public ulong Key;
            public int Value;
            public int Count;
        }
    }
}
