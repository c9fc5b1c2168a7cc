using System.Text;
using NhsIdentity.Demographics;

namespace NhsIdentity.Cli.Profiling;

/// <summary>
/// The layout of a date of birth as text, as a shape: <c>dd/MM/yyyy</c>, <c>yyyy-MM-dd</c>, <c>dd-MMM-yyyy</c>,
/// <c>00/MM/yyyy</c> (a zero-filled unknown day), <c>yyyyMMdd</c>. Digits and letters are replaced by what they stand
/// for, so a layout never carries a date: only which parts are there, their widths, the separators, and whether a
/// part is all zeros (the common way extracts write "not known").
/// </summary>
/// <remarks>Parts are named by position: the run of four digits is the year; the other digit runs take the order
/// <c>--date-order</c> gives (day then month for <c>dmy</c>). Text without digits is <c>text</c>, anything longer than
/// <see cref="MaxLength"/> characters or with more than <see cref="MaxParts"/> parts is <c>other</c>: both are shapes
/// too.</remarks>
internal static class DateLayout
{
    /// <summary>The longest text given a layout of its own.</summary>
    public const int MaxLength = 32;

    /// <summary>The most digit or letter runs given a layout of their own (a date and a time of day).</summary>
    public const int MaxParts = 7;

    /// <summary>The layout of one non-empty date text.</summary>
    /// <param name="text">The text, trimmed.</param>
    /// <param name="order">The day and month order the run reads dates in.</param>
    /// <returns>The layout.</returns>
    public static string Of(string text, DateOrder order)
    {
        if (text.Length > MaxLength)
        {
            return "other";
        }

        var runs = Runs(text);
        var partCount = 0;
        foreach (var (_, _, kind) in runs)
        {
            partCount += kind == 's' ? 0 : 1;
        }

        if (partCount > MaxParts)
        {
            return "other";
        }

        var digitRuns = 0;
        var yearAt = -1;
        foreach (var (start, length, kind) in runs)
        {
            if (kind == 'd')
            {
                yearAt = yearAt < 0 && length == 4 ? digitRuns : yearAt;
                digitRuns++;
            }
        }

        if (digitRuns == 0)
        {
            return "text";
        }

        if (digitRuns == 1 && runs.Count == 1 && text.Length == 8)
        {
            return "yyyyMMdd";
        }

        // The parts of the date proper, in order; digit runs after them are a time of day.
        string[] parts = (yearAt, order) switch
        {
            (0, _) or (_, DateOrder.YearMonthDay) => ["y", "M", "d"],
            (_, DateOrder.MonthDayYear) => ["M", "d", "y"],
            _ => ["d", "M", "y"],
        };
        var hasMonthName = false;
        foreach (var (_, length, kind) in runs)
        {
            hasMonthName |= kind == 'a' && length >= 3;
        }

        var layout = new StringBuilder(text.Length + 4);
        var next = 0;
        foreach (var (start, length, kind) in runs)
        {
            var run = text.AsSpan(start, length);
            switch (kind)
            {
                case 'd':
                    var part = next < parts.Length ? parts[next++] : "9";
                    if (part == "M" && hasMonthName)
                    {
                        part = next < parts.Length ? parts[next++] : "9"; // the month is the name
                    }

                    layout.Append(run.ContainsAnyExcept('0') ? new string(part[0] == 'y' ? 'y' : part[0], length) : new string('0', length));
                    break;
                case 'a':
                    layout.Append(length >= 4 ? "MMMM" : length == 3 ? "MMM" : IsTimeLetter(run) ? run.ToString().ToUpperInvariant() : "A");
                    break;
                default:
                    layout.Append(run[0] is ' ' or '\t' ? " " : run.ToString());
                    break;
            }
        }

        return layout.ToString();
    }

    private static bool IsTimeLetter(ReadOnlySpan<char> run) => run.Length == 1 && run[0] is 'T' or 't' or 'Z' or 'z';

    /// <summary>Splits text into runs of ASCII digits (<c>d</c>), letters (<c>a</c>) and anything else (<c>s</c>,
    /// separators; each one character long so <c>--</c> stays visible).</summary>
    private static List<(int Start, int Length, char Kind)> Runs(string text)
    {
        var runs = new List<(int, int, char)>();
        var at = 0;
        while (at < text.Length)
        {
            var kind = char.IsAsciiDigit(text[at]) ? 'd' : char.IsLetter(text[at]) ? 'a' : 's';
            var end = at + 1;
            while (kind != 's' && end < text.Length && (kind == 'd' ? char.IsAsciiDigit(text[end]) : char.IsLetter(text[end])))
            {
                end++;
            }

            runs.Add((at, end - at, kind));
            at = end;
        }

        return runs;
    }
}
