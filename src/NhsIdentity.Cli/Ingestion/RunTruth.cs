using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>The true pairs of one run, as <c>nhsid evaluate</c> and <c>nhsid link --truth</c> score it.</summary>
/// <param name="Pairs">The true pairs, as (left id, right id).</param>
/// <param name="Unordered">Whether (a, b) and (b, a) are the same pair (deduplication, or a clusters file that cannot
/// say which side a record is on).</param>
/// <param name="FileName">The truth file's name, without its folder.</param>
/// <param name="Description">How the pairs were built (<c>pairs file</c>, <c>source pas (left) x gp (right)</c>, ...):
/// file, source and column names only.</param>
internal sealed record RunTruth(IReadOnlyList<(string LeftId, string RightId)> Pairs, bool Unordered, string FileName, string Description);

/// <summary>The ids a run has on each side: the record ids of its inputs (<c>link</c>), or the ids in its links file
/// (<c>evaluate</c>).</summary>
/// <param name="Left">The left side's ids (the records', for a deduplication).</param>
/// <param name="Right">The right side's ids; null for a deduplication.</param>
/// <param name="AreWholeInputs">Whether the ids are every record of the inputs (so a record's side is known from its
/// id), rather than only the ids that appear in links.</param>
internal sealed record RunIds(IReadOnlySet<string> Left, IReadOnlySet<string>? Right, bool AreWholeInputs)
{
    /// <summary>Whether the run is a deduplication of one input.</summary>
    public bool IsDeduplication => Right is null;
}

/// <summary>
/// Turns a truth file into the true pairs of a run: the one code path of <c>nhsid evaluate</c> and
/// <c>nhsid link --truth</c>, so both score the same run alike.
/// </summary>
/// <remarks>
/// <para>A pairs file is taken as it is. A clusters file with a source column (<c>source,id,person_id</c>) gives, for
/// a link, the pairs across the left and right sources (ids looked up per source, so an id may exist in both), and
/// for a deduplication the pairs within one source. Which source is which is given (<c>--left-source</c>) or chosen
/// from the run's ids: the pair of sources that holds the most of the left ids (in the left source) and right ids (in
/// the right source), ties going to the order the sources first appear in the file; the choice is printed.</para>
/// <para>A clusters file without sources: when the run's ids are its whole inputs (<c>link</c>) records are placed
/// on a side by their ids; otherwise (<c>evaluate</c>) every within-cluster pair is true, compared ignoring order.</para>
/// <para>Only file names, source names, counts and ids are printed, never patient values.</para>
/// </remarks>
internal static class TruthReading
{
    /// <summary>Reads a truth file and builds the run's true pairs.</summary>
    /// <param name="path">The truth file.</param>
    /// <param name="ids">The run's ids on each side.</param>
    /// <param name="leftSource">The source of the left ids (the deduplicated source), or null to choose it from the ids.</param>
    /// <param name="error">Where notes on the choices made go (standard error).</param>
    /// <returns>The true pairs.</returns>
    /// <exception cref="IngestionException">The file cannot be read, or its sources do not fit the run (a usage error
    /// when <paramref name="leftSource"/> names no source of the file).</exception>
    /// <exception cref="ArgumentException">An id is assigned to two clusters (the message names no id).</exception>
    public static RunTruth Read(string path, RunIds ids, string? leftSource, TextWriter error)
    {
        var file = LinkFileReader.ReadTruth(path);
        var name = Path.GetFileName(path);
        if (leftSource is not null && file.Kind != TruthFileKind.SourcedClusters)
        {
            throw new IngestionException($"--left-source needs a truth file with a source column; {name} has none.") { IsUsageError = true };
        }

        switch (file.Kind)
        {
            case TruthFileKind.Pairs:
                return new RunTruth(file.Pairs, Unordered: ids.IsDeduplication, name, "pairs file");
            case TruthFileKind.SourcedClusters:
                return FromSources(file.SourcedClusters, name, ids, leftSource, error);
            default:
                return ids.AreWholeInputs ? ByRecordIds(file.Clusters, name, ids) : WithinClusters(file.Clusters, name, ids, error);
        }
    }

    private static RunTruth FromSources(IReadOnlyList<(string Source, string Id, string ClusterId)> assignments, string name, RunIds ids,
        string? leftSource, TextWriter error)
    {
        var sources = TruthPairs.Sources(assignments);
        var idsBySource = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            idsBySource.Add(source, new HashSet<string>(StringComparer.Ordinal));
        }

        foreach (var (source, id, _) in assignments)
        {
            idsBySource[source].Add(id);
        }

