using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>Code that runs once per comparison, in catalog order: <see cref="ComparisonCatalog.Visit"/> calls
/// <see cref="Visit{T}"/> with each comparison's struct.</summary>
internal interface IComparisonVisitor
{
    void Visit<T>()
        where T : struct, IComparisonDefinition;
}

/// <summary>
/// The one ordered list of comparisons. Scoring, explaining, training, preparation, blocking and the definitions
/// all walk this list; adding a comparison is a definition file plus one line here (and the
/// <see cref="ComparisonKind"/> value it declares, which must equal its position).
/// </summary>
internal static class ComparisonCatalog
{
    /// <summary>The number of level codes per comparison (levels plus the three missing codes).</summary>
    public const int CodesPerComparison = 16;

    /// <summary>The largest number of real levels a comparison may have.</summary>
    public const int MaxLevels = 13;

    /// <summary>The most comparisons a record set can track (its presence mask is 16 bits, and its field states
    /// pack two bits per comparison into 32).</summary>
    public const int MaxComparisons = 16;

    /// <summary>The three missing codes as a mask (bit <c>c</c> for code <c>c</c>): codes that come from the records'
    /// presence, which a comparison of two present values does not return (but see <see cref="FamilyNameComparison"/>).</summary>
    public const uint MissingCodes = (1u << MissingRight) | (1u << MissingLeft) | (1u << MissingBoth);

    public const byte MissingRight = 13;
    public const byte MissingLeft = 14;
    public const byte MissingBoth = 15;

    /// <summary>Calls the visitor once per comparison, in <see cref="ComparisonKind"/> order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Visit<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IComparisonVisitor, allows ref struct
    {
        visitor.Visit<NhsNumberComparison>();
        visitor.Visit<NameComparison>();
        visitor.Visit<DateOfBirthComparison>();
        visitor.Visit<SexComparison>();
        visitor.Visit<PostcodeComparison>();
        visitor.Visit<AddressComparison>();
        visitor.Visit<LocalIdentifierComparison>();
        visitor.Visit<EmailComparison>();
        visitor.Visit<PhoneComparison>();
        visitor.Visit<GpPracticeComparison>();
        visitor.Visit<GivenNameComparison>();
        visitor.Visit<FamilyNameComparison>();
    }

    /// <summary>The definitions, in order (index = <see cref="ComparisonKind"/> value).</summary>
    public static ComparisonDefinition[] Definitions { get; } = Describe();

    /// <summary>The chains of levels whose trained weights must not rise along the chain, by comparison
    /// (<see cref="IComparisonDefinition.WeightChains"/>; index = <see cref="ComparisonKind"/> value).</summary>
    public static int[][][] WeightChains { get; } = ChainsOfWeights();

    /// <summary>The levels the first level need not outweigh, by comparison
    /// (<see cref="IComparisonDefinition.LevelsBeyondFirst"/>; index = <see cref="ComparisonKind"/> value).</summary>
    public static int[][] LevelsBeyondFirst { get; } = LevelsNotBelowFirst();

    /// <summary>The number of comparisons.</summary>
    public static int Count => Definitions.Length;

    /// <summary>Which comparison owns each <see cref="BlockingKeyPart"/> (index = the part's value).</summary>
    private static readonly ComparisonKind[] PartOwners = OwnersOfParts();

    /// <summary>The missing code from the two records' presence masks (<see cref="PreparedRow.Present"/>), or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Missing(int kind, int presentLeft, int presentRight)
    {
        var bit = 1 << kind;
        var left = (presentLeft & bit) != 0;
        var right = (presentRight & bit) != 0;
        return left ? (right ? 0 : MissingRight) : (right ? MissingLeft : MissingBoth);
    }

    /// <summary>The comparison a blocking key part reads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No comparison declares the part.</exception>
    public static ComparisonKind OwnerOf(BlockingKeyPart part)
    {
        if ((uint)part >= (uint)PartOwners.Length || (int)PartOwners[(int)part] < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(part), "No comparison declares this blocking key part.");
        }

