using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Cli.Reporting;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Groups;

/// <summary><c>nhsid evaluate</c>'s inputs for the "who is left unlinked" table: the extracts the links were made
/// from, read as <c>link</c> reads them (<see cref="MatchingInputs"/>: format, column names, maps, sheet, header), and
/// the day ages are taken on.</summary>
internal sealed record GroupInputs(string? Left, string? Right, string[] Map, string[] MapLeft, string[] MapRight, string? Sheet, string? DateOrder, string? AsOf)
{
    /// <summary>Gets the input format's name (<c>--format</c>; csv by default).</summary>
    public string? Format { get; init; }

    /// <summary>Gets the right input's format when it differs (<c>--right-format</c>).</summary>
    public string? RightFormat { get; init; }

    /// <summary>Gets whether CSV inputs have no header row (<c>--no-header</c>).</summary>
    public bool NoHeader { get; init; }

    /// <summary>Whether any input was given (the table is made only then).</summary>
    public bool Any => Left is not null;

    /// <summary>Says on <paramref name="error"/> when ids of the links file are in no record of their input (counts
    /// only, never an id): the table would count those records' partners as unlinked.</summary>
    public static void WarnOfUnknownIds(IReadOnlyList<(string Label, IReadOnlyList<PatientRecord> Records)> inputs, IReadOnlyList<LinkFileRow> links,
        TextWriter error)
    {
        var (left, right) = GroupTable.IdsNotInInputs(inputs, links);
        if (left + right > 0)
        {
            error.WriteLine(inputs.Count == 1
                ? FormattableString.Invariant($"note: {left + right} ids of the links file are in no record of --left-input: are the links from another extract?")
                : FormattableString.Invariant($"note: {left} left and {right} right ids of the links file are in no record of --left-input and --right-input respectively: are the inputs swapped, or the links from other extracts?"));
        }
    }

    /// <summary>Reads the inputs, or fails with a usage error naming the option.</summary>
    /// <param name="dedupe">Whether the links are a deduplication (one input).</param>
    /// <param name="error">Where problems are told.</param>
    /// <param name="inputs">The inputs' labels and records.</param>
    /// <param name="asOf">The day ages are taken on.</param>
    /// <param name="order">How ambiguous dates are read.</param>
    /// <returns>Whether the inputs could be used.</returns>
    public bool TryRead(bool dedupe, TextWriter error, out List<(string Label, IReadOnlyList<PatientRecord> Records)> inputs, out DateOnly asOf, out DateOrder order)
    {
        inputs = [];
        asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        order = default;
        if (Left is null)
        {
            if (Right is not null || Map.Length + MapLeft.Length + MapRight.Length > 0 || AsOf is not null || Sheet is not null || NoHeader
                || RightFormat is not null || (Format is not null && Format != InputFormat.Csv.Name))
            {
                error.WriteLine("error: --right-input, --map, --map-left, --map-right, --sheet, --no-header, --format, --right-format and --as-of need --left-input (the extract the links' left ids come from).");
                return false;
            }

            return true;
        }

        if (dedupe == (Right is not null))
        {
            error.WriteLine(dedupe
                ? "error: a deduplication has one input: give --left-input only."
                : "error: give the two extracts the links were made from: --left-input and --right-input (or --dedupe with one).");
            return false;
        }

        if (AsOf is not null && !RecordGroups.TryParseAsOf(AsOf, out asOf))
        {
            error.WriteLine("error: --as-of takes a date as YYYY-MM-DD.");
            return false;
        }

        if (!MatchingInputs.TryParseDateOrder(DateOrder, error, out order)
            || !MatchingInputs.TryParseFormats(Format ?? InputFormat.Csv.Name, RightFormat, error, out var leftFormat, out var rightFormat))
        {
            return false;
        }

        var maps = new ColumnMaps(Map, MapLeft, MapRight, twoInputs: Right is not null);
        var left = ReportSources.ReadInput(Left, "left", maps.Left, leftFormat, keepRecords: true, NoHeader, Sheet);
        inputs.Add((dedupe ? "records" : "left", left.Records!));
        if (Right is not null)
        {
            var right = ReportSources.ReadInput(Right, "right", maps.Right, rightFormat, keepRecords: true, NoHeader, Sheet);
            inputs.Add(("right", right.Records!));
        }

        maps.ThrowIfUnused(Right is null ? [maps.Left] : [maps.Left, maps.Right]);
        return true;
    }
}