        var given = leftSource is null ? -1 : FindSource(sources, leftSource, name);
        if (ids.IsDeduplication)
        {
            var chosen = given >= 0 ? given : Best(sources.Count, s => Hits(ids.Left, idsBySource[sources[s]]));
            var source = sources[chosen];
            error.WriteLine($"truth: {name} has sources {string.Join(", ", sources)}; deduplicating source {source} ({(given >= 0 ? "--left-source" : "the one holding most of the ids")}).");
            return new RunTruth(TruthPairs.WithinSource(assignments, source), Unordered: true, name, $"pairs within the same cluster of source {source}");
        }

        if (sources.Count < 2)
        {
            throw new IngestionException($"{name} has one source ({sources[0]}); linking two extracts needs the truth of both, or a truth file without a source column.");
        }

        // Every ordered pair of distinct sources, scored by how many of the run's ids it places; the first best wins.
        int bestLeft = -1, bestRight = -1;
        long bestScore = -1;
        for (var l = 0; l < sources.Count; l++)
        {
            if (given >= 0 && l != given)
            {
                continue;
            }

            for (var r = 0; r < sources.Count; r++)
            {
                var score = l == r ? -1 : Hits(ids.Left, idsBySource[sources[l]]) + Hits(ids.Right!, idsBySource[sources[r]]);
                if (score > bestScore)
                {
                    (bestLeft, bestRight, bestScore) = (l, r, score);
                }
            }
        }

        var (left, right) = (sources[bestLeft], sources[bestRight]);
        error.WriteLine($"truth: {name} has sources {string.Join(", ", sources)}; left ids are source {left} ({(given >= 0 ? "--left-source" : "chosen from the ids")}), right ids source {right}.");
        return new RunTruth(TruthPairs.AcrossSources(assignments, left, right), Unordered: false, name, $"source {left} (left) x {right} (right), same cluster");
    }

    private static int FindSource(IReadOnlyList<string> sources, string wanted, string name)
    {
        for (var s = 0; s < sources.Count; s++)
        {
            if (string.Equals(sources[s], wanted, StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        throw new IngestionException($"--left-source {wanted}: {name} has sources {string.Join(", ", sources)}.") { IsUsageError = true };
    }

    private static int Best(int count, Func<int, long> score)
    {
        var best = 0;
        for (var s = 1; s < count; s++)
        {
            if (score(s) > score(best))
            {
                best = s;
            }
        }

        return best;
    }

    private static long Hits(IReadOnlySet<string> ids, HashSet<string> inSource)
    {
        long hits = 0;
        foreach (var id in ids)
        {
            hits += inSource.Contains(id) ? 1 : 0;
        }

        return hits;
    }

    /// <summary>A clusters file without sources, for a run whose ids are its whole inputs: a record's side is the
    /// input that holds its id.</summary>
    private static RunTruth ByRecordIds(IReadOnlyList<(string Id, string ClusterId)> assignments, string name, RunIds ids)
    {
        if (ids.IsDeduplication)
        {
            var within = new List<(string Id, string ClusterId)>();
            foreach (var assignment in assignments)
            {
                if (ids.Left.Contains(assignment.Id))
                {
                    within.Add(assignment);
                }
            }

            return new RunTruth(TruthPairs.FromClusters(within), Unordered: true, name, "pairs within the same cluster");
        }

        var leftMap = new Dictionary<string, string>(StringComparer.Ordinal);
        var rightMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, cluster) in assignments)
        {
            if (ids.Left.Contains(id))
            {
                Assign(leftMap, id, cluster);
            }

            if (ids.Right!.Contains(id))
            {
                Assign(rightMap, id, cluster);
            }
        }

        return new RunTruth(TruthPairs.FromClusters(leftMap, rightMap), Unordered: false, name, "left and right records in the same cluster");
    }

    /// <summary>A clusters file without sources, for a links file: which side an id is on cannot be known, so every
    /// within-cluster pair is true in either order.</summary>
    private static RunTruth WithinClusters(IReadOnlyList<(string Id, string ClusterId)> assignments, string name, RunIds ids, TextWriter error)
    {
        if (!ids.IsDeduplication)
        {
            error.WriteLine("note: one clusters file without a source column: every pair within a cluster is true, compared ignoring order; for two-source linkage add a source column or give --truth LEFT --truth RIGHT.");
        }

        return new RunTruth(TruthPairs.FromClusters(assignments), Unordered: true, name, "within clusters");
    }

    private static void Assign(Dictionary<string, string> map, string id, string cluster)
    {
        if (map.TryGetValue(id, out var existing) && !string.Equals(existing, cluster, StringComparison.Ordinal))
        {
            // Not named: ids are often NHS numbers or hospital numbers.
            throw new IngestionException("A record id is assigned to two clusters in the truth file (ids are not shown: they may be NHS or hospital numbers).");
        }

        map[id] = cluster;
    }
}
