using System.Globalization;

namespace NhsIdentity.Cli.Profiling;

/// <summary>Writes <c>nhsid profile</c>'s default output: readable, aligned plain text (it goes to files and pipes as
/// often as to a terminal). The same content as <see cref="ProfileJson"/>.</summary>
internal static class ProfileText
{
    private static readonly string[] FieldHeader = ["field", "present", "missing", "invalid", "placeholder"];

    private static readonly string[] RuleHeader = ["rule", "alone", "new", "cumulative", "share", "capped blocks", "largest block"];

    /// <summary>Writes the profile.</summary>
    /// <param name="writer">Where to write it.</param>
    /// <param name="files">Each input's profile.</param>
    /// <param name="blocking">The candidate pairs: one dedupe per input, then one link per two inputs.</param>
    public static void Write(TextWriter writer, IReadOnlyList<ExtractProfile> files, IReadOnlyList<BlockingProfile> blocking)
    {
        var showsValues = files.Count > 0 && files[0].Values is not null;
        writer.WriteLine(I($"nhsid profile: {files.Count} file(s); {(showsValues ? "with the commonest values (--show-values): identifiable, handle like the extracts" : "counts, column names and layouts only (--show-values lists the commonest values)")}"));
        foreach (var file in files)
        {
            writer.WriteLine();
            WriteFile(writer, file);
        }

        foreach (var run in blocking)
        {
            writer.WriteLine();
            WriteBlocking(writer, run);
        }
    }

    private static void WriteFile(TextWriter writer, ExtractProfile file)
    {
        writer.WriteLine(I($"== {file.Label}: {file.FileName} ({file.Format}) =="));
        writer.WriteLine("Mapping");
        foreach (var line in file.Mapping.Description)
        {
            writer.WriteLine("  " + line);
        }

        var rows = file.Rows;
        writer.WriteLine(I($"Rows: {rows.Read} {rows.ItemName} read = {rows.Kept} kept + {rows.Rejected} rejected"));
        foreach (var (reason, count) in rows.RejectedByReason)
        {
            writer.WriteLine(I($"  rejected, {reason}: {count}"));
        }

        writer.WriteLine(I($"Completeness ({rows.Kept} records)"));
        var table = new List<string[]> { FieldHeader };
        foreach (var field in file.Fields)
        {
            table.Add([field.Field, Cell(field, field.Present), Cell(field, field.Missing), Cell(field, field.Invalid), Cell(field, field.Placeholder)]);
        }

        WriteTable(writer, table);

        writer.WriteLine("Values set aside, by reason");
        writer.WriteLine("  nhs_number: " + Counts(file.Invalid.NhsNumbers));
        writer.WriteLine("  date_of_birth: " + Counts(file.Invalid.DatesOfBirth));
        writer.WriteLine("  postcode: " + Counts(file.Invalid.Postcodes) + I($"; {file.Invalid.NonUkPostcodes} non-UK kept"));
        writer.WriteLine("Date of birth layouts (read / seen)");
        foreach (var (layout, count, read) in file.Invalid.DateLayouts)
        {
            writer.WriteLine(I($"  {layout,-22} {read,7} / {count}"));
        }

        if (file.Values is not null)
        {
            writer.WriteLine(I($"Commonest values (top {ExtractProfiler.TopCount}; --show-values)"));
            foreach (var values in file.Values)
            {
                writer.WriteLine(I($"  {values.Field}: {ValueCounts(values.Top)}"));
                if (values.SetAside.Count > 0)
                {
                    writer.WriteLine(I($"  {values.Field} set aside: {ValueCounts(values.SetAside)}"));
                }
            }
        }
    }

    private static void WriteBlocking(TextWriter writer, BlockingProfile run)
    {
        var what = run.Kind == "dedupe" ? "dedupe of " + run.Inputs[0] : "link of " + string.Join(" and ", run.Inputs);
        writer.WriteLine(I($"== Candidate pairs, {what} ({run.Records} records; default blocking rules; before scoring) =="));
        var table = new List<string[]> { RuleHeader };
        foreach (var rule in run.Report.Rules)
        {
            table.Add([rule.RuleName, I($"{rule.BlockPairs}"), I($"{rule.PairsProduced}"), I($"{rule.CumulativePairs}"), I($"{run.Share(rule):0.0}%"),
                I($"{rule.CappedBlocks}"), I($"{(rule.LargestBlockSizes.Count == 0 ? 0 : rule.LargestBlockSizes[0])}")]);
        }

        WriteTable(writer, table);
        writer.WriteLine(I($"  total: {run.Report.TotalPairs} pairs, {run.PairsPerRecord:0.00} per record (default budget {run.Budget}: {(run.Report.TotalPairs <= run.Budget ? "within" : "EXCEEDED; link/dedupe would stop")})"));
        writer.WriteLine(run.Dominant is { } dominant
            ? I($"  dominant rule: {dominant.RuleName} ({run.Share(dominant):0.0}% of the pairs)")
            : "  dominant rule: none (no candidate pairs)");
        foreach (var warning in run.Report.Warnings)
        {
            writer.WriteLine("  warning: " + warning);
        }
    }

    private static string Cell(FieldProfile field, int count) => I($"{count} ({field.Percent(count):0.0}%)");

    private static string Counts(IReadOnlyList<(string Reason, int Count)> counts)
    {
        if (counts.Count == 0)
        {
            return "none";
        }

        var parts = new string[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            parts[i] = I($"{counts[i].Reason} {counts[i].Count}");
        }

        return string.Join(", ", parts);
    }

    private static string ValueCounts(IReadOnlyList<(string Value, int Count)> counts)
    {
        var parts = new string[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            parts[i] = I($"{Printable(counts[i].Value)} ({counts[i].Count})");
        }

        return counts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>A value as it may be printed on a terminal: control characters (an escape sequence in a cell) become
    /// <c>?</c>, so a value can neither move the cursor nor recolour the screen.</summary>
    private static string Printable(string value) => string.Create(value.Length, value, static (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = char.IsControl(text[i]) ? '?' : text[i];
        }
    });

    /// <summary>Writes rows as columns: the first left-aligned, the others right-aligned, two spaces apart.</summary>
    private static void WriteTable(TextWriter writer, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (var row in rows)
        {
            var line = "  " + row[0].PadRight(widths[0]);
            for (var c = 1; c < row.Length; c++)
            {
                line += "  " + row[c].PadLeft(widths[c]);
            }

            writer.WriteLine(line);
        }
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
