using NhsIdentity.Internal;

namespace NhsIdentity.Text;

public sealed partial class NicknameTable
{
    /// <summary>The <see cref="Version"/> of <see cref="Default"/>.</summary>
    internal const string DefaultVersion = "carltonnorthern-21d7505+uk-1";

    /// <summary>Builds a table from pairs of equivalent names.</summary>
    /// <param name="pairs">
    /// Pairs (name, nickname or other form). Names are normalised with <see cref="Demographics.PersonName"/> and
    /// spaces and hyphens removed; pairs that normalise to an empty name or to the same name are ignored, as are
    /// duplicates (in either direction).
    /// </param>
    /// <param name="version">A label for the data, returned by <see cref="Version"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or <paramref name="version"/> is <see langword="null"/>.</exception>
    public static NicknameTable Create(IEnumerable<(string Name, string Nickname)> pairs, string version)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(version);
        var builder = new PairSet();
        foreach (var (name, nickname) in pairs)
        {
            builder.Add(name, nickname);
        }

        return builder.Build(version);
    }

    /// <summary>Reads a table from text, one group of names per line.</summary>
    /// <param name="reader">
    /// The text. Each line is <c>NAME,OTHER1,OTHER2,...</c> (NAME is paired with each other name, the others are not
    /// paired with each other), or <c>=NAME1,NAME2,...</c> (every name paired with every other: spelling variants),
    /// or a <c>name1,has_nickname,name2</c> row of the carltonnorthern/nicknames CSV. Blank lines, lines starting
    /// with <c>#</c> and that CSV's header are skipped; names are normalised as in <see cref="Create"/>.
    /// </param>
    /// <param name="version">A label for the data, returned by <see cref="Version"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="version"/> is <see langword="null"/>.</exception>
    public static NicknameTable Load(TextReader reader, string version)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(version);
        var builder = new PairSet();
        builder.AddLines(reader);
        return builder.Build(version);
    }

    /// <summary>Combines this table with another (for example <see cref="Default"/> with a trust's own list).</summary>
    /// <param name="other">The other table.</param>
    /// <param name="version">A label for the combined data, returned by <see cref="Version"/>.</param>
    /// <returns>A new table holding the pairs of both.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> or <paramref name="version"/> is <see langword="null"/>.</exception>
    public NicknameTable Combine(NicknameTable other, string version)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(version);
        var builder = new PairSet();
        builder.AddTable(this);
        builder.AddTable(other);
        return builder.Build(version);
    }

    private static NicknameTable LoadDefault()
    {
        var builder = new PairSet();
        foreach (var resource in (ReadOnlySpan<string>)["NhsIdentity.Resources.nicknames-carltonnorthern.csv", "NhsIdentity.Resources.nicknames-uk.csv"])
        {
            using var reader = EmbeddedResource.OpenText(resource);
            builder.AddLines(reader);
        }

        return builder.Build(DefaultVersion);
    }

    /// <summary>Collects normalised, de-duplicated unordered pairs, then lays them out for lookups.</summary>
    private sealed class PairSet
    {
        private readonly HashSet<(string, string)> _pairs = [];

        public void Add(string? name, string? other)
        {
            var a = NormalizeKey(name);
            var b = NormalizeKey(other);
            if (a is null || b is null)
            {
                return;
            }

            var order = string.CompareOrdinal(a, b);
            if (order != 0)
            {
                _pairs.Add(order < 0 ? (a, b) : (b, a));
            }
        }

        public void AddTable(NicknameTable table)
        {
            for (var id = 0; id < table._names.Length; id++)
            {
                foreach (var other in table.GetEquivalentIds(id))
                {
                    if (other > id)
                    {
                        _pairs.Add((table._names[id], table._names[other]));
                    }
                }
            }
        }

        public void AddLines(TextReader reader)
        {
            while (reader.ReadLine() is { } line)
            {
                var text = line.AsSpan().Trim();
                if (text.IsEmpty || text[0] == '#')
                {
                    continue;
                }

                var clique = text[0] == '=';
                var fields = (clique ? text[1..] : text).ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 3 && fields[1] is "has_nickname" or "relationship")
                {
                    if (fields[1] == "has_nickname")
                    {
                        Add(fields[0], fields[2]); // a carltonnorthern/nicknames row
                    }

                    continue; // or its header
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    for (var j = i + 1; j < fields.Length && (clique || i == 0); j++)
                    {
                        Add(fields[i], fields[j]);
                    }
                }
            }
        }

        public NicknameTable Build(string version)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (a, b) in _pairs)
            {
                ids.TryAdd(a, 0);
                ids.TryAdd(b, 0);
            }

            // Ids in ordinal name order, so the same pairs always give the same ids.
            var names = ids.Keys.ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                ids[names[i]] = i;
            }

            var degree = new int[names.Length + 1];
            foreach (var (a, b) in _pairs)
            {
                degree[ids[a]]++;
                degree[ids[b]]++;
            }

            var start = new int[names.Length + 1];
            for (var i = 0; i < names.Length; i++)
            {
                start[i + 1] = start[i] + degree[i];
            }

            var related = new int[start[^1]];
            var fill = start[..^1];
            foreach (var (a, b) in _pairs)
            {
                int ia = ids[a], ib = ids[b];
                related[fill[ia]++] = ib;
                related[fill[ib]++] = ia;
            }

            for (var i = 0; i < names.Length; i++)
            {
                Array.Sort(related, start[i], start[i + 1] - start[i]);
            }

            return new NicknameTable(names, start, related, version);
        }

        private static string? NormalizeKey(string? name)
        {
            var normalized = Demographics.PersonName.Normalize(name);
            if (normalized.Length == 0)
            {
                return null;
            }

            return normalized.AsSpan().ContainsAny(' ', '-') ? normalized.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) : normalized;
        }
    }
}
