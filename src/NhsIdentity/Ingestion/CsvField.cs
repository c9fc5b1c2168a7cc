namespace NhsIdentity.Ingestion;

/// <summary>Turns a field as written in RFC 4180 text into its value, as <see cref="PatientCsvReader"/> reads it; for
/// readers with a tokenizer of their own (the <c>nhsid</c> tool's) that must read values exactly alike.</summary>
public static class CsvField
{
    /// <summary>
    /// Surrounding spaces and tabs removed (FEBRL writes <c>", "</c> between fields), then, if the field is quoted,
    /// the outer quotes removed and each doubled quote made single. A field that starts with a quote but does not end
    /// with one is kept as it is.
    /// </summary>
    /// <param name="raw">The field as written.</param>
    /// <returns>The value; <see langword="null"/> when it is empty.</returns>
    public static string? ToValue(ReadOnlySpan<char> raw)
    {
        var field = raw.Trim(" \t");
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"')
        {
            var inner = field[1..^1];
            return inner.Length == 0 ? null
                : inner.Contains('"') ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal)
                : inner.ToString();
        }

        return field.Length == 0 ? null : field.ToString();
    }
}
