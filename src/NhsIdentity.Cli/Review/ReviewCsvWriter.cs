using System.Globalization;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>
/// Writes the review file: <c>left_id,right_id,model_decision,match_probability,match_weight</c> (and
/// <c>competition</c> when the link weighed it), then
/// <c>left_FIELD,right_FIELD</c> for every mapped field, then <c>decision,note</c> for the reviewer. It holds patient
/// values by design: it is the reviewer's worksheet (the option's help says so).
/// </summary>
/// <remarks>Ids and values are neutralised against CSV injection (<see cref="CsvInjection"/>) unless raw cells are
/// asked for: the file is meant to be opened in a spreadsheet. <see cref="ReviewLabelReader"/> reads it back.</remarks>
internal static class ReviewCsvWriter
{
    /// <summary>Writes the file (temporary file, then rename with the run's other outputs).</summary>
    public static void Write(string path, IReadOnlyList<ReviewPair> pairs, IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> fields, bool rawCells) =>
        AtomicFileWriter.Write(path, writer => Write(writer, pairs, fields, rawCells));

    /// <summary>Writes the file's content to a writer.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ReviewPair> pairs, IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> fields, bool rawCells)
    {
        // A link that weighed competition says, per pair, how it stood among its records' candidates (its weight includes it).
        var weighed = pairs.Any(pair => pair.Competition != CandidateCompetition.NotWeighed);
        writer.Write("left_id,right_id,model_decision,match_probability,match_weight");
        if (weighed)
        {
            writer.Write("," + CompetitionText.ColumnName);
        }

        foreach (var (column, _, _) in fields)
        {
            writer.Write(",left_" + column + ",right_" + column);
        }

        writer.Write(",decision,note\n");
        foreach (var pair in pairs)
        {
            Cell(writer, pair.LeftId, rawCells, first: true);
            Cell(writer, pair.RightId, rawCells);
            writer.Write(',');
            writer.Write(pair.ReasonWord);
            writer.Write(',');
            writer.Write(pair.Probability.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(pair.Weight.ToString("F4", CultureInfo.InvariantCulture));
            if (weighed)
            {
                writer.Write(',');
                writer.Write(CompetitionText.Name(pair.Competition));
            }
            foreach (var (_, _, get) in fields)
            {
                Cell(writer, get(pair.Left), rawCells);
                Cell(writer, get(pair.Right), rawCells);
            }

            writer.Write(',');
            writer.Write(ReviewDecisionWords.Word(pair.Decision));
            Cell(writer, pair.Note, rawCells);
            writer.Write('\n');
        }
    }

    private static void Cell(TextWriter writer, string? value, bool rawCells, bool first = false)
    {
        if (!first)
        {
            writer.Write(',');
        }

        CsvText.WriteField(writer, rawCells ? value : CsvInjection.Neutralise(value));
    }
}
