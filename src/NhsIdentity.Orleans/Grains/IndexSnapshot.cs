using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Orleans.Grains;

/// <summary>
/// Everything a bucket needs to score exactly as the single-node index would, as one immutable, versioned artefact:
/// the model (as its self-describing JSON), the term-frequency table measured over the whole index, the blocking rules
/// and the lookup limits. Its <see cref="Version"/> is a hash of its content, so two snapshots with one version are
/// the same snapshot and a silo can cache it by version forever.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.IndexSnapshot")]
internal sealed class IndexSnapshot
{
    [Id(0)] public required string Version { get; init; }
    [Id(1)] public required string ModelJson { get; init; }
    [Id(2)] public required byte[] TermFrequencies { get; init; }
    [Id(3)] public required string[] RuleNames { get; init; }
    [Id(4)] public required int[][] RuleParts { get; init; }
    [Id(5)] public required int Buckets { get; init; }
    [Id(6)] public required int MaxCandidates { get; init; }
    [Id(7)] public required MatchDecision MinimumDecision { get; init; }

    /// <summary>The layout's generation, hashed into every version: 2 = key buckets hold ids and row shards hold the
    /// rows (1 held a row per rule). A store loaded under another layout has another snapshot, so a node of one
    /// layout refuses to join an index of the other instead of reading its buckets wrongly.</summary>
    private const int Layout = 2;

    /// <summary>The snapshot of a model, a table and a layout, named by the XxHash128 of all of them.</summary>
    public static IndexSnapshot Create(MatchModel model, TermFrequencyTable termFrequencies, ClusterIndexOptions options)
    {
        var json = model.ToJson();
        using var tf = new MemoryStream();
        termFrequencies.WriteTo(tf);
        var rules = options.Index.BlockingRules;
        var names = rules.Select(rule => rule.Name).ToArray();
        var parts = rules.Select(rule => rule.Parts.Select(part => (int)part).ToArray()).ToArray();

        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(json));
        hash.Append(tf.GetBuffer().AsSpan(0, (int)tf.Length));
        for (var r = 0; r < names.Length; r++)
        {
            hash.Append(Encoding.UTF8.GetBytes(names[r]));
            AppendInts(hash, [.. parts[r], -1]);
        }

        AppendInts(hash, [options.Buckets, options.Index.MaxCandidates, (int)options.Index.MinimumDecision, Layout]);
        return new IndexSnapshot
        {
            Version = Convert.ToHexStringLower(hash.GetCurrentHash()),
            ModelJson = json,
            TermFrequencies = tf.ToArray(),
            RuleNames = names,
            RuleParts = parts,
            Buckets = options.Buckets,
            MaxCandidates = options.Index.MaxCandidates,
            MinimumDecision = options.Index.MinimumDecision,
        };
    }

    /// <summary>The snapshot as the store keeps it: UTF-8 JSON of every field (the table as base64).</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>A snapshot read back from <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot.</exception>
    public static IndexSnapshot FromBytes(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize<IndexSnapshot>(content) ?? throw new InvalidDataException("A stored index snapshot is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException("A stored index snapshot is not valid JSON of a snapshot.", exception);
        }
    }

    /// <summary>The single-node options restricted to one rule: what one bucket of that rule indexes with.</summary>
    public PatientIndexOptions OptionsForRule(int rule, RecordSetOptions preparation) => new()
    {
        BlockingRules = [Rule(rule)],
        RecordSetOptions = preparation,
        MaxCandidates = MaxCandidates,
        MinimumDecision = MinimumDecision,
    };

    /// <summary>The blocking rule at a position, rebuilt from its name and parts.</summary>
    public BlockingRule Rule(int rule) =>
        BlockingRule.Create(RuleNames[rule], [.. RuleParts[rule].Select(part => (BlockingKeyPart)part)]);

    private static void AppendInts(XxHash128 hash, ReadOnlySpan<int> values)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            hash.Append(bytes);
        }
    }
}
