using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// The column maps of one run: <c>--map</c> for every input, <c>--map-left</c> and <c>--map-right</c> for one.
/// </summary>
/// <remarks>
/// With one input, <c>--map</c> and <c>--map-left</c> must name columns the file has (an unknown column fails at the
/// header, as ever). With two, a side-specific map wins over <c>--map</c> for the fields it names, and a <c>--map</c>
/// applies to each input that has its column: <c>--map "id=Hospital No"</c> maps the file that has one and leaves
/// the other alone. It is an error only when no input has the column (<see cref="ThrowIfUnused"/>).
/// </remarks>
internal sealed class ColumnMaps
{
    private readonly IReadOnlyList<string> shared;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="shared"><c>--map</c>.</param>
    /// <param name="left"><c>--map-left</c> (with one input, it is that input's).</param>
    /// <param name="right"><c>--map-right</c>.</param>
    /// <param name="twoInputs">Whether the run reads two inputs.</param>
    public ColumnMaps(IReadOnlyList<string> shared, IReadOnlyList<string> left, IReadOnlyList<string> right, bool twoInputs)
    {
        this.shared = shared;
        if (!twoInputs && right.Count > 0)
        {
            throw new IngestionException("--map-right needs two inputs; with one, use --map.") { IsUsageError = true };
        }

        Left = twoInputs ? new InputColumnMap(left, shared) : new InputColumnMap([.. left, .. Unshadowed(shared, left)], []);
        Right = new InputColumnMap(right, twoInputs ? shared : []);
    }

    /// <summary>Gets the left (or only) input's map.</summary>
    public InputColumnMap Left { get; }

    /// <summary>Gets the right input's map.</summary>
    public InputColumnMap Right { get; }

    /// <summary>Whether any map was given at all (for the "--map ignored" note of formats without columns).</summary>
    public bool Any => shared.Count > 0 || Left.Strict.Count > 0 || Right.Strict.Count > 0;

    /// <summary>Fails when a <c>--map</c> column is in no input (every input that read it skipped it).</summary>
    /// <param name="inputs">The maps of the inputs read.</param>
    /// <exception cref="IngestionException">A usage error naming the <c>--map</c>.</exception>
    public void ThrowIfUnused(params InputColumnMap[] inputs)
    {
        foreach (var text in shared)
        {
            if (inputs.Length > 0 && Array.TrueForAll(inputs, input => input.Skipped.Contains(text)))
            {
                throw new IngestionException($"--map {text}: no input has that column (a --map applies to each input that has its column; --map-left and --map-right name one input's).")
                {
                    IsUsageError = true,
                };
            }
        }
    }

    /// <summary>The shared maps whose field the side-specific ones do not name.</summary>
    private static IEnumerable<string> Unshadowed(IReadOnlyList<string> shared, IReadOnlyList<string> specific)
    {
        var fields = new HashSet<PatientField>();
        foreach (var text in specific)
        {
            fields.Add(CliColumnMapping.FieldOf(text));
        }

        foreach (var text in shared)
        {
            if (!fields.Contains(CliColumnMapping.FieldOf(text)))
            {
                yield return text;
            }
        }
    }
}

/// <summary>One input's column map: overrides that must apply and overrides that apply when the column is there.</summary>
/// <param name="Strict">Overrides whose column must be in the file.</param>
/// <param name="Lenient">Overrides applied when the file has the column (side-specific ones win for their fields).</param>
internal sealed record InputColumnMap(IReadOnlyList<string> Strict, IReadOnlyList<string> Lenient)
{
    /// <summary>Gets the lenient overrides the input did not have the column for (filled when it is read).</summary>
    public List<string> Skipped { get; } = [];
}
