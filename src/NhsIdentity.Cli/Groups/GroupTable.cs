using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Groups;

/// <summary>One row of the "who is left unlinked" table: the records of one input in one group, how many of them
/// have a match, how many only a review pair and how many neither; with truth, the true pairs that touch a record of
/// the group and how many of those the links found.</summary>
internal sealed record GroupRow(string Input, string Dimension, string Group, long Records, long Linked, long InReview, long TruePairs, long FoundPairs)
{
    /// <summary>Records with neither a match nor a review pair.</summary>
    public long Unlinked => Records - Linked - InReview;

    /// <summary>Share of the group's records with a match.</summary>
    public double LinkedRate => Records == 0 ? 0 : (double)Linked / Records;

    /// <summary>Share of the group's records with a review pair and no match.</summary>
    public double ReviewRate => Records == 0 ? 0 : (double)InReview / Records;

    /// <summary>Share of the true pairs touching the group that were found; null without truth or true pairs.</summary>
    public double? Recall => TruePairs == 0 ? null : (double)FoundPairs / TruePairs;
}

/// <summary>
/// Builds the "who is left unlinked" table from the inputs' records, the links file and, optionally, the truth:
/// per input, per dimension of <see cref="RecordGroups"/>, per group. A record is linked when some row of the links
/// file with decision match names it, in review when only rows of another decision do.
/// </summary>
/// <remarks>A true pair counts in the group of each of its two records (once when both are in the same group), so a
/// group's recall is the share of true pairs touching its people that were found. Records without an id are counted
/// (they are records) but can be neither linked nor in a true pair.</remarks>
internal static class GroupTable
{
    /// <summary>Measures the table.</summary>
    /// <param name="inputs">Each input's label and records: left then right for a link, one for a deduplication.</param>
    /// <param name="links">The links file's rows.</param>
    /// <param name="truth">True pairs (left id, right id), or null.</param>
    /// <param name="truthUnordered">Whether a true pair may name its right record first (a clusters file without
    /// sources, compared ignoring order): each pair is then placed by the inputs that hold its ids.</param>
    /// <param name="asOf">The day ages are taken on.</param>
    /// <param name="order">How the inputs' ambiguous dates are read.</param>
    /// <returns>The rows: by input, then dimension, then group (age bands youngest first, other groups by name,
    /// unknown last).</returns>
    public static List<GroupRow> Measure(IReadOnlyList<(string Label, IReadOnlyList<PatientRecord> Records)> inputs, IReadOnlyList<LinkFileRow> links,
        IReadOnlyList<(string LeftId, string RightId)>? truth, bool truthUnordered, DateOnly asOf, DateOrder order)
    {
        var dedupe = inputs.Count == 1;
        var rightInput = dedupe ? 0 : 1;

        // 2: some match row names the id; 1: only other rows do.
        var status = new Dictionary<string, int>[inputs.Count];
        for (var i = 0; i < status.Length; i++)
        {
            status[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var matches = new HashSet<(string, string)>();
        foreach (var row in links)
        {
            Mark(status[0], row.LeftId, row.IsMatch);
            Mark(status[rightInput], row.RightId, row.IsMatch);
            if (row.IsMatch)
            {
                matches.Add(Key(row.LeftId, row.RightId, dedupe));
            }
        }

        var dimensions = RecordGroups.Dimensions.Length;
        var groupsById = new Dictionary<string, string[]>[inputs.Count];
        var counters = new Dictionary<(int Input, int Dimension, string Group), long[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            groupsById[i] = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var record in inputs[i].Records)
            {
                var groups = RecordGroups.Of(record, asOf, order);
                var state = 0;
                if (record.Id is { } id)
                {
                    groupsById[i].TryAdd(id, groups);
                    state = status[i].GetValueOrDefault(id);
                }

                for (var d = 0; d < dimensions; d++)
                {
                    var counts = Counters(counters, i, d, groups[d]);
                    counts[0]++;
                    counts[1] += state == 2 ? 1 : 0;
                    counts[2] += state == 1 ? 1 : 0;
                }
            }
        }

        foreach (var (first, second) in truth ?? [])
        {
            // Compared ignoring order, a pair is found in either order, so place it the way round the inputs hold it.
            var swap = truthUnordered && !dedupe && !groupsById[0].ContainsKey(first) && groupsById[0].ContainsKey(second)
                && groupsById[rightInput].ContainsKey(first);
            var (leftId, rightId) = swap ? (second, first) : (first, second);
            var found = matches.Contains(Key(leftId, rightId, dedupe)) ? 1 : 0;
            var left = groupsById[0].GetValueOrDefault(leftId);
            var right = groupsById[rightInput].GetValueOrDefault(rightId);
            for (var d = 0; d < dimensions; d++)
            {
                if (left is not null)
                {
                    Count(counters, 0, d, left[d], found);
                }

                if (right is not null && !(dedupe && left is not null && left[d] == right[d]))
                {
                    Count(counters, rightInput, d, right[d], found);
                }
            }
        }

        var rows = new List<GroupRow>(counters.Count);
        foreach (var ((input, dimension, group), counts) in counters)
        {
            rows.Add(new GroupRow(inputs[input].Label, RecordGroups.Dimensions[dimension], group, counts[0], counts[1], counts[2], counts[3], counts[4]));
        }

        var inputOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            inputOrder.TryAdd(inputs[i].Label, i);
        }

        rows.Sort((a, b) =>
        {
            var byInput = inputOrder[a.Input].CompareTo(inputOrder[b.Input]);
            if (byInput != 0)
            {
                return byInput;
            }

            var byDimension = Array.IndexOf(RecordGroups.Dimensions, a.Dimension).CompareTo(Array.IndexOf(RecordGroups.Dimensions, b.Dimension));
            return byDimension != 0 ? byDimension : GroupRank(a.Group).CompareTo(GroupRank(b.Group)) is var byRank and not 0 ? byRank
                : string.CompareOrdinal(a.Group, b.Group);
        });
        return rows;
    }

