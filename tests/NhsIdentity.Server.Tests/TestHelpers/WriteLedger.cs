using System.Collections.Concurrent;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>
/// What the clients of a write storm sent and what the service acknowledged, id by id. Each id belongs to one client,
/// which sends its next write for that id only after the previous one was answered, so an id has at most one write in
/// flight (sent, unanswered) and its history is a plain sequence. After a restart each id's stored content must be
/// the last acknowledged one, or the write in flight, whole.
/// </summary>
internal sealed class WriteLedger
{
    private readonly ConcurrentDictionary<string, IdState> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, LiveIds> _live = new();
    private readonly ConcurrentDictionary<string, byte> _touched = new(StringComparer.Ordinal);

    public int Acknowledged => _acknowledged;

    private int _acknowledged;

    /// <summary>Every id ever written, with its owner.</summary>
    public IEnumerable<IdState> Ids => _ids.Values;

    /// <summary>The ids written since the last <see cref="Settle"/>.</summary>
    public IReadOnlyCollection<string> Touched => [.. _touched.Keys.Order(StringComparer.Ordinal)];

    public IdState this[string id] => _ids[id];

    public bool Contains(string id) => _ids.ContainsKey(id);

    /// <summary>A stored id of this client (as far as is known) to replace or delete, or null when it has none.
    /// Only the owning client calls this for its ids, so the set it picks from changes only under its own hand.</summary>
    public string? PickLive(int client, Random random) => _live.GetOrAdd(client, _ => new LiveIds()).Pick(random);

    /// <summary>Notes a write about to be sent: a resource's canonical JSON, or null for a delete.</summary>
    public void Sending(string id, int client, string? content)
    {
        var state = _ids.GetOrAdd(id, _ => new IdState(id, client));
        Assert.Null(state.InFlight);
        _live.GetOrAdd(client, _ => new LiveIds()).Remove(id);
        _touched[id] = 0;
        state.InFlight = new Write(content);
        if (content is not null)
        {
            state.Sent.Add(content);
            state.LastSent = content;
        }
    }

    /// <summary>Notes the service's 2xx answer to the id's write in flight.</summary>
    /// <returns>How many writes have been acknowledged in all.</returns>
    public int Acknowledge(string id)
    {
        var state = _ids[id];
        state.Settled = state.InFlight!.Content;
        state.InFlight = null;
        if (state.Settled is not null)
        {
            _live.GetOrAdd(state.Owner, _ => new LiveIds()).Add(id);
        }

        return Interlocked.Increment(ref _acknowledged);
    }

    /// <summary>After a restart has been checked: each id's state is what the store was found to hold (a write in
    /// flight at the kill has now landed or not), and nothing counts as touched.</summary>
    public void Settle(IReadOnlyDictionary<string, string?> stored)
    {
        foreach (var state in _ids.Values)
        {
            state.Settled = stored.GetValueOrDefault(state.Id);
            state.InFlight = null;
            var live = _live.GetOrAdd(state.Owner, _ => new LiveIds());
            if (state.Settled is null)
            {
                live.Remove(state.Id);
            }
            else
            {
                live.Add(state.Id);
            }
        }

        _touched.Clear();
    }

    /// <summary>A set to pick a random member from in constant time.</summary>
    private sealed class LiveIds
    {
        private readonly List<string> _ids = [];
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

        public void Add(string id)
        {
            if (_positions.TryAdd(id, _ids.Count))
            {
                _ids.Add(id);
            }
        }

        public void Remove(string id)
        {
            if (!_positions.Remove(id, out var position))
            {
                return;
            }

            var last = _ids[^1];
            _ids.RemoveAt(_ids.Count - 1);
            if (position < _ids.Count)
            {
                _ids[position] = last;
                _positions[last] = position;
            }
        }

        public string? Pick(Random random) => _ids.Count == 0 ? null : _ids[random.Next(_ids.Count)];
    }

    /// <summary>One id: its owner, its content as last acknowledged (null: absent), the write in flight, and every
    /// content ever sent for it (anything else found stored is a torn or foreign record).</summary>
    internal sealed class IdState(string id, int owner)
    {
        public string Id { get; } = id;

        public int Owner { get; } = owner;

        public string? Settled { get; set; }

        public Write? InFlight { get; set; }

        public HashSet<string> Sent { get; } = new(StringComparer.Ordinal);

        public string? LastSent { get; set; }
    }

    /// <summary>A PUT (the resource as the service stores it) or a delete (null).</summary>
    internal sealed record Write(string? Content);
}
