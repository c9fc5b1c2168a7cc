using System.IO.Hashing;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching.Blocking;

/// <summary>
/// A blocking rule: only pairs of records that share every one of its key parts are compared. Rules are unioned
/// (a pair is compared once, however many rules produce it), so each rule can be narrow and fast.
/// </summary>
/// <remarks>Immutable and thread-safe. A record's key under a rule is the XxHash3 of its parts' prepared values;
/// a record with any part missing has no key and is not blocked by that rule.</remarks>
public sealed partial class BlockingRule
{
    private readonly BlockingKeyPart[] _parts;

    private BlockingRule(string name, BlockingKeyPart[] parts)
    {
        Name = name;
        _parts = parts;
    }

    /// <summary>Gets the rule's name, used in blocking reports.</summary>
    public string Name { get; }

    /// <summary>Gets the parts two records must share.</summary>
    public IReadOnlyList<BlockingKeyPart> Parts => _parts;

    /// <summary>Creates a rule.</summary>
    /// <param name="name">A short name for reports.</param>
    /// <param name="parts">The parts two records must share; at least one, each at most once.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The name is empty, there are no parts, a part repeats or is undefined.</exception>
    public static BlockingRule Create(string name, params ReadOnlySpan<BlockingKeyPart> parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (parts.IsEmpty)
        {
            throw new ArgumentException("A blocking rule needs at least one part.", nameof(parts));
        }

        var seen = 0;
        foreach (var part in parts)
        {
            if (!Enum.IsDefined(part) || (seen & (1 << (int)part)) != 0)
            {
                throw new ArgumentException("Each part must be defined and appear once.", nameof(parts));
            }

            seen |= 1 << (int)part;
        }

        return new BlockingRule(name, parts.ToArray());
    }

    /// <summary>Whether the rule forces a comparison's outcome (every pair it produces agrees on that field), so
    /// training must not estimate that comparison's m-probabilities from the rule's pairs.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns><see langword="true"/> when one of the rule's parts reads the comparison's field.</returns>
    public bool Constrains(ComparisonKind comparison)
    {
        // Through the fields read, not the owner alone: a rule on the family name constrains the combined Name
        // comparison of version 1 models too.
        var fields = ComparisonDefinition.Get(comparison).Fields;
        foreach (var part in _parts)
        {
            if (ComparisonDefinition.Get(FieldOf(part)).Fields.Any(fields.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the rule's name and parts.</summary>
    /// <returns>For example <c>postcode-unit (PostcodeUnit)</c>.</returns>
    public override string ToString() => Name + " (" + string.Join(" + ", _parts) + ")";

    /// <summary>Gets a record's key under this rule: the XxHash3 of its parts' prepared values, or 0 when a part is
    /// missing (the record is not blocked by this rule).</summary>
    /// <param name="set">The records.</param>
    /// <param name="index">The record's position, 0 to <see cref="RecordSet.Count"/> - 1.</param>
    /// <returns>The key; two records share it when they share every part (and, rarely, when two values collide).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    /// <remarks>Stable across processes and machines for one build of this library and one
    /// <see cref="RecordSetOptions"/>, so it can route a record to the part of a partitioned index that holds its
    /// block. Allocates nothing.</remarks>
    public ulong GetKey(RecordSet set, int index)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)set.Count, nameof(index));
        return GetKeyUnchecked(set, index);
    }

    /// <summary>The record's key under this rule, or 0 when a part is missing; the position is in range.</summary>
    internal ulong GetKeyUnchecked(RecordSet set, int index)
    {
        Span<ulong> values = stackalloc ulong[_parts.Length];
        for (var p = 0; p < _parts.Length; p++)
        {
            var value = PartValue(_parts[p], set, index);
            if (value == 0)
            {
                return 0;
            }

            values[p] = value;
        }

        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(values));
        return hash == 0 ? 1 : hash;
    }

    /// <summary>A non-zero number standing for a record's value of one part, or 0 when it has none: read by the
    /// comparison whose definition declares the part.</summary>
    private static ulong PartValue(BlockingKeyPart part, RecordSet set, int i) => ComparisonCatalog.BlockingKey(part, set, i);

    private static ComparisonKind FieldOf(BlockingKeyPart part) => ComparisonCatalog.OwnerOf(part);
}
