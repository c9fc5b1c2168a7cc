using System.Runtime.InteropServices;

namespace NhsIdentity.Orleans.Grains;

/// <summary>
/// One key bucket's postings: for its blocking rule, the ids of the records that have each key, in the order the
/// single-node <see cref="Matching.PatientIndex"/> keeps the positions of the same records, and the version held for
/// each id (a record's, or a tombstone's).
/// </summary>
/// <remarks>
/// <para><b>Why the order matters.</b> A lookup whose blocks hold more than <c>MaxCandidates</c> records gathers
/// them in posting order and stops at the cap, so the ids must come back in the single node's order for the capped
/// answer to be the same. The single node appends a record to its key's list when it is added, and removes one by
/// moving the list's last entry into its place; a replaced record is removed and appended again (even with its key
/// unchanged). This class does the same with ids.</para>
/// <para><b>Why ids, not rows.</b> The prepared row lives once in the cluster, in its row shard; a bucket holds about
/// a hundred bytes a record (the id string, its version and key, a slot in its key's list) instead of a whole
/// prepared row per rule.</para>
/// </remarks>
internal sealed class KeyPostings
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Key to its one id (a string) or its ids (a list of two or more): most keys belong to one record.</summary>
    private readonly Dictionary<ulong, object> _lists = [];

    /// <summary>Gets how many records the bucket holds (tombstones not counted).</summary>
    public int Count { get; private set; }

    /// <summary>The version held for an id, or 0.</summary>
    public long VersionOf(string id) => _entries.TryGetValue(id, out var entry) ? entry.Version : 0;

    /// <summary>Applies a record's key at a version (<paramref name="present"/> false: the record left the bucket, or
    /// was removed) when the version is higher than the one held; returns whether it changed anything. A present
    /// record with no key under the rule (key 0; routing never sends one) is counted but selects nothing.</summary>
    public bool Apply(string id, long version, bool present, ulong key)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, id, out var exists);
        if (exists && version <= entry.Version)
        {
            return false; // this version, or a newer one, is already here
        }

        if (exists && entry.Present)
        {
            Unpost(entry.Key, id);
            Count--;
        }

        entry = new Entry(version, present ? key : 0, present);
        if (present)
        {
            Post(entry.Key, id);
            Count++;
        }

        return true;
    }

    /// <summary>The first <paramref name="most"/> ids with this key, in posting order.</summary>
    public string[] Find(ulong key, int most)
    {
        if (key == 0 || most <= 0 || !_lists.TryGetValue(key, out var held))
        {
            return [];
        }

        if (held is string single)
        {
            return [single];
        }

        var list = (List<string>)held;
        return [.. list.Take(most)];
    }

    /// <summary>Drops everything (a failed load starts again from nothing).</summary>
    public void Clear()
    {
        _entries.Clear();
        _lists.Clear();
        Count = 0;
    }

    private void Post(ulong key, string id)
    {
        if (key == 0)
        {
            return;
        }

        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, key, out var exists);
        if (!exists)
        {
            held = id;
        }
        else if (held is string single)
        {
            held = new List<string>(2) { single, id };
        }
        else
        {
            ((List<string>)held!).Add(id);
        }
    }

    private void Unpost(ulong key, string id)
    {
        if (key == 0 || !_lists.TryGetValue(key, out var held))
        {
            return;
        }

        if (held is string)
        {
            _lists.Remove(key);
            return;
        }

        // The single node's swap: the last entry moves into the removed one's place.
        var list = (List<string>)held;
        var at = list.FindIndex(held => string.Equals(held, id, StringComparison.Ordinal));
        if (at < 0)
        {
            return;
        }

        list[at] = list[^1];
        list.RemoveAt(list.Count - 1);
        if (list.Count == 1)
        {
            _lists[key] = list[0];
        }
    }

    private readonly record struct Entry(long Version, ulong Key, bool Present);
}
