namespace NhsIdentity.Synthetic;

/// <summary>Title-cases names the way a careful clerk types them: <c>JACK</c> → <c>Jack</c>, <c>o'brien</c> → <c>O'Brien</c>, <c>mcdonald</c> → <c>McDonald</c>.</summary>
internal static class TitleCase
{
    public static string Apply(string name) =>
        string.Create(name.Length, name, static (span, source) =>
        {
            var startOfWord = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                var capitalise = startOfWord
                    || (i >= 2 && IsMcPrefix(source, i - 2));
                span[i] = capitalise ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                startOfWord = c is ' ' or '-' or '\'';
            }
        });

    // "Mc" at the start of a word capitalises the letter after it (McDonald), when a letter follows.
    private static bool IsMcPrefix(string source, int start) =>
        (start == 0 || source[start - 1] is ' ' or '-')
        && source[start] is 'M' or 'm' && source[start + 1] is 'C' or 'c'
        && start + 2 < source.Length && char.IsLetter(source[start + 2]);
}