        return PartOwners[(int)part];
    }

    /// <summary>A record's value of a blocking key part (0 when it has none), from the comparison that owns it.</summary>
    public static ulong BlockingKey(BlockingKeyPart part, RecordSet set, int index)
    {
        var visitor = new BlockingKeyVisitor(OwnerOf(part), part, set, in set.Row(index));
        Visit(ref visitor);
        return visitor.Key;
    }

    /// <summary>The level code of one comparison for a pair (a level, or a missing code).</summary>
    public static int Compare(ComparisonKind kind, in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
    {
        var visitor = new CompareVisitor(kind, in settings, a, in ra, b, in rb);
        Visit(ref visitor);
        return visitor.Code;
    }

    private static ComparisonDefinition[] Describe()
    {
        var visitor = new DescribeVisitor([]);
        Visit(ref visitor);
        var definitions = visitor.Definitions.ToArray();
        if (definitions.Length > MaxComparisons)
        {
            throw new InvalidOperationException("More comparisons are defined than a record set can track.");
        }

        for (var i = 0; i < definitions.Length; i++)
        {
            var definition = definitions[i];
            if ((int)definition.Kind != i || definition.Levels.Count is < 2 or > MaxLevels
                || definition.Levels.Count != definition.DefaultLevelCount
                || definition.Parameters.Count > ComparisonSettings.MaxParameters)
            {
                throw new InvalidOperationException($"The {definition.Kind} definition is out of order or malformed.");
            }
        }

        return definitions;
    }

    private static int[][][] ChainsOfWeights()
    {
        var visitor = new WeightChainVisitor([]);
        Visit(ref visitor);
        for (var i = 0; i < visitor.Chains.Count; i++)
        {
            foreach (var chain in visitor.Chains[i])
            {
                for (var k = 0; k < chain.Length; k++)
                {
                    if (chain.Length < 2 || (uint)chain[k] >= (uint)Definitions[i].Levels.Count || (k > 0 && chain[k] <= chain[k - 1]))
                    {
                        throw new InvalidOperationException($"The {Definitions[i].Kind} definition declares a malformed weight chain.");
                    }
                }
            }
        }

        return [.. visitor.Chains];
    }

    private static int[][] LevelsNotBelowFirst()
    {
        var visitor = new LevelsBeyondFirstVisitor([]);
        Visit(ref visitor);
        for (var i = 0; i < visitor.Levels.Count; i++)
        {
            foreach (var level in visitor.Levels[i])
            {
                if (level <= 0 || level >= Definitions[i].Levels.Count - 1)
                {
                    throw new InvalidOperationException($"The {Definitions[i].Kind} definition frees a level it cannot free from the first level's order.");
                }
            }
        }

        return [.. visitor.Levels];
    }

    private static ComparisonKind[] OwnersOfParts()
    {
        var owners = new ComparisonKind[Enum.GetValues<BlockingKeyPart>().Length];
        owners.AsSpan().Fill((ComparisonKind)(-1));
        foreach (var definition in Definitions)
        {
            foreach (var part in definition.BlockingParts)
            {
                owners[(int)part] = (int)owners[(int)part] < 0 ? definition.Kind
                    : throw new InvalidOperationException($"The blocking key part {part} is declared twice.");
            }
        }

        return owners;
    }

    private readonly struct DescribeVisitor(List<ComparisonDefinition> definitions) : IComparisonVisitor
    {
        public List<ComparisonDefinition> Definitions { get; } = definitions;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            var definition = T.Describe();
            Definitions.Add(definition.Kind == T.Kind ? definition
                : throw new InvalidOperationException($"The {T.Kind} definition describes another comparison."));
        }
    }

    private readonly struct WeightChainVisitor(List<int[][]> chains) : IComparisonVisitor
    {
        public List<int[][]> Chains { get; } = chains;

        public void Visit<T>()
            where T : struct, IComparisonDefinition => Chains.Add(T.WeightChains);
    }

    private readonly struct LevelsBeyondFirstVisitor(List<int[]> levels) : IComparisonVisitor
    {
        public List<int[]> Levels { get; } = levels;

        public void Visit<T>()
            where T : struct, IComparisonDefinition => Levels.Add(T.LevelsBeyondFirst);
    }

    private ref struct BlockingKeyVisitor(ComparisonKind owner, BlockingKeyPart part, RecordSet set, in PreparedRow row) : IComparisonVisitor
    {
        private readonly ref readonly PreparedRow _row = ref row;

        public ulong Key;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if (T.Kind == owner)
            {
                Key = (_row.Present & (1 << (int)T.Kind)) == 0 ? 0 : T.BlockingKey(part, set, in _row);
            }
        }
    }

    private ref struct CompareVisitor(ComparisonKind kind, in ComparisonSettings settings, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb)
        : IComparisonVisitor
    {
        private readonly ref readonly ComparisonSettings _settings = ref settings;
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;

        public int Code;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if (T.Kind == kind)
            {
                var missing = Missing((int)T.Kind, _ra.Present, _rb.Present);
                Code = missing != 0 ? missing : T.Compare(in _settings, a, in _ra, b, in _rb);
            }
        }
    }
}
