namespace NhsIdentity.Synthetic;

/// <summary>Reads the pairs of a links file (<c>nhsid link</c> or <c>nhsid dedupe</c> output) for <see cref="FalseLinkReport"/>.</summary>
public static class LinkFile
{
    /// <summary>The matched pairs: every row when there is no <c>decision</c> column, else the rows whose decision is <c>match</c>.</summary>
    /// <param name="reader">The CSV text, with a header naming <c>left_id</c> and <c>right_id</c>.</param>
    /// <returns>The pairs, lazily.</returns>
    /// <exception cref="FormatException">The header lacks <c>left_id</c> or <c>right_id</c>.</exception>
    public static IEnumerable<(string Left, string Right)> ReadMatches(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int left = -1, right = -1, decision = -1;
        var first = true;
        foreach (var fields in CsvCodec.ReadRecords(reader))
        {
            if (first)
            {
                first = false;
                left = Array.IndexOf(fields, "left_id");
                right = Array.IndexOf(fields, "right_id");
                decision = Array.IndexOf(fields, "decision");
                if (left < 0 || right < 0)
                {
                    throw new FormatException("A links file names left_id and right_id in its header.");
                }

                continue;
            }

            if (decision < 0 || string.Equals(fields[decision], "match", StringComparison.Ordinal))
            {
                yield return (fields[left], fields[right]);
            }
        }
    }
}
