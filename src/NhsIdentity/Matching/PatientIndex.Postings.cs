using System.Runtime.InteropServices;

namespace NhsIdentity.Matching;

// Posting lists: for one blocking rule, the positions of the records that have each key. Most keys belong to a
// single record, so a key maps straight to that position; only a shared key gets a list, numbered by the
// dictionary value's complement. Lists are unordered (removal swaps the last entry in).
public sealed partial class PatientIndex
{
    private sealed class PostingTable
    {
        private readonly Dictionary<ulong, int> _map = [];
        private readonly Stack<int> _freeLists = new();
        private int[][] _lists = new int[16][];
        private int[] _listCounts = new int[16];
        private int _listCount;

        /// <summary>The positions with this key: one in <paramref name="single"/>, or the first
        /// <c>count</c> of <paramref name="list"/>.</summary>
        /// <returns>How many there are (0 for key 0 or an unknown key).</returns>
        public int Find(ulong key, out int single, out int[]? list)
        {
            list = null;
            single = -1;
            if (key == 0 || !_map.TryGetValue(key, out var value))
            {
                return 0;
            }

            if (value >= 0)
            {
                single = value;
                return 1;
            }

            list = _lists[~value];
            return _listCounts[~value];
        }

        public void Add(ulong key, int position)
        {
            if (key == 0)
            {
                return;
            }

            ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out var exists);
            if (!exists)
            {
                value = position;
                return;
            }

            if (value >= 0)
            {
                var id = NewList(value);
                value = ~id;
            }

            var list = ~value;
            var count = _listCounts[list];
            if (count == _lists[list].Length)
            {
                Array.Resize(ref _lists[list], count * 2);
            }

            _lists[list][count] = position;
            _listCounts[list] = count + 1;
        }

        public void Remove(ulong key, int position)
        {
            if (key == 0)
            {
                return;
            }

            ref var value = ref CollectionsMarshal.GetValueRefOrNullRef(_map, key);
            if (value >= 0)
            {
                _map.Remove(key);
                return;
            }

            var list = ~value;
            var items = _lists[list];
            var count = _listCounts[list] - 1;
            items[Array.IndexOf(items, position, 0, count + 1)] = items[count];
            _listCounts[list] = count;
            if (count == 1)
            {
                // Back to a single position: the list's array is dropped so a million churned keys hold no lists.
                value = items[0];
                _lists[list] = [];
                _listCounts[list] = 0;
                _freeLists.Push(list);
            }
        }

        /// <summary>Renames a position (the record at <paramref name="from"/> moved to <paramref name="to"/>).</summary>
        public void Move(ulong key, int from, int to)
        {
            if (key == 0)
            {
                return;
            }

            ref var value = ref CollectionsMarshal.GetValueRefOrNullRef(_map, key);
            if (value >= 0)
            {
                value = to;
                return;
            }

            var list = ~value;
            var items = _lists[list];
            items[Array.IndexOf(items, from, 0, _listCounts[list])] = to;
        }

        private int NewList(int first)
        {
            if (!_freeLists.TryPop(out var id))
            {
                id = _listCount++;
                if (id == _lists.Length)
                {
                    Array.Resize(ref _lists, id * 2);
                    Array.Resize(ref _listCounts, id * 2);
                }
            }

            _lists[id] = new int[4];
            _lists[id][0] = first;
            _listCounts[id] = 1;
            return id;
        }
    }
}
