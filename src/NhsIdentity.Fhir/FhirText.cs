using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;

namespace NhsIdentity.Fhir;

/// <summary>Small text helpers for mapping: joining name and address parts, splitting them again, and judging a
/// period current. Mapping is not a hot path (the FHIR model allocates far more), so these favour clarity.</summary>
internal static class FhirText
{
    /// <summary>Joins the non-blank parts with single spaces, each trimmed; <see langword="null"/> when none.</summary>
    public static string? JoinWords(IEnumerable<string?> parts)
    {
        StringBuilder? text = null;
        foreach (var part in parts)
        {
            AppendWords(ref text, part);
        }

        return text?.ToString();
    }

    /// <summary>Joins address lines and the city with <c>", "</c>, skipping blank parts; <see langword="null"/> when
    /// none.</summary>
    public static string? JoinAddress(IEnumerable<string?> lines, string? city)
    {
        StringBuilder? text = null;
        foreach (var line in lines)
        {
            AppendPart(ref text, line);
        }

        AppendPart(ref text, city);
        return text?.ToString();
    }

    /// <summary>Splits text at white space into words.</summary>
    public static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || char.IsWhiteSpace(text[i]);
            if (boundary && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    /// <summary>Splits an address at commas into trimmed, non-blank lines, with runs of white space made single.</summary>
    public static List<string> SplitAddressLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ',')
            {
                var line = JoinWords(SplitWords(text[start..i]));
                if (line is not null)
                {
                    lines.Add(line);
                }

                start = i + 1;
            }
        }

        return lines;
    }

    /// <summary>
    /// Whether an element with this period is current on <paramref name="referenceDate"/>: without a date, when the
    /// period has no end; with one, when it has not ended before the date nor starts after it. FHIR dates may be
    /// partial (<c>2019</c>, <c>2019-03</c>) or carry a time; only the date part is compared, to the precision
    /// given, so an end of <c>2026</c> covers all of 2026 (ISO 8601 dates compare correctly as ordinal text).
    /// </summary>
    public static bool IsCurrent(Period? period, DateOnly? referenceDate)
    {
        if (period is null)
        {
            return true;
        }

        if (referenceDate is not { } date)
        {
            return string.IsNullOrWhiteSpace(period.End);
        }

        var reference = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(period.End) && CompareDatePart(period.End, reference) < 0)
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(period.Start) || CompareDatePart(period.Start, reference) <= 0;
    }

    private static int CompareDatePart(string value, string reference)
    {
        var date = value.AsSpan().Trim();
        var length = Math.Min(Math.Min(date.Length, 10), reference.Length);
        return date[..length].SequenceCompareTo(reference.AsSpan(0, length));
    }

    private static void AppendWords(ref StringBuilder? text, string? part)
    {
        if (part is null)
        {
            return;
        }

        foreach (var word in SplitWords(part))
        {
            text = text is null ? new StringBuilder(word) : text.Append(' ').Append(word);
        }
    }

    private static void AppendPart(ref StringBuilder? text, string? part)
    {
        var words = part is null ? null : JoinWords(SplitWords(part));
        if (words is null)
        {
            return;
        }

        text = text is null ? new StringBuilder(words) : text.Append(", ").Append(words);
    }
}
