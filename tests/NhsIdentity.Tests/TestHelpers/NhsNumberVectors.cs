using System.Text;

namespace NhsIdentity.Tests.TestHelpers;

/// <summary>One row of Data/nhs-numbers.csv.</summary>
/// <param name="Line">The 1-based line number in the file (for messages).</param>
/// <param name="Input">The input exactly as written, surrounding spaces and non-ASCII characters kept.</param>
/// <param name="Expected"><c>valid</c>, <c>invalid-check-digit</c> or <c>invalid-format</c>.</param>
/// <param name="Source">Where the vector comes from, or why it is invalid.</param>
internal sealed record NhsNumberVector(int Line, string Input, string Expected, string Source);

/// <summary>
/// Reads the vector file, which is a verbatim copy of the shared vectors: CRLF line endings, no quoting, inputs that
/// begin or end with spaces, an empty input and non-ASCII digits. Fields are never trimmed. Inputs contain no commas,
/// so the input is everything before the first comma and the expectation everything up to the second; the source
/// (the rest) may contain commas.
/// </summary>
internal static class NhsNumberVectors
{
    public const string Header = "input,expected,source_or_reason";

    public static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Data", "nhs-numbers.csv");

    private static readonly Lazy<IReadOnlyList<NhsNumberVector>> LazyAll = new(Load);

    public static IReadOnlyList<NhsNumberVector> All => LazyAll.Value;

    private static List<NhsNumberVector> Load()
    {
        var text = File.ReadAllText(FilePath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r') != Header)
        {
            throw new InvalidDataException($"Unexpected header in {FilePath}.");
        }

        var rows = new List<NhsNumberVector>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            if (line.Length == 0 && i == lines.Length - 1)
            {
                break; // the newline after the last row
            }

            var firstComma = line.IndexOf(',', StringComparison.Ordinal);
            var secondComma = firstComma < 0 ? -1 : line.IndexOf(',', firstComma + 1);
            if (secondComma < 0)
            {
                throw new InvalidDataException($"Line {i + 1} of {FilePath} has fewer than three fields.");
            }

            rows.Add(new NhsNumberVector(
                i + 1,
                line[..firstComma],
                line[(firstComma + 1)..secondComma],
                line[(secondComma + 1)..]));
        }

        return rows;
    }
}
