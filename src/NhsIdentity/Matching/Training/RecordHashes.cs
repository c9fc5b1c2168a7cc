using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// A 64-bit hash of each record from its id, its prepared values and the training seed: what training samples by,
/// instead of a record's position, so the same records in another order train the same model.
/// </summary>
/// <remarks>
/// <para>The id alone would do when ids are unique, but they may be missing or repeated (issue 14 found both), so
/// every prepared value goes into the hash as well. Two records with the same hash are then, but for a 2^-64
/// collision, the same id with the same values: they compare alike with every record, so whichever of them training
/// meets first cannot change a count. That is how ties and duplicate ids are broken.</para>
/// <para>Positions in the text arena, and term frequencies (which depend on the whole set, not the record), are left
/// out; everything that tells two records apart is in.</para>
/// </remarks>
internal static class RecordHashes
{
    public static ulong[] Of(RecordSet set, int seed)
    {
        var hashes = new ulong[set.Count];
        var hasher = new XxHash3(seed);
        for (var i = 0; i < hashes.Length; i++)
        {
            hasher.Reset();
            Text(hasher, set.GetId(i));
            ref readonly var row = ref set.Row(i);
            Text(hasher, set.Given(in row));
            Text(hasher, set.GivenTokens(in row));
            Text(hasher, set.Family(in row));
            Text(hasher, set.FamilyTokens(in row));
            Text(hasher, set.AddressTokens(in row));
            Text(hasher, set.LocalIdentifier(in row));
            ReadOnlySpan<long> values =
            [
                row.NhsNumber, row.Postcode.GetHashCode(), row.DateOfBirth, row.DateDigits, row.DateFlags, row.DayNumber, row.Sex,
                row.Present, (long)row.OtherPostcode, (long)row.Email, row.Phone, row.GpPractice, row.NicknameId,
            ];
            hasher.Append(MemoryMarshal.AsBytes(values));
            hashes[i] = hasher.GetCurrentHashAsUInt64();
        }

        return hashes;
    }

    /// <summary>Record positions in the order of their hashes: a record order no input order can change.</summary>
    public static int[] CanonicalOrder(ulong[] hashes)
    {
        var order = new int[hashes.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((ulong[])hashes.Clone(), order);
        return order;
    }

    /// <summary>A second, independent 64-bit value from a hash (the SplitMix64 finaliser), for decisions that must not
    /// correlate with the order the hash itself gives.</summary>
    public static ulong Remix(ulong hash)
    {
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    private static void Text(XxHash3 hasher, ReadOnlySpan<char> text)
    {
        // The length first, so ("ab", "c") and ("a", "bc") differ.
        ReadOnlySpan<int> length = [text.Length];
        hasher.Append(MemoryMarshal.AsBytes(length));
        hasher.Append(MemoryMarshal.AsBytes(text));
    }
}
