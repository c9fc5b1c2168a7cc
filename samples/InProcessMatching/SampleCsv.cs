using NhsIdentity.Matching;

namespace InProcessMatching;

/// <summary>Reads the bundled synthetic extracts (samples/data). A real service takes records from its messages; the
/// nhsid CLI has the full CSV reader with column recognition and rejects.</summary>
internal static class SampleCsv
{
    public static IEnumerable<PatientRecord> Read(string path, Func<Dictionary<string, string>, PatientRecord> map)
    {
        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            var fields = Split(line);
            if (header is null)
            {
                header = fields;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
            {
                row[header[i]] = fields[i];
            }

            yield return map(row);
        }
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting; the sample files have no line breaks inside fields).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
