namespace NhsIdentity.Ingestion;

/// <summary>
/// Splits a single name column (<c>Patient Name</c>, <c>Name</c>, <c>Full Name</c>) into given names and family name.
/// </summary>
/// <remarks>
/// <para>The rule, first that applies:</para>
/// <list type="number">
/// <item>A comma: <c>SURNAME, Forename Middle</c>. Before the first comma is the family name, after it the given
/// names (PAS and GP systems write names this way).</item>
/// <item>Some words all in capitals and some not, the capitals a run at the start or the end: that run is the
/// family name (the NHS convention of a capitalised surname), so <c>Jan VAN DER BERG</c> and <c>SMITH John</c>
/// split right.</item>
/// <item>Otherwise <c>Forename Middle Surname</c>: the last word is the family name, the others the given names.
/// A single word is a family name only.</item>
/// </list>
/// <para>Multi-word surnames without capitals or a comma (<c>Jan van der Berg</c>) split at the last word; map
/// separate columns with <c>--map</c> when a supplier writes them that way.</para>
/// </remarks>
internal static class FullNameSplit
{
    /// <summary>Splits a full name.</summary>
    /// <param name="fullName">The cell text, or <see langword="null"/>.</param>
    /// <returns>The given names and the family name; either may be <see langword="null"/>.</returns>
    public static (string? GivenNames, string? FamilyName) Split(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return (null, null);
        }

        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            return (OrNull(string.Join(' ', Words(fullName[(comma + 1)..]))), OrNull(string.Join(' ', Words(fullName[..comma]))));
        }

        var words = Words(fullName);
        if (words.Length == 1)
        {
            return (null, words[0]);
        }

        var capitals = Array.ConvertAll(words, IsAllCapitals);
        var count = Array.FindAll(capitals, c => c).Length;
        if (count > 0 && count < words.Length)
        {
            if (IsRun(capitals, 0, count))
            {
                return (string.Join(' ', words[count..]), string.Join(' ', words[..count]));
            }

            if (IsRun(capitals, words.Length - count, count))
            {
                return (string.Join(' ', words[..^count]), string.Join(' ', words[^count..]));
            }
        }

        return (string.Join(' ', words[..^1]), words[^1]);
    }

    private static string[] Words(string text) => text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string? OrNull(string text) => text.Length == 0 ? null : text;

    /// <summary>At least two letters, none lower case (<c>O'NEILL</c>, <c>SMITH-JONES</c>; not the initial <c>J</c>).</summary>
    private static bool IsAllCapitals(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    private static bool IsRun(bool[] capitals, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!capitals[i])
            {
                return false;
            }
        }

        return true;
    }
}
