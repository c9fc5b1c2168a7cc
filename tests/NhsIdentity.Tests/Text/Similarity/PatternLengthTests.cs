using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// The one-off comparisons hold patterns of up to 16 chars in a vector register whose unused lanes contain copies
/// of other pattern chars, patterns of up to 64 chars in a table, and longer ones in a DP row. Texts made of the
/// pattern's own chars, NUL and the char a padding lane repeats would expose a lane that is not masked off.
/// </summary>
public sealed class PatternLengthTests
{
    public static TheoryData<int> Lengths => [1, 2, 3, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_pattern_length_agrees_with_the_textbook(int length)
    {
        var pattern = new string(Enumerable.Range(0, length).Select(i => (char)('A' + (i % 23))).ToArray());
        string[] texts =
        [
            "", "\0", new string('\0', 20), new string(pattern[^1], 20), new string(pattern[0], 3), pattern,
            pattern + pattern[^1], pattern[..^1], string.Concat(pattern.Reverse()), "Z" + pattern, pattern + "\0\0",
            new string('A', length + 5), string.Concat(Enumerable.Repeat(pattern, 3)),
        ];
        foreach (var text in texts)
        {
            Assert.Equal(TextbookSimilarity.Levenshtein(pattern, text), Levenshtein.Distance(pattern, text));
            Assert.Equal(TextbookSimilarity.Levenshtein(pattern, text), new PreparedLevenshtein(pattern).Distance(text));
            Assert.Equal(pattern.Length + text.Length - (2 * TextbookSimilarity.Lcs(pattern, text)), Indel.Distance(text, pattern));
            Assert.Equal(pattern.Length + text.Length - (2 * TextbookSimilarity.Lcs(pattern, text)), new PreparedIndel(pattern).Distance(text));
            Assert.Equal((int)new F23.StringSimilarity.OptimalStringAlignment().Distance(pattern, text), OptimalStringAlignment.Distance(pattern, text));
            Assert.Equal(TextbookSimilarity.JaroWinkler(pattern, text), JaroWinkler.Similarity(pattern, text), 12);
            Assert.Equal(TextbookSimilarity.JaroWinkler(pattern, text), new PreparedJaroWinkler(pattern).Similarity(text), 12);
            Assert.Equal(TextbookSimilarity.JaroWinkler(text, pattern), new PreparedJaroWinkler(text).Similarity(pattern), 12);
        }
    }
}
