using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Local identifiers (hospital number, MRN), upper-cased letters and digits (<see cref="LocalIdentifierLevel"/>).</summary>
internal readonly struct LocalIdentifierComparison : IComparisonDefinition
{
    private const int MaxLength = 64;

    private static readonly ComparisonLevelDefinition[] Levels =
    [
        // A hospital number is issued once per person by its system.
        new(nameof(LocalIdentifierLevel.Exact), "Equal.", LevelEvidence.Agrees | LevelEvidence.SharesIdentifier),
        new(nameof(LocalIdentifierLevel.OneEdit), "One edit apart (a substitution, insertion, deletion or adjacent transposition)."),
        new(nameof(LocalIdentifierLevel.Else), "None of the above."),
    ];

    /// <summary>Edit distance bands: equal over one edit apart over further apart.</summary>
    public static int[][] WeightChains { get; } =
        [[(int)LocalIdentifierLevel.Exact, (int)LocalIdentifierLevel.OneEdit, (int)LocalIdentifierLevel.Else]];

    public static ComparisonKind Kind => ComparisonKind.LocalIdentifier;

    public static ComparisonDefinition Describe() => new(
        Kind, version: 1, "local_id", "Local id", [nameof(PatientRecord.LocalIdentifier)], Levels,

        // Local identifiers agree only when both records come from the same system, so most true matches across
        // systems disagree here: a small negative weight, not a veto.
        defaults: [(0.30, 1e-6), (0.02, 1e-5), (0.68, 0.999989)],
        blockingParts: [BlockingKeyPart.LocalIdentifier],

        // Within a household, numbers one edit apart are common: twins and siblings registered together get
        // consecutive numbers. An equal number is still one person's.
        householdU: [1e-6, 0.05, 0.949999]);

    public static FieldState Prepare(PatientRecord record, RecordSet set, ref PreparedRow row)
    {
        var text = record.LocalIdentifier;
        if (string.IsNullOrWhiteSpace(text))
        {
            return FieldState.Missing;
        }

        Span<char> id = stackalloc char[MaxLength];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < id.Length)
            {
                id[length++] = char.ToUpperInvariant(c);
            }
        }

        if (length == 0)
        {
            return FieldState.Invalid;
        }

        row.LocalIdStart = set.AppendToArena(id[..length]);
        row.LocalIdLength = (byte)length;
        return FieldState.Present;
    }

    // Kept out of line: most records have no local identifier, and inlined it would crowd out the comparisons after it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Compare(in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var idA = a.LocalIdentifier(in ra);
        var idB = b.LocalIdentifier(in rb);
        if (idA.SequenceEqual(idB) && settings.Uses((int)LocalIdentifierLevel.Exact))
        {
            return (int)LocalIdentifierLevel.Exact;
        }

        return settings.Uses((int)LocalIdentifierLevel.OneEdit)
            && Math.Abs(idA.Length - idB.Length) <= 1 && OptimalStringAlignment.Distance(idA, idB) <= 1
            ? (int)LocalIdentifierLevel.OneEdit
            : (int)LocalIdentifierLevel.Else;
    }

    /// <summary>One slice: the identifier, upper-cased letters and digits.</summary>
    public static int ArenaSlices => 1;

    public static ref int ArenaStart(int slice, ref PreparedRow row)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(slice, 0);
        return ref row.LocalIdStart;
    }

    public static int ArenaLength(int slice, in PreparedRow row) =>
        slice == 0 ? row.LocalIdLength : throw new ArgumentOutOfRangeException(nameof(slice));

    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, in PreparedRow row)
    {
        var id = set.LocalIdentifier(in row);
        return id.IsEmpty ? 0UL : RecordSet.Hash(id);
    }
}
