using System.Runtime.CompilerServices;

namespace NhsIdentity.Text;

/// <summary>
/// An immutable table of given-name equivalences (nicknames, diminutives and spelling or language variants:
/// BOB ~ ROBERT, PEGGY ~ MARGARET, SEAN ~ JOHN), looked up by normalised name tokens with no allocation.
/// </summary>
/// <remarks>
/// <para><b>Relation.</b> The table holds pairs (name, other name). <see cref="AreEquivalent(ReadOnlySpan{char}, ReadOnlySpan{char})"/>
/// is true when the two tokens are equal or the table holds the pair in either direction. It is <b>not
/// transitive</b>: AL ~ ALBERT and AL ~ ALFRED, but ALBERT ≁ ALFRED; and two nicknames of one name are not
/// equivalent unless the table pairs them (BERT ≁ AL). That is deliberate: chaining through short nicknames would
/// make most common names equivalent.</para>
/// <para><b>Tokens.</b> Keys are names normalised with <see cref="Demographics.PersonName"/> with spaces and hyphens
/// removed (upper case, folded: <c>"Zoë"</c> → <c>ZOE</c>); look up tokens from
/// <see cref="Demographics.PersonName.EnumerateTokens(ReadOnlySpan{char})"/>. Lookups are ordinal.</para>
/// <para><b>For a matcher.</b> Prepare once per record with <see cref="TryGetId"/> (one hash lookup), then compare
/// ids with <see cref="AreEquivalent(int, int)"/> (a binary search in a handful of ids).</para>
/// <para><b>Thread safety.</b> Instances are immutable and safe to share between threads; <see cref="Default"/> is
/// built once, lazily, on first use.</para>
/// </remarks>
public sealed partial class NicknameTable
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _names;
    private readonly int[] _relatedStart; // _related[_relatedStart[id].._relatedStart[id + 1]] are id's equivalents, sorted
    private readonly int[] _related;

    private NicknameTable(string[] names, int[] relatedStart, int[] related, string version)
    {
        _names = names;
        _relatedStart = relatedStart;
        _related = related;
        Version = version;
        _ids = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _ids.Add(names[i], i);
        }

        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The built-in table: the carltonnorthern/nicknames list (Apache-2.0; US-biased English nicknames; 2,691 name-to-nickname source rows)
    /// plus curated UK additions (Welsh, Irish and Scottish Gaelic forms, transliterations of Muhammad), each
    /// cited in <c>Resources/nicknames-uk.csv</c>. Read once from embedded resources on first use.
    /// </summary>
    public static NicknameTable Default => DefaultHolder.Instance;

    /// <summary>
    /// Identifies the data: for <see cref="Default"/>, <c>"carltonnorthern-21d7505+uk-1"</c> (source commit and the
    /// revision of the UK additions); for other tables, the version given when they were built.
    /// </summary>
    public string Version { get; }

    /// <summary>The number of distinct names in the table.</summary>
    public int NameCount => _names.Length;

    /// <summary>The number of distinct unordered pairs of equivalent names.</summary>
    public int PairCount => _related.Length / 2;

    /// <summary>Whether the table knows <paramref name="token"/>.</summary>
    /// <param name="token">A normalised name token (upper case, no spaces or hyphens).</param>
    /// <returns><see langword="true"/> when the token has at least one equivalent in the table.</returns>
    public bool Contains(ReadOnlySpan<char> token) => _lookup.ContainsKey(token);

    /// <summary>Gets the id of a name, for preparing records once and comparing ids many times.</summary>
    /// <param name="token">A normalised name token (upper case, no spaces or hyphens).</param>
    /// <param name="id">The id (0 to <see cref="NameCount"/> - 1), or -1 when the table does not know the token.</param>
    /// <returns><see langword="true"/> when the table knows the token.</returns>
    public bool TryGetId(ReadOnlySpan<char> token, out int id)
    {
        if (_lookup.TryGetValue(token, out id))
        {
            return true;
        }

        id = -1;
        return false;
    }

    /// <summary>The name with the given id.</summary>
    /// <param name="id">An id from <see cref="TryGetId"/>.</param>
    /// <returns>The normalised name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an id of this table.</exception>
    public string GetName(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _names.Length);
        return _names[id];
    }

    /// <summary>The ids of the names equivalent to the name with the given id, in ascending order.</summary>
    /// <param name="id">An id from <see cref="TryGetId"/>; any other value gives an empty span.</param>
    /// <returns>The equivalent names' ids (not including <paramref name="id"/> itself).</returns>
    public ReadOnlySpan<int> GetEquivalentIds(int id) =>
        (uint)id < (uint)_names.Length ? _related.AsSpan(_relatedStart[id], _relatedStart[id + 1] - _relatedStart[id]) : default;

    /// <summary>Whether two names are equal or nickname-equivalent (see the remarks on <see cref="NicknameTable"/>).</summary>
    /// <param name="first">A normalised name token.</param>
    /// <param name="second">Another normalised name token.</param>
    /// <returns><see langword="true"/> when the tokens are equal and not empty, or the table pairs them.</returns>
    public bool AreEquivalent(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.SequenceEqual(second))
        {
            return !first.IsEmpty;
        }

        return _lookup.TryGetValue(first, out var a) && _lookup.TryGetValue(second, out var b) && AreRelated(a, b);
    }

    /// <summary>Whether two ids from <see cref="TryGetId"/> are the same name or nickname-equivalent.</summary>
    /// <param name="firstId">An id, or -1 for an unknown name.</param>
    /// <param name="secondId">Another id, or -1 for an unknown name.</param>
    /// <returns><see langword="true"/> when both ids are valid and equal, or the table pairs them.</returns>
    public bool AreEquivalent(int firstId, int secondId)
    {
        if ((uint)firstId >= (uint)_names.Length || (uint)secondId >= (uint)_names.Length)
        {
            return false;
        }

        return firstId == secondId || AreRelated(firstId, secondId);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AreRelated(int a, int b) =>
        _related.AsSpan(_relatedStart[a], _relatedStart[a + 1] - _relatedStart[a]).BinarySearch(b) >= 0;

    private static class DefaultHolder
    {
        public static readonly NicknameTable Instance = LoadDefault();
    }
}
