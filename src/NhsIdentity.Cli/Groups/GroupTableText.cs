using System.Globalization;

namespace NhsIdentity.Cli.Groups;

/// <summary>Writes the "who is left unlinked" table as aligned text: one row per input, dimension and group.</summary>
internal static class GroupTableText
{
    /// <summary>Writes the table, headed by one line that says what it is.</summary>
    public static void Write(TextWriter output, IReadOnlyList<GroupRow> rows, DateOnly asOf, bool withTruth)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"who is left unlinked (linked: a match; review: only review pairs; ages on {asOf:yyyy-MM-dd}{(withTruth ? "; recall over the true pairs that touch the group" : string.Empty)}):"));
        string[] header = ["input", "dimension", "group", "records", "linked", "review", "unlinked", "linked_rate", "review_rate", "true_pairs", "recall"];
        var cells = new List<string[]> { header };
        foreach (var row in rows)
        {
            cells.Add([row.Input, row.Dimension, row.Group, Count(row.Records), Count(row.Linked), Count(row.InReview), Count(row.Unlinked),
                Rate(row.LinkedRate), Rate(row.ReviewRate), withTruth ? Count(row.TruePairs) : "-", row.Recall is { } recall ? Rate(recall) : "-"]);
        }

        var widths = new int[header.Length];
        foreach (var line in cells)
        {
            for (var c = 0; c < line.Length; c++)
            {
                widths[c] = Math.Max(widths[c], line[c].Length);
            }
        }

        foreach (var line in cells)
        {
            for (var c = 0; c < line.Length; c++)
            {
                // Text columns left-aligned, numbers right-aligned.
                output.Write(c < 3 ? line[c].PadRight(widths[c]) : line[c].PadLeft(widths[c]));
                output.Write(c == line.Length - 1 ? Environment.NewLine : "  ");
            }
        }
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
