using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Cli.Reporting;

/// <summary>Gathers what the report needs beyond the link itself: each input's counts (and, when values are shown,
/// its records) and the ground truth.</summary>
internal static class ReportSources
{
    /// <summary>
    /// Reads an input again for its counts, and its records when <paramref name="keepRecords"/>. The command's own
    /// reading returns only the prepared set, so the report reads the file a second time with the same mapping; the
    /// records come in the same order as the set's. Nothing is written (no rejects file).
    /// </summary>
    public static (ReportInput Input, IReadOnlyList<PatientRecord>? Records) ReadInput(string path, string label, IReadOnlyList<string> map,
        InputFormat format, bool keepRecords)
    {
        // The same reader as the run's (CSV, HL7 v2, ...), with no rejects file: the run has written that already.
        var read = format.Read(path, new PatientSourceOptions(format.AcceptsColumnMap ? map : [], RejectsPath: null));
        return (new ReportInput(label, Path.GetFileName(path), read.ItemsRead, read.Accepted, read.Rejected), keepRecords ? read.Records : null);
    }

    /// <summary>
    /// Reads a truth file (pairs, or clusters as for <c>nhsid evaluate</c>) and turns it into the pairs of this run:
    /// for a link, a clusters file gives only the pairs across the two extracts (records are placed by their ids);
    /// for a deduplication, the pairs within the extract, in either order.
    /// </summary>
    /// <exception cref="IngestionException">The file cannot be read or has neither shape.</exception>
    /// <exception cref="ArgumentException">An id is assigned to two clusters (the message names the id only).</exception>
    public static ReportTruth ReadTruth(string path, RecordSet left, RecordSet? right)
    {
        var file = LinkFileReader.ReadTruth(path);
        var name = Path.GetFileName(path);
        if (file.Kind == TruthFileKind.Pairs)
        {
            return new ReportTruth(file.Pairs, Unordered: right is null, name, "pairs file");
        }

        var leftIds = Ids(left);
        if (right is null)
        {
            var within = new List<(string Id, string ClusterId)>();
            foreach (var assignment in file.Clusters)
            {
                if (leftIds.Contains(assignment.Id))
                {
                    within.Add(assignment);
                }
            }

            return new ReportTruth(TruthPairs.FromClusters(within), Unordered: true, name, "pairs within the same cluster");
        }

        var rightIds = Ids(right);
        var leftMap = new Dictionary<string, string>(StringComparer.Ordinal);
        var rightMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, cluster) in file.Clusters)
        {
            if (leftIds.Contains(id))
            {
                Assign(leftMap, id, cluster);
            }

            if (rightIds.Contains(id))
            {
                Assign(rightMap, id, cluster);
            }
        }

        return new ReportTruth(TruthPairs.FromClusters(leftMap, rightMap), Unordered: false, name, "left and right records in the same cluster");
    }

    private static void Assign(Dictionary<string, string> map, string id, string cluster)
    {
        if (map.TryGetValue(id, out var existing) && !string.Equals(existing, cluster, StringComparison.Ordinal))
        {
            throw new IngestionException($"Record id '{id}' is assigned to two clusters in the truth file.");
        }

        map[id] = cluster;
    }

    private static HashSet<string> Ids(RecordSet set)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Count; i++)
        {
            if (set.GetId(i) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