    /// <summary>How many distinct ids of the links file's left and right columns are held by no record of their input
    /// (for a deduplication, both columns against the one input): inputs that are swapped, or from another run, show
    /// here instead of as a table of unlinked records.</summary>
    public static (int Left, int Right) IdsNotInInputs(IReadOnlyList<(string Label, IReadOnlyList<PatientRecord> Records)> inputs,
        IReadOnlyList<LinkFileRow> links)
    {
        var held = new HashSet<string>[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            held[i] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in inputs[i].Records)
            {
                if (record.Id is { } id)
                {
                    held[i].Add(id);
                }
            }
        }

        var rightInput = inputs.Count == 1 ? 0 : 1;
        var missingLeft = new HashSet<string>(StringComparer.Ordinal);
        var missingRight = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in links)
        {
            if (!held[0].Contains(row.LeftId))
            {
                missingLeft.Add(row.LeftId);
            }

            if (!held[rightInput].Contains(row.RightId))
            {
                missingRight.Add(row.RightId);
            }
        }

        return (missingLeft.Count, missingRight.Count);
    }

    private static readonly string[] AgeBands = ["0-15", "16-29", "30-44", "45-64", "65-79", "80+"];

    /// <summary>Age bands in age order first, then named groups, unknown last.</summary>
    private static int GroupRank(string group) =>
        group == RecordGroups.Unknown ? int.MaxValue : Array.IndexOf(AgeBands, group) is >= 0 and var band ? band : AgeBands.Length;

    private static void Mark(Dictionary<string, int> status, string id, bool isMatch)
    {
        var state = isMatch ? 2 : 1;
        if (status.GetValueOrDefault(id) < state)
        {
            status[id] = state;
        }
    }

    private static (string, string) Key(string left, string right, bool unordered) =>
        unordered && string.CompareOrdinal(left, right) > 0 ? (right, left) : (left, right);

    private static long[] Counters(Dictionary<(int, int, string), long[]> counters, int input, int dimension, string group)
    {
        if (!counters.TryGetValue((input, dimension, group), out var counts))
        {
            counts = new long[5];
            counters.Add((input, dimension, group), counts);
        }

        return counts;
    }

    private static void Count(Dictionary<(int, int, string), long[]> counters, int input, int dimension, string group, int found)
    {
        var counts = Counters(counters, input, dimension, group);
        counts[3]++;
        counts[4] += found;
    }
}
