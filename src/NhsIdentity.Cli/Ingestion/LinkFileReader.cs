using System.Globalization;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>One row of a links file.</summary>
/// <param name="LeftId">The left record id.</param>
/// <param name="RightId">The right record id.</param>
/// <param name="IsMatch">Whether the row's decision is <c>match</c> (true when the file has no decision column).</param>
/// <param name="MatchProbability">The match probability, when the file has that column and the value parses.</param>
internal readonly record struct LinkFileRow(string LeftId, string RightId, bool IsMatch, double? MatchProbability);

/// <summary>The shape of a truth file, detected from its header.</summary>
internal enum TruthFileKind
{
    /// <summary>True pairs: <c>left_id,right_id</c>.</summary>
    Pairs,

    /// <summary>Cluster assignments: <c>id,cluster_id</c> (or <c>person_id</c>, <c>cluster</c>).</summary>
    Clusters,

    /// <summary>Cluster assignments that name each record's source: <c>source,id,person_id</c> (the samples' truth).</summary>
    SourcedClusters,
}

/// <summary>A truth file: its pairs or its cluster assignments, per <see cref="Kind"/>.</summary>
/// <param name="Kind">The detected shape.</param>
/// <param name="Pairs">The pairs (empty for a clusters file).</param>
/// <param name="Clusters">The assignments (empty for a pairs file; without their sources for a sourced file).</param>
/// <param name="SourcedClusters">The assignments with their sources (empty unless <see cref="TruthFileKind.SourcedClusters"/>).</param>
internal sealed record TruthFile(
    TruthFileKind Kind,
    IReadOnlyList<(string LeftId, string RightId)> Pairs,
    IReadOnlyList<(string Id, string ClusterId)> Clusters,
    IReadOnlyList<(string Source, string Id, string ClusterId)> SourcedClusters);

/// <summary>Reads the files <c>nhsid evaluate</c> compares: a links file and a truth file.</summary>
/// <remarks>
/// Column names are matched after <see cref="ColumnMapping.Normalise"/>. Links: <c>left_id</c>/<c>right_id</c> (or
/// Splink's <c>unique_id_l</c>/<c>unique_id_r</c>), optional <c>decision</c> and <c>match_probability</c>. Truth
/// pairs: the same id columns. Truth clusters: an id column (<c>id</c>, <c>unique_id</c>, <c>rec_id</c>,
/// <c>record_id</c>) and a cluster column (<c>cluster_id</c>, <c>person_id</c>, <c>cluster</c>), so Splink's
/// fake_1000 file serves as its own truth; with a source column too (<c>source</c>, Splink's <c>source_dataset</c>,
/// <c>dataset</c>) each id is read as belonging to its source, so one file can hold the truth of two extracts whose
/// ids overlap.
/// </remarks>
internal static class LinkFileReader
{
    private static readonly string[] LeftIdNames = ["leftid", "uniqueidl", "idl"];
    private static readonly string[] RightIdNames = ["rightid", "uniqueidr", "idr"];
    private static readonly string[] IdNames = ["id", "uniqueid", "recid", "recordid"];
    private static readonly string[] ClusterNames = ["clusterid", "personid", "cluster"];
    private static readonly string[] SourceNames = ["source", "sourcedataset", "dataset"];

    /// <summary>Reads a links file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its rows, in file order.</returns>
    /// <exception cref="IngestionException">The file is missing, empty, malformed, or lacks the id columns.</exception>
    public static IReadOnlyList<LinkFileRow> ReadLinks(string path)
    {
        var rows = new List<LinkFileRow>();
        var hasDecision = false;
        var hasProbability = false;
        SimpleCsvTable.Read(
            path,
            header =>
            {
                var left = SimpleCsvTable.Find(header, LeftIdNames);
                var right = SimpleCsvTable.Find(header, RightIdNames);
                if (left < 0 || right < 0)
                {
                    throw new IngestionException($"{path} has no left_id and right_id columns.");
                }

                var decision = SimpleCsvTable.Find(header, "decision");
                var probability = SimpleCsvTable.Find(header, "matchprobability");
                hasDecision = decision >= 0;
                hasProbability = probability >= 0;
                return [left, right, Math.Max(decision, 0), Math.Max(probability, 0)];
            },
            (line, values) =>
            {
                var isMatch = !hasDecision || string.Equals(values[2], "match", StringComparison.OrdinalIgnoreCase);
                double? probability = hasProbability
                    && double.TryParse(values[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
                rows.Add(new LinkFileRow(RequireId(values[0], path, line, "left_id"), RequireId(values[1], path, line, "right_id"), isMatch, probability));
            });
        return rows;
    }

    /// <summary>Reads a truth file, detecting pairs or clusters from its header (pairs when it has both id columns).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The truth.</returns>
    /// <exception cref="IngestionException">The file is missing, empty, malformed, or has neither shape.</exception>
    public static TruthFile ReadTruth(string path)
    {
        var kind = TruthFileKind.Pairs;
        var pairs = new List<(string LeftId, string RightId)>();
        var clusters = new List<(string Id, string ClusterId)>();
        var sourced = new List<(string Source, string Id, string ClusterId)>();
        SimpleCsvTable.Read(
            path,
            header =>
            {
                var left = SimpleCsvTable.Find(header, LeftIdNames);
                var right = SimpleCsvTable.Find(header, RightIdNames);
                if (left >= 0 && right >= 0)
                {
                    return [left, right];
                }

                var id = SimpleCsvTable.Find(header, IdNames);
                var cluster = SimpleCsvTable.Find(header, ClusterNames);
                if (id < 0 || cluster < 0)
                {
                    throw new IngestionException($"{path} is neither a pairs file (left_id,right_id) nor a clusters file (id,cluster_id or id,person_id).");
                }

                var source = SimpleCsvTable.Find(header, SourceNames);
                kind = source >= 0 ? TruthFileKind.SourcedClusters : TruthFileKind.Clusters;
                return source >= 0 ? [id, cluster, source] : [id, cluster];
            },
            (line, values) =>
            {
                if (kind == TruthFileKind.Pairs)
                {
                    pairs.Add((RequireId(values[0], path, line, "left_id"), RequireId(values[1], path, line, "right_id")));
                }
                else
                {
                    var assignment = (RequireId(values[0], path, line, "id"), RequireId(values[1], path, line, "cluster_id"));
                    clusters.Add(assignment);
                    if (kind == TruthFileKind.SourcedClusters)
                    {
                        sourced.Add((RequireId(values[2], path, line, "source"), assignment.Item1, assignment.Item2));
                    }
                }
            });
        return new TruthFile(kind, pairs, clusters, sourced);
    }

    // Ids go through CsvInjection.Restore: the links and clusters files the CLI writes neutralise ids ('-12 for -12).
    private static string RequireId(string? value, string path, int line, string column) =>
        CsvInjection.Restore(value) ?? throw new IngestionException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {line}: {column} is empty."));
}
