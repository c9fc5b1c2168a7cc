using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Matching;

/// <summary>The address comparison's text form: upper-case ASCII letter and digit tokens, sorted, unique.</summary>
internal static class AddressText
{
    public static int GetMaxPreparedLength(int textLength) => textLength * 2 + 1;

    public static int Prepare(ReadOnlySpan<char> text, Span<char> destination)
    {
        // TODO(issue 4): replace with TokenSet.TryPrepare when it lands.
        Span<char> upper = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            upper[n++] = char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ';
        }

        var written = 0;
        foreach (var range in upper[..n].Split(' '))
        {
            var token = upper[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (written > 0)
            {
                destination[written++] = ' ';
            }

            token.CopyTo(destination[written..]);
            written += token.Length;
        }

        return written;
    }

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Indel.NormalizedSimilarity(a, b);
}
