namespace NhsIdentity.Internal;

/// <summary>
/// Word-level rules of person-name normalisation: which words are titles or suffixes, and the rule that removes them
/// (see <see cref="Demographics.PersonName"/> for the documented behaviour).
/// </summary>
internal static class PersonNameWords
{
    /// <summary>
    /// Removes titles and suffixes from folded text whose words are separated by one <c>' '</c> or <c>','</c>
    /// (hyphens join the parts of one word), in place; commas become spaces. Returns the new length.
    /// </summary>
    /// <remarks>
    /// A title is removed when it is the first word, follows a comma, or follows a removed title; suffixes are removed
    /// from the end. At least one word always stays: if every word is a removable title the last one is kept
    /// (a family name LORD or a given name MISS stays), and suffixes are removed only while another word remains.
    /// These rules make normalisation idempotent: a normalised name never starts with a removable title (unless it is
    /// the only word) and never ends with a removable suffix.
    /// </remarks>
    public static int RemoveTitlesAndSuffixes(Span<char> text)
    {
        var words = 0;
        var removed = 0;
        var suffixRun = 0;
        var eligible = true;
        var lastWordStart = 0;
        for (var i = 0; i < text.Length;)
        {
            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != ',')
            {
                i++;
            }

            var word = text[start..i];
            var commaAfter = i < text.Length && text[i] == ',';
            i++;
            words++;
            lastWordStart = start;
            var isRemovedTitle = eligible && IsTitle(word);
            if (isRemovedTitle)
            {
                removed++;
            }
            else
            {
                suffixRun = IsSuffix(word) ? suffixRun + 1 : 0;
            }

            eligible = commaAfter || isRemovedTitle;
        }

        if (removed == words)
        {
            // Every word is a removable title: keep the last one (it is the name, e.g. family name LORD).
            var last = text[lastWordStart..];
            last.CopyTo(text);
            return last.Length;
        }

        if (removed == 0 && suffixRun == 0 && text.IndexOf(',') < 0)
        {
            return text.Length; // nothing to remove: the common case costs one scan
        }

        var kept = words - removed;
        var keepLimit = kept - Math.Min(suffixRun, kept - 1);
        var written = 0;
        var keptIndex = 0;
        eligible = true;
        for (var i = 0; i < text.Length;)
        {
            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != ',')
            {
                i++;
            }

            var end = i;
            var commaAfter = i < text.Length && text[i] == ',';
            i++;
            var isRemovedTitle = eligible && IsTitle(text[start..end]);
            eligible = commaAfter || isRemovedTitle;
            if (isRemovedTitle)
            {
                continue;
            }

            if (keptIndex++ >= keepLimit)
            {
                break; // the rest are trailing suffixes
            }

            if (written > 0)
            {
                text[written++] = ' ';
            }

            // Moves left only (written <= start), so an overlapping forward copy is safe.
            text[start..end].CopyTo(text[written..]);
            written += end - start;
        }

        return written;
    }

    /// <summary>
    /// Titles removed from the start of a name (or of a comma clause): the forms NHS systems record (PDS/HL7
    /// prefixes) and their common long forms.
    /// </summary>
    public static bool IsTitle(ReadOnlySpan<char> word) => word switch
    {
        "MR" or "MRS" or "MS" or "MISS" or "MX" or "MSTR" or "MASTER" or "DR" or "DOCTOR" or "PROF" or "PROFESSOR"
            or "REV" or "REVD" or "REVEREND" or "SIR" or "DAME" or "LORD" or "LADY" => true,
        _ => false,
    };

    /// <summary>Generational and post-nominal suffixes removed from the end of a name.</summary>
    public static bool IsSuffix(ReadOnlySpan<char> word) => word switch
    {
        "JR" or "JNR" or "JUNIOR" or "SR" or "SNR" or "SENIOR" or "II" or "III" or "IV" or "ESQ" => true,
        _ => false,
    };
}
