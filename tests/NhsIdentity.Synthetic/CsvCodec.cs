using System.Buffers;
using System.Text;

namespace NhsIdentity.Synthetic;

/// <summary>
/// Minimal RFC 4180 CSV: fields are quoted when they hold a comma, a quote, a line break or leading or trailing
/// white space (so readers that trim cannot lose the extra spaces the error profile adds); quotes are doubled.
/// Lines end with <c>\n</c>; the reader accepts <c>\r\n</c> too.
/// </summary>
internal static class CsvCodec
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    public static void WriteRecord(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i != 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write('\n');
    }

    public static void WriteField(TextWriter writer, string field)
    {
        if (!NeedsQuotes(field))
        {
            writer.Write(field);
            return;
        }

        writer.Write('"');
        foreach (var c in field)
        {
            if (c == '"')
            {
                writer.Write('"');
            }

            writer.Write(c);
        }

        writer.Write('"');
    }

    public static bool NeedsQuotes(string field) =>
        field.Length != 0
        && (field.AsSpan().ContainsAny(Special) || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]));

    /// <summary>Reads records until the end; an empty line is skipped.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IEnumerable<string[]> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                if (fields.Count != 0 || field.Length != 0)
                {
                    fields.Add(field.ToString());
                    yield return [.. fields];
                }

                yield break;
            }

            if (c == '"' && field.Length == 0)
            {
                ReadQuoted(reader, field, ref line);
                var next = reader.Peek();
                if (next is not (',' or '\r' or '\n' or -1))
                {
                    throw new FormatException("Text after a closing quote on line " + line + ".");
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    if (fields.Count != 0 || field.Length != 0)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        yield return [.. fields];
                        fields.Clear();
                    }

                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }

    private static void ReadQuoted(TextReader reader, StringBuilder field, ref int line)
    {
        while (true)
        {
            var c = reader.Read();
            switch (c)
            {
                case -1:
                    throw new FormatException("Unclosed quoted field at line " + line + ".");
                case '"' when reader.Peek() == '"':
                    reader.Read();
                    field.Append('"');
                    break;
                case '"':
                    return;
                default:
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append((char)c);
                    break;
            }
        }
    }
}
